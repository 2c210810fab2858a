import { parseLocalArgs } from '../../../tools/local/cli-args';

describe('npm run local arguments', () => {
  it('reads every option', () => {
    expect(parseLocalArgs(['--demo', '--data', '/tmp/x', '--stack', 's.json', '--synth', '--concurrency', '8'])).toEqual({
      demo: true,
      synth: true,
      dataDir: '/tmp/x',
      stackPath: 's.json',
      concurrency: 8,
    });
  });

  it.each([
    [['--data'], /--data needs a value/],
    [['--data', '--demo'], /--data needs a value/],
    [['--concurrency', '0'], /positive integer/],
    [['--nope'], /Unknown option --nope/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseLocalArgs(argv)).toThrow(message);
  });
});
