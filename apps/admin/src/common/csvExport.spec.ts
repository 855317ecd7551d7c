import { csvExportUrl } from './csvExport';

describe('csvExportUrl', () => {
  const params = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

  it("sends the list's filter and sort to the export, and no range", () => {
    const url = csvExportUrl(
      '/api/people/export.csv',
      { q: 'Ana', okToText: true },
      { field: 'displayName', order: 'DESC' },
    );
    expect(url.startsWith('/api/people/export.csv?')).toBe(true);
    expect(params(url)).toEqual({ filter: '{"q":"Ana","okToText":true}', sort: '["displayName","DESC"]' });
  });

  it("leaves the sort to the API when the list has none (react-admin's placeholder is id)", () => {
    expect(
      params(csvExportUrl('/api/rsvps/export.csv', { eventId: 'e1' }, { field: 'id', order: 'ASC' })),
    ).toEqual({
      filter: '{"eventId":"e1"}',
    });
    expect(params(csvExportUrl('/api/regions/export.csv', undefined, undefined))).toEqual({ filter: '{}' });
  });
});
