// The AWS SDK warns once per module registry (so once per test file) that it will
// require Node 22; this machine runs Node 20 on purpose (the Lambda runtime is 22).
// The SDK's own switch, read by @aws-sdk/core's emitWarningIfUnsupportedVersion;
// set here so jest, its workers and the processes tests spawn all inherit it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Jest's workers allocate heavily (every test file evaluates its modules afresh); a young
// generation of 32 MB (V8's default is 16) cuts their scavenges: worker CPU over the whole
// suite 67 → 62 s. Workers and the processes tests spawn inherit NODE_OPTIONS; a flag the
// caller already set wins.
if (!/--max-semi-space-size/.test(process.env.NODE_OPTIONS ?? '')) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=32`.trim();
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  // One s3rver, one DynamoDB Local and one handler build per run (see the files).
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  testTimeout: 30000,
  // Many suites wait on DynamoDB Local, s3rver or child processes; two workers keep both cores busy.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/__tests__/support/summary-reporter.js'],
  // Long files first even on a fresh clone, so none of them is the run's tail.
  testSequencer: '<rootDir>/__tests__/support/slow-first-sequencer.js',
};
