type Catalog = { [key: string]: string | Catalog };

const isCatalog = (value: unknown): value is Catalog =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Deep-merges catalogs left to right (a feature's own catalog file into the main one), so several
 * files may fill the same branches (`unidos`, `enums`, `resources`) without replacing each other.
 */
export function mergeCatalogs<T extends object>(base: T, ...more: object[]): T {
  const out: Catalog = { ...(base as Catalog) };
  for (const extra of more) {
    for (const [key, value] of Object.entries(extra as Catalog)) {
      const current = out[key];
      out[key] = isCatalog(current) && isCatalog(value) ? mergeCatalogs(current, value) : value;
    }
  }
  return out as T;
}
