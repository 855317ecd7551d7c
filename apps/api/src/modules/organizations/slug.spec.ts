import { slugify } from './slug';

describe('slugify', () => {
  it('makes readable ASCII slugs from names in any language', () => {
    expect(slugify('Centro de Trabajadores Unidos!')).toBe('centro-de-trabajadores-unidos');
    expect(slugify('Coalición Pro-Inmigrante de Illinois')).toBe('coalicion-pro-inmigrante-de-illinois');
    expect(slugify('  Faith & Justice  ')).toBe('faith-and-justice');
  });

  it('never returns an empty slug', () => {
    expect(slugify('!!!')).toBe('organization');
    expect(slugify('移民')).toBe('organization');
  });

  it('caps the length without a trailing dash', () => {
    const slug = slugify('a '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});
