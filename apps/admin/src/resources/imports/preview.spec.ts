import { apiErrorLines } from './apiErrors';
import { isNotCsv, isTooLarge, MAX_FILE_BYTES } from './file';
import {
  errorsPage,
  firstBadRows,
  isFinished,
  moreProblemsThanListed,
  progressPercent,
  rowsNamed,
  runBlocker,
} from './preview';
import type { RowErrorDto } from './types';

const errors: RowErrorDto[] = [
  { row: 7, field: 'email', reason: 'Not an email address', value: 'beto@' },
  { row: 3, field: 'displayName', reason: 'Required' },
  { row: 7, field: 'phone', reason: 'Not a phone number', value: 'abc' },
  { row: 12, field: 'preferredLanguage', reason: 'Unknown language', value: 'xx' },
];

describe('the preview step', () => {
  it('blocks the import while any row is invalid (all or nothing), and for an empty file', () => {
    expect(runBlocker({ invalid: 1, rowCount: 100 })).toBe('invalid');
    expect(runBlocker({ invalid: 0, rowCount: 0 })).toBe('empty');
    expect(runBlocker({ invalid: 0, rowCount: 100 })).toBeNull();
  });

  it('lists the problems by row number, one page at a time', () => {
    expect(errorsPage(errors, 0, 2).map((error) => [error.row, error.field])).toEqual([
      [3, 'displayName'],
      [7, 'email'],
    ]);
    expect(errorsPage(errors, 1, 2).map((error) => [error.row, error.field])).toEqual([
      [7, 'phone'],
      [12, 'preferredLanguage'],
    ]);
    expect(errorsPage(errors, 2, 2)).toEqual([]);
    expect(errors[0].row).toBe(7);
  });

  it('names the first bad rows once each, for the summary', () => {
    expect(firstBadRows(errors)).toEqual([3, 7, 12]);
    expect(firstBadRows(errors, 2)).toEqual([3, 7]);
    expect(rowsNamed(errors)).toBe(3);
  });

  it('says when the API listed fewer problems than there are invalid rows', () => {
    expect(moreProblemsThanListed({ invalid: 3, errors })).toBe(false);
    expect(moreProblemsThanListed({ invalid: 250, errors })).toBe(true);
  });
});

describe('the progress step', () => {
  it('polls until the import succeeded or failed, and never for a file that was only uploaded', () => {
    expect(isFinished('uploaded')).toBe(true);
    expect(isFinished('queued')).toBe(false);
    expect(isFinished('running')).toBe(false);
    expect(isFinished('succeeded')).toBe(true);
    expect(isFinished('failed')).toBe(true);
    expect(isFinished(undefined)).toBe(false);
  });

  it('shows processed of rowCount as a whole percent, full once succeeded', () => {
    expect(progressPercent({ status: 'running', processed: 333, rowCount: 1000 })).toBe(33);
    expect(progressPercent({ status: 'running', processed: 5, rowCount: 0 })).toBe(0);
    expect(progressPercent({ status: 'running', processed: 1200, rowCount: 1000 })).toBe(100);
    expect(progressPercent({ status: 'succeeded', processed: 0, rowCount: 0 })).toBe(100);
  });
});

describe('refusals shown to the person', () => {
  const refused = (body: unknown) => Object.assign(new Error('Validation failed'), { status: 422, body });

  it('shows the message and each field problem the API sends as an object', () => {
    expect(
      apiErrorLines(
        refused({ message: 'Check the fields', errors: { file: 'The file is not CSV', kind: 'Unknown' } }),
      ),
    ).toEqual(['Check the fields', 'The file is not CSV', 'Unknown']);
  });

  it('reads the list form too, without repeating the message', () => {
    expect(
      apiErrorLines(
        refused({
          message: 'Row 3 is invalid',
          errors: [
            { field: 'row', reason: 'Row 3 is invalid' },
            { field: 'email', reason: 'Not an email address' },
          ],
        }),
      ),
    ).toEqual(['Row 3 is invalid', 'Not an email address']);
  });

  it('falls back to the error itself (a network failure has no body)', () => {
    expect(apiErrorLines(new Error('unidos.errors.network'))).toEqual(['unidos.errors.network']);
  });
});

describe('the file step', () => {
  const file = (name: string, size: number, type = 'text/csv') => ({ name, size, type }) as File;

  it('refuses a file over the size limit before sending it', () => {
    expect(isTooLarge(file('people.csv', MAX_FILE_BYTES + 1))).toBe(true);
    expect(isTooLarge(file('people.csv', MAX_FILE_BYTES))).toBe(false);
    expect(isTooLarge(null)).toBe(false);
  });

  it('refuses what is not a CSV file by name and type', () => {
    expect(isNotCsv(file('people.xlsx', 10, 'application/vnd.ms-excel'))).toBe(true);
    expect(isNotCsv(file('people.csv', 10, ''))).toBe(false);
    expect(isNotCsv(file('export', 10, 'text/csv'))).toBe(false);
  });
});
