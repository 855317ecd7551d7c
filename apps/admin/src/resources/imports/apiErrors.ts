import { errorBody } from '../../providers/payload';

/**
 * What to tell the person when the API refuses a step: its message (already in the UI language)
 * and each field problem once. The API sends field problems as `{field: message}`; the import
 * contract also allows `[{field, reason}]`, so both are read.
 */
export function apiErrorLines(error: unknown): string[] {
  const body = errorBody(error) as { message?: unknown; errors?: unknown } | undefined;
  const lines: string[] = [];
  const message =
    typeof body?.message === 'string' && body.message
      ? body.message
      : error instanceof Error && error.message
        ? error.message
        : '';
  if (message) lines.push(message);
  const errors = body?.errors;
  const reasons = Array.isArray(errors)
    ? errors.map((item) => (item && typeof item === 'object' && 'reason' in item ? String(item.reason) : ''))
    : errors && typeof errors === 'object'
      ? Object.values(errors).map(String)
      : [];
  for (const reason of reasons) if (reason && !lines.includes(reason)) lines.push(reason);
  return lines;
}
