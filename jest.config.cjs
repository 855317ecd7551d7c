/** `npx jest` runs the API (unit + integration on real PostgreSQL) and the admin's unit specs. */
module.exports = {
  projects: ['<rootDir>/apps/api/jest.config.cjs', '<rootDir>/apps/admin/jest.config.cjs'],
};
