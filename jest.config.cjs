/** `npx jest` runs the API (unit + integration on real PostgreSQL) and the admin's unit specs. */
module.exports = {
  projects: ['<rootDir>/apps/api/jest.config.cjs', '<rootDir>/apps/admin/jest.config.cjs'],
  // A global option: the projects' own testTimeout is ignored when jest runs them together, and
  // integration specs on a busy 2-core machine need more than jest's default 5 s per hook or test.
  testTimeout: 60000,
};
