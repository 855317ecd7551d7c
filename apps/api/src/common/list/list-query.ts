import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { DomainError, FieldErrors } from '@api/common/errors/domain-error';
import { isStorableText } from '@api/common/http/transforms';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 25;

/** How one filter field of a resource maps to SQL. `column` is a trusted SQL expression. */
export type FilterSpec =
  | { kind: 'eq'; column: string; type?: 'text' | 'uuid' | 'bool' }
  | { kind: 'search'; columns: string[] }
  | { kind: 'arrayContains'; column: string }
  | { kind: 'gte' | 'lte'; column: string; type: 'date' }
  /** Allowed, but applied by the service itself (e.g. an exact match through a keyed hash). */
  | { kind: 'custom' };

export interface ListSpec {
  /** Name in Content-Range. */
  resource: string;
  /** API field -> trusted SQL expression. */
  sortable: Record<string, string>;
  filters: Record<string, FilterSpec>;
  defaultSort: [string, 'ASC' | 'DESC'];
  /** A unique column appended to every ORDER BY so pages are stable. */
  tiebreaker: string;
  /** SQL expression of the id, for filter={"id":[...]}. */
  idColumn: string;
}

export interface RawListQuery {
  filter?: unknown;
  range?: unknown;
  sort?: unknown;
}

export interface ListQuery {
  filter: Record<string, unknown>;
  offset: number;
  limit: number;
  sort: [string, 'ASC' | 'DESC'];
}

export interface Page<T> {
  resource: string;
  rows: T[];
  offset: number;
  total: number;
}

/** A list answer; the list interceptor turns it into the array and its Content-Range header. */
export class ListResult<T> {
  constructor(readonly page: Page<T>) {}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new FieldErrors({ [name]: { key: 'query.badJson', params: { param: name } } });
  try {
    return JSON.parse(raw);
  } catch {
    throw new FieldErrors({ [name]: { key: 'query.badJson', params: { param: name } } });
  }
}

/** Parses `filter`, `range` and `sort` in the ra-data-simple-rest convention and checks them against the spec. */
export function parseListQuery(raw: RawListQuery, spec: ListSpec): ListQuery {
  const filter = parseJson('filter', raw.filter) ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new FieldErrors({ filter: { key: 'query.badJson', params: { param: 'filter' } } });
  }
  for (const field of Object.keys(filter)) {
    if (field !== 'id' && !(field in spec.filters)) {
      throw new FieldErrors({ filter: { key: 'query.unknownFilter', params: { field } } });
    }
  }

  let offset = 0;
  let limit = DEFAULT_PAGE;
  const range = parseJson('range', raw.range);
  if (range !== undefined) {
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !range.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) ||
      (range[1] as number) < (range[0] as number)
    ) {
      throw new FieldErrors({ range: { key: 'query.badRange' } });
    }
    offset = range[0] as number;
    limit = Math.min((range[1] as number) - offset + 1, MAX_PAGE);
  }

  let sort = spec.defaultSort;
  const rawSort = parseJson('sort', raw.sort);
  if (rawSort !== undefined) {
    if (
      !Array.isArray(rawSort) ||
      rawSort.length !== 2 ||
      typeof rawSort[0] !== 'string' ||
      !['ASC', 'DESC'].includes(String(rawSort[1]).toUpperCase())
    ) {
      throw new FieldErrors({ sort: { key: 'query.badSort' } });
    }
    if (!(rawSort[0] in spec.sortable)) {
      throw new FieldErrors({ sort: { key: 'query.unknownSort', params: { field: rawSort[0] } } });
    }
    sort = [rawSort[0], String(rawSort[1]).toUpperCase() as 'ASC' | 'DESC'];
  }
  return { filter: filter as Record<string, unknown>, offset, limit, sort };
}

/** An export has the list's filter and sort, and every page: a range is ignored. */
export function parseExportQuery(raw: RawListQuery, spec: ListSpec): ListQuery {
  return parseListQuery({ filter: raw.filter, sort: raw.sort }, spec);
}

