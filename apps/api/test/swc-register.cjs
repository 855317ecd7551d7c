// Lets a plain `node` process run the API's TypeScript as jest runs it (swc, the same options and
// path aliases), without a build: `node -r ./apps/api/test/swc-register.cjs some-script.ts`.
// Used by specs that need a real child process (the import kill test) and by measuring scripts.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const aliases = [
  ['@unidos/contracts', 'libs/shared/contracts/src/index.ts'],
  ['@migrations', 'migrations/index.ts'],
  ['@api/', 'apps/api/src/'],
  ['@tools/', 'tools/'],
];

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [from, to] of aliases) {
    if (from.endsWith('/') ? request.startsWith(from) : request === from) {
      request = path.join(root, from.endsWith('/') ? to + request.slice(from.length) : to);
      break;
    }
  }
  return resolve.call(this, request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
