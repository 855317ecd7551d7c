/** Browser journeys: the built app on an embedded PostgreSQL, driven by Playwright in system Chromium. */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  rootDir: '../..',
  roots: ['<rootDir>/apps/e2e/src'],
  testMatch: ['**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: { '^@unidos/contracts$': '<rootDir>/libs/shared/contracts/src/index.ts' },
  globalSetup: '<rootDir>/apps/e2e/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/apps/e2e/src/support/global-teardown.mjs',
  maxWorkers: 1,
  testTimeout: 180000,
};