function badValue(field: string): FieldErrors {
  return new FieldErrors({ filter: { key: 'query.badFilterValue', params: { field } } });
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** A real calendar date (2026-02-30 is not), optionally with a time and an offset. */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

export function checkScalar(field: string, value: unknown, type: 'text' | 'uuid' | 'bool' | 'date' = 'text'): unknown {
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw badValue(field);
    return value;
  }
  // NUL or a lone surrogate would reach PostgreSQL and fail there (a 500): the filter is wrong.
  if (typeof value !== 'string' || value.length > 200 || !isStorableText(value)) throw badValue(field);
  if (type === 'uuid' && !UUID.test(value)) throw badValue(field);
  if (type === 'date' && !isIsoDate(value)) throw badValue(field);
  return value;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Adds WHERE clauses for every filter. Values are always bound parameters, never SQL. */
export function applyFilters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListQuery, spec: ListSpec): void {
  let i = 0;
  const param = () => `f${i++}`;
  for (const [field, value] of Object.entries(query.filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (field === 'id') {
      const ids = Array.isArray(value) ? value : [value];
      if (ids.length > 1000 || !ids.every((id) => typeof id === 'string')) throw badValue('id');
      const valid = (ids as string[]).filter((id) => UUID.test(id));
      const p = param();
      qb.andWhere(`${spec.idColumn} = ANY(:${p}::uuid[])`, { [p]: valid });
      continue;
    }
    const f = spec.filters[field];
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) continue;
    if (values.length > 100) throw badValue(field);
    switch (f.kind) {
      case 'custom':
        break;
      case 'eq': {
        const checked = values.map((v) => checkScalar(field, v, f.type));
        const p = param();
        if (checked.length === 1) qb.andWhere(`${f.column} = :${p}`, { [p]: checked[0] });
        else qb.andWhere(`${f.column} = ANY(:${p})`, { [p]: checked });
        break;
      }
      case 'search': {
        const text = String(checkScalar(field, values[0])).trim();
        if (!text) break;
        const p = param();
        qb.andWhere(`(${f.columns.map((c) => `${c} ILIKE :${p}`).join(' OR ')})`, { [p]: `%${escapeLike(text)}%` });
        break;
      }
      case 'arrayContains': {
        const checked = values.map((v) => checkScalar(field, v));
        const p = param();
        qb.andWhere(`${f.column} && :${p}::text[]`, { [p]: checked });
        break;
      }
      case 'gte':
      case 'lte': {
        const p = param();
        qb.andWhere(`${f.column} ${f.kind === 'gte' ? '>=' : '<='} :${p}`, { [p]: checkScalar(field, values[0], 'date') });
        break;
      }
    }
  }
}

export function applySort<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListQuery, spec: ListSpec): void {
  const [field, order] = query.sort;
  qb.orderBy(spec.sortable[field], order, order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST');
  qb.addOrderBy(spec.tiebreaker, order);
}

/**
 * How many rows the list has. TypeORM's getCount() counts DISTINCT ids, which sorts or hashes every
 * matching row — seconds over the two million pledges of a national coalition. Every list's joins
 * are to-one (a parent by its key, or a per-parent aggregate), so a plain count(*) is the same number.
 */
export async function countRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  const row = await qb.clone().select('count(*)::int', 'n').orderBy().getRawOne<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * One query for the page and one for the total, as every list in Unidos does. `qb` arrives with
 * its FROM, joins and scope; filters, sort and paging are added here.
 */
export async function fetchPage<T extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
  map: (row: T) => R,
): Promise<Page<R>> {
  applyFilters(qb, query, spec);
  const total = await countRows(qb);
  applySort(qb, query, spec);
  const rows = await qb.offset(query.offset).limit(query.limit).getMany();
  return { resource: spec.resource, rows: rows.map(map), offset: query.offset, total };
}

export function notFoundUnless<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new DomainError(404, 'error.notFound');
  return value;
}
