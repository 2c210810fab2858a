/**
 * `npm test [-- <jest args>]`: typecheck and lint run beside jest (they used to run
 * before it, adding their whole time to the suite's). Their output is shown only when
 * they fail; the run still ends with jest's `tests: N passed, N failed` line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../build/paths';
import { CHECKS, runCheck, runJest, type CheckResult } from './checks';

const USAGE = `usage: npm test [-- <jest arguments>]

Runs typecheck (tsc --noEmit --incremental) and lint (biome) in parallel with jest.
Every argument is passed to jest, e.g. \`npm test -- __tests__/stacks\`.`;

const SUMMARY_FILE = join(REPO_ROOT, 'node_modules', '.cache', 'jest-summary.txt');

function report(result: CheckResult): void {
  if (result.ok) {
    process.stderr.write(`${result.name}: ok (${result.seconds.toFixed(1)} s)\n`);
  } else {
    process.stderr.write(`${result.name}: FAILED (${result.seconds.toFixed(1)} s)\n${result.output.trimEnd()}\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { help: { type: 'boolean' } }, strict: false, allowPositionals: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const checks = CHECKS.map((check) => runCheck(check).then((result) => (report(result), result)));
  const jestCode = await runJest(argv);
  const results = await Promise.all(checks);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    // Keep the closing line last even when a check failed after jest's summary.
    process.stdout.write(`${failed.map((r) => `${r.name}: FAILED`).join('\n')}\n`);
    if (existsSync(SUMMARY_FILE)) process.stdout.write(readFileSync(SUMMARY_FILE, 'utf8'));
  }
  return jestCode !== 0 || failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: TEST_RUNNER_FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
