import type { MessageKey } from '@api/common/i18n/messages';

/**
 * A typed error a service throws on purpose. The exception filter maps it to HTTP with a message
 * in the caller's language. `field` attaches it to a form field (422/409 show it inline).
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError(404, 'error.notFound');
export const staleVersion = () => new DomainError(409, 'error.staleVersion', {}, 'version');

/** 422 for a set of field errors found by a service (beyond what DTO validation sees). */
export class FieldErrors extends Error {
  constructor(readonly errors: Record<string, { key: MessageKey; params?: Record<string, string | number> }>) {
    super('field errors');
    this.name = 'FieldErrors';
  }
}

export function fieldError(field: string, key: MessageKey, params?: Record<string, string | number>): FieldErrors {
  return new FieldErrors({ [field]: { key, params } });
}
