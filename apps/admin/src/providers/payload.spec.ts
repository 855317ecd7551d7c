import { changedFields, isStaleVersion, withoutEmpty } from './payload';

/** Shaped like react-admin's HttpError (status + JSON body). */
class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

describe('changedFields', () => {
  const previous = {
    id: 'a1',
    slug: 'casa',
    name: 'Casa',
    focusAreas: ['asylum', 'labor'],
    website: null,
    description: 'x',
    version: 4,
    createdAt: '2024-01-01T00:00:00Z',
  };

  it('sends only what changed, never read-only fields', () => {
    const data = { ...previous, name: 'Casa Nueva', focusAreas: ['asylum', 'labor'] };
    expect(changedFields(data, previous)).toEqual({ name: 'Casa Nueva' });
  });

  it('sees array changes and treats null, undefined and "" as the same empty value', () => {
    const data = { ...previous, focusAreas: ['asylum'], website: '' };
    expect(changedFields(data, previous)).toEqual({ focusAreas: ['asylum'] });
  });

  it('sends null to clear a field the user emptied', () => {
    expect(changedFields({ ...previous, description: '' }, previous)).toEqual({ description: null });
  });

  it('never sends version as a change', () => {
    expect(changedFields({ ...previous, version: 9 }, previous)).toEqual({});
  });
});

describe('withoutEmpty', () => {
  it('leaves out empty optional fields', () => {
    expect(withoutEmpty({ name: 'A', website: '', description: null, x: undefined, tags: [] })).toEqual({
      name: 'A',
      tags: [],
    });
  });
});

describe('isStaleVersion', () => {
  it('recognises the API stale-version conflict', () => {
    const stale = new HttpError('changed', 409, {
      code: 'error.staleVersion',
      errors: { version: 'changed' },
    });
    expect(isStaleVersion(stale)).toBe(true);
    expect(isStaleVersion(new HttpError('changed', 409, { message: 'changed' }))).toBe(true);
  });

  it('leaves duplicate-name conflicts to the form', () => {
    const duplicate = new HttpError('taken', 409, { code: 'error.duplicateName', errors: { name: 'taken' } });
    expect(isStaleVersion(duplicate)).toBe(false);
    expect(isStaleVersion(new HttpError('bad', 422, { errors: { name: 'bad' } }))).toBe(false);
  });
});
