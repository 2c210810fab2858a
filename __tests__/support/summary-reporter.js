// Prints one closing line CI can read: `tests: N passed, N failed[, N skipped]`,
// and keeps it in node_modules/.cache/jest-summary.txt so .ci/run can repeat it last.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const SUMMARY_FILE = join(__dirname, '..', '..', 'node_modules', '.cache', 'jest-summary.txt');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`${line}\n`);
    mkdirSync(join(SUMMARY_FILE, '..'), { recursive: true });
    writeFileSync(SUMMARY_FILE, `${line}\n`);
  }
}
module.exports = SummaryReporter;
