import { join } from 'node:path';

/** The jest sequencer (jest.config.js) orders files longest first, with estimates until jest has timed them. */
type FakeTest = { path: string; context: { config: { rootDir: string; cache: boolean }; hasteFS: { getSize(path: string): number } } };
interface Sequencer {
  sort(tests: FakeTest[]): FakeTest[];
  _cache: Map<unknown, Record<string, [number, number]>>;
}
const SlowFirstSequencer = require('../../support/slow-first-sequencer') as new (options: object) => Sequencer;

const ROOT = '/repo';
// Uncached, and the small e2e file is the smallest: jest's own order (by size) would run it last.
const context = { config: { rootDir: ROOT, cache: false }, hasteFS: { getSize: (path: string) => (path.includes('load') ? 10 : 5000) } };
const test = (file: string): FakeTest => ({ path: join(ROOT, file), context });
const order = (tests: FakeTest[]) => tests.map((t) => t.path.slice(ROOT.length + 1));

describe('slow-first test sequencer', () => {
  it('starts the known long files first on a run with no timings (fresh clone), longest first', () => {
    const tests = ['__tests__/stacks/config.test.ts', '__tests__/e2e/load.test.ts', '__tests__/app/launch.test.ts', '__tests__/terraform/real-plan.test.ts'].map(test);
    expect(order(new SlowFirstSequencer({}).sort(tests))).toEqual([
      '__tests__/terraform/real-plan.test.ts',
      '__tests__/e2e/load.test.ts',
      expect.stringMatching(/^__tests__\/(stacks\/config|app\/launch)\.test\.ts$/),
      expect.stringMatching(/^__tests__\/(stacks\/config|app\/launch)\.test\.ts$/),
    ]);
  });

  it("uses jest's own timing of a file over the estimate", () => {
    const sequencer = new SlowFirstSequencer({});
    sequencer._cache.set(context, { [join(ROOT, '__tests__/stacks/config.test.ts')]: [0, 60_000] });
    const tests = ['__tests__/e2e/load.test.ts', '__tests__/stacks/config.test.ts'].map(test);
    expect(order(sequencer.sort(tests))).toEqual(['__tests__/stacks/config.test.ts', '__tests__/e2e/load.test.ts']);
  });
});
