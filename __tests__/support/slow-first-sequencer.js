// Orders test files longest first, as jest's own sequencer does once it has timed a
// run. On a fresh clone (CI) it has no timings and orders by file size, so a short file
// that runs long (e2e/load.test.ts: 80 lines, ~12 s) could start last and be the run's
// tail. These estimates stand in until jest has its own; they only change the order.
const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');

/** Seconds, measured alone on a quiet 2-core machine; every other file counts as 1 s. */
const ESTIMATED_SECONDS = {
  '__tests__/terraform/real-plan.test.ts': 18,
  '__tests__/e2e/load.test.ts': 12,
  '__tests__/tools/build/build-handlers.test.ts': 8,
  '__tests__/e2e/local-cli-lifecycle.test.ts': 7,
  '__tests__/stacks/terraform-validate.test.ts': 6,
  '__tests__/e2e/local-cli.test.ts': 6,
  '__tests__/tools/local-aws/dynamodb-server.test.ts': 5,
  '__tests__/tools/cli-conventions.test.ts': 4,
};
const OTHER_FILES_SECONDS = 1;

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const timed = super.time(test);
    if (timed != null) return timed;
    const file = relative(test.context.config.rootDir, test.path).split('\\').join('/');
    return (ESTIMATED_SECONDS[file] ?? OTHER_FILES_SECONDS) * 1000;
  }
}

module.exports = SlowFirstSequencer;
