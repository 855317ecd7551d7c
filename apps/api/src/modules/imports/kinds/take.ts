import type { Checked } from './cells';
import type { RowError } from './kind';

/** The checked value, or null after recording the cell's problem (its text only for non-personal fields). */
export function take<T>(field: string, row: number, checked: Checked<T>, errors: RowError[], raw: string | undefined, echo: boolean): T | null {
  if (checked.ok) return checked.value;
  errors.push({
    row,
    field,
    key: checked.problem.key,
    ...(checked.problem.params ? { params: checked.problem.params } : {}),
    ...(echo && raw !== undefined ? { value: raw.slice(0, 100) } : {}),
  });
  return null;
}
