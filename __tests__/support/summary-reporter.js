// Closes the run with the slowest test files and one line CI can read:
// `tests: N passed, N failed[, N skipped]`, kept too in node_modules/.cache/jest-summary.txt
// so .ci/run can repeat it last.
const { mkdirSync, writeFileSync, writeSync } = require('node:fs');
const { join, relative } = require('node:path');

const SUMMARY_FILE = join(__dirname, '..', '..', 'node_modules', '.cache', 'jest-summary.txt');
const SLOWEST_SHOWN = 5;

/** `  12.3 s  __tests__/e2e/load.test.ts` for the slowest files, so the next regression is visible. */
function slowestFiles(results, rootDir) {
  return results.testResults
    .map((r) => ({ file: relative(rootDir, r.testFilePath), seconds: (r.perfStats.end - r.perfStats.start) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, SLOWEST_SHOWN)
    .map((r) => `${r.seconds.toFixed(1).padStart(6)} s  ${r.file}`);
}

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    const slowest = slowestFiles(results, this.rootDir);
    mkdirSync(join(SUMMARY_FILE, '..'), { recursive: true });
    writeFileSync(SUMMARY_FILE, `${line}\n`);
    // Jest's own summary reporter always runs after custom ones, so the closing lines
    // are written when the process exits, after everything jest prints.
    process.once('exit', () => {
      writeSync(1, `\nslowest test files:\n${slowest.join('\n')}\n${line}\n`);
    });
  }
}
module.exports = SummaryReporter;
