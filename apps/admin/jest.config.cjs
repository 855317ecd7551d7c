/** Unit tests of the admin (plain node: no DOM needed for the catalogs and the provider helpers). */
module.exports = {
  displayName: 'admin',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@unidos/contracts$': '<rootDir>/../../libs/shared/contracts/src/index.ts',
  },
};
