/**
 * The export URL of a list: `<url>?filter=…&sort=…` with the list's current filter and sort, the
 * query its own list sends (ra-data-simple-rest's convention) without a range: every page.
 */
export function csvExportUrl(
  url: string,
  filterValues: Record<string, unknown> | undefined,
  sort: { field?: string; order?: string } | undefined,
): string {
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}) });
  // react-admin's placeholder sort is `id`; without a sort the API applies the list's default.
  if (sort?.field && sort.field !== 'id')
    query.set('sort', JSON.stringify([sort.field, sort.order ?? 'ASC']));
  return `${url}?${query.toString()}`;
}
