import type { ImportJobDto, ImportPreviewDto, ImportStatus, RowErrorDto } from './types';

/** Why the Import button is disabled, or null when the file may be imported. */
export type RunBlocker = 'invalid' | 'empty' | null;

/** All or nothing: one invalid row blocks the whole file; an empty file has nothing to import. */
export function runBlocker(preview: Pick<ImportPreviewDto, 'invalid' | 'rowCount'>): RunBlocker {
  if (preview.invalid > 0) return 'invalid';
  if (preview.rowCount === 0) return 'empty';
  return null;
}

/** The problems sorted by row, then by field as the API listed them (a stable sort). */
export const sortedErrors = (errors: readonly RowErrorDto[]) => [...errors].sort((a, b) => a.row - b.row);

/** One page of problems (page counts from 0). */
export function errorsPage(errors: readonly RowErrorDto[], page: number, perPage: number): RowErrorDto[] {
  const start = Math.max(0, page) * perPage;
  return sortedErrors(errors).slice(start, start + perPage);
}

/** How many distinct rows the listed problems name. */
export const rowsNamed = (errors: readonly RowErrorDto[]) => new Set(errors.map((error) => error.row)).size;

/**
 * True when the API listed fewer problems than there are invalid rows (it sends the first 200):
 * the page then says that fixing these may reveal more.
 */
export const moreProblemsThanListed = (preview: Pick<ImportPreviewDto, 'invalid' | 'errors'>) =>
  preview.invalid > rowsNamed(preview.errors);

/** The first rows with a problem, for the one-line summary ("rows 3, 7 and 12"). */
export const firstBadRows = (errors: readonly RowErrorDto[], limit = 5) =>
  [...new Set(sortedErrors(errors).map((error) => error.row))].slice(0, limit);

/** Nothing changes on its own any more: it ended, or it was uploaded and never started. */
const TERMINAL: readonly ImportStatus[] = ['succeeded', 'failed', 'uploaded'];

export const isFinished = (status: ImportStatus | undefined) =>
  status !== undefined && TERMINAL.includes(status);

/** Percent done (0–100, whole numbers) of a running import; a file of no rows is done at once. */
export function progressPercent(job: Pick<ImportJobDto, 'processed' | 'rowCount' | 'status'>): number {
  if (job.status === 'succeeded') return 100;
  if (job.rowCount <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((job.processed / job.rowCount) * 100)));
}
