import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInputs } from '../../../tools/fuzz/run-target';

const WORKER = join(__dirname, '..', '..', 'support', 'late-rejection-worker.ts');

describe('fuzz runner: a rejection that escapes its case', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paypulse-fuzz-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts one crash and saves the input that left the rejection behind, not the case running when it surfaced', async () => {
    // The rejection from `late` surfaces while `slow` runs.
    const inputs = ['a', 'b', 'late', 'slow', 'd'];
    const report = await runInputs('html', inputs, 'warm', { cases: inputs.length, seed: 1, hangMs: 5000, killMs: 20_000, workers: 1, findingsDir: dir, workerEntry: WORKER });
    expect(report.cases).toBe(5);
    expect(report.crashes).toBe(1);
    expect(report.ok).toBe(4);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatch(/^case 2 crash: unhandled rejection escaped the case: Error: End of file inside array/);
    expect(JSON.parse(readFileSync(join(dir, 'html-2.bin'), 'utf8'))).toBe('late');
  }, 60_000);
});
