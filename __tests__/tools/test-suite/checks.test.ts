import { runCheck } from '../../../tools/test-suite/checks';

/** The checks beside jest (typecheck, lint) run at a lower priority, and report their output and outcome. */
describe('runCheck', () => {
  it('runs the check at a lower priority than jest, keeping its output', async () => {
    const script = 'setTimeout(() => process.stdout.write(String(require("node:os").getPriority())), 300)';
    const result = await runCheck({ name: 'probe', command: process.execPath, args: ['-e', script] });
    expect(result).toMatchObject({ name: 'probe', ok: true, output: '10' });
  });

  it('reports a failing check with its output', async () => {
    const result = await runCheck({ name: 'probe', command: process.execPath, args: ['-e', 'console.error("type error"); process.exit(2)'] });
    expect(result).toMatchObject({ ok: false, output: 'type error\n' });
  });
});
