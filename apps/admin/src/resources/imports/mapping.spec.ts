import {
  exampleValue,
  hasMappingProblems,
  headerFor,
  ignoredHeaders,
  initialMapping,
  mappingProblems,
  mappingRows,
  orderedFields,
  withTarget,
} from './mapping';
import { contractFields } from './targets';
import type { ImportFieldDto } from './types';

const people: ImportFieldDto[] = contractFields('people');
const headers = ['Nombre', 'Correo', 'Teléfono', 'Notas internas'];
const sample = [
  ['Ana', '', '+1 915 555 0101', ''],
  ['Beto', 'beto@example.org', '', 'llamar después'],
];

describe('the mapping step', () => {
  it('starts from the API mapping, with every header present', () => {
    const mapping = initialMapping(headers, { Nombre: 'displayName', Correo: 'email' }, people);
    expect(mapping).toEqual({
      Nombre: 'displayName',
      Correo: 'email',
      Teléfono: null,
      'Notas internas': null,
    });
  });

  it('turns a saved target the form no longer offers into "leave out"', () => {
    const mapping = initialMapping(headers, { Nombre: 'displayName', Correo: 'fax' }, people);
    expect(mapping.Correo).toBeNull();
  });

  it('keeps only the first of two columns guessed as the same field, so it starts valid', () => {
    const mapping = initialMapping(
      ['Name', 'Full name'],
      { Name: 'displayName', 'Full name': 'displayName' },
      people,
    );
    expect(mapping).toEqual({ Name: 'displayName', 'Full name': null });
    expect(hasMappingProblems(mappingProblems(mapping, people))).toBe(false);
  });

  it("keeps the person's own choices when they upload a corrected file", () => {
    const previous = { Nombre: 'displayName', Correo: null, Teléfono: 'phone' };
    const mapping = initialMapping(
      [...headers, 'Idioma'],
      { Nombre: 'displayName', Correo: 'email', Idioma: 'preferredLanguage' },
      people,
      previous,
    );
    // Correo stays left out as chosen; the new column Idioma takes the API's guess.
    expect(mapping).toEqual({
      Nombre: 'displayName',
      Correo: null,
      Teléfono: 'phone',
      'Notas internas': null,
      Idioma: 'preferredLanguage',
    });
  });

  it('shows each column with the first non-empty example of the sample', () => {
    expect(exampleValue(sample, 1)).toBe('beto@example.org');
    expect(exampleValue(sample, 3)).toBe('llamar después');
    expect(exampleValue([], 0)).toBe('');
    const rows = mappingRows({ headers, sample }, { Nombre: 'displayName' });
    expect(rows[0]).toEqual({ header: 'Nombre', example: 'Ana', target: 'displayName' });
    expect(rows[2]).toEqual({ header: 'Teléfono', example: '+1 915 555 0101', target: null });
  });

  it('changes one column at a time; the empty choice leaves the column out', () => {
    const start = { Nombre: 'displayName', Correo: 'email' };
    const changed = withTarget(start, 'Correo', '');
    expect(changed).toEqual({ Nombre: 'displayName', Correo: null });
    expect(start.Correo).toBe('email');
    expect(ignoredHeaders(changed)).toEqual(['Correo']);
  });

  it('reports a required field no column fills', () => {
    const problems = mappingProblems({ Nombre: null, Correo: 'email' }, people);
    expect(problems.missingRequired).toEqual(['displayName']);
    expect(hasMappingProblems(problems)).toBe(true);
  });

  it('reports two columns sent to the same field, naming both', () => {
    const problems = mappingProblems({ Nombre: 'displayName', Correo: 'email', 'Correo 2': 'email' }, people);
    expect(problems.duplicateTargets).toEqual({ email: ['Correo', 'Correo 2'] });
    expect(problems.missingRequired).toEqual([]);
    expect(hasMappingProblems(problems)).toBe(true);
  });

  it('names a problem by the column of the file that feeds the field', () => {
    expect(headerFor({ Nombre: 'displayName', Correo: 'email' }, 'email')).toBe('Correo');
    expect(headerFor({ Nombre: 'displayName' }, 'phone')).toBeUndefined();
  });

  it('offers the required fields first', () => {
    const fields = orderedFields(contractFields('pledges')).map((field) => field.name);
    expect(fields.slice(0, 5).sort()).toEqual(['campaign', 'dueOn', 'metric', 'organization', 'quantity']);
    expect(fields.slice(5)).toEqual(['note', 'demand']);
  });
});
