import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { isStorableText } from '@api/common/http/transforms';

export interface FieldProblem {
  constraint: string;
  /** class-validator's English message, from which numbers such as a maximum length are read. */
  detail: string;
}

/** Thrown by the global ValidationPipe; the exception filter renders it as a 422. */
export class ValidationFailed extends Error {
  constructor(readonly problems: Record<string, FieldProblem>) {
    super('validation failed');
    this.name = 'ValidationFailed';
  }
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // Report the most telling constraint first: "required" before "must be text".
      const order = ['whitelistValidation', 'isDefined', 'isNotEmpty'];
      const names = Object.keys(error.constraints).sort(
        (a, b) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)),
      );
      const constraint = names[0];
      out[path] = { constraint, detail: error.constraints[constraint] };
    }
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/** Keys that name the prototype chain: class-transformer skips them, so the whitelist never sees them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What a DTO cannot catch, anywhere in a body: keys such as `__proto__` (refused like any unknown
 * field) and strings that cannot be stored as written (NUL, lone surrogates), which would
 * otherwise reach PostgreSQL or a validator and end as a 500. Walks without recursion, so a deeply
 * nested body cannot exhaust the stack.
 */
export function unsafeInput(value: unknown): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) problems[path || 'body'] = { constraint: 'noControlChars', detail: '' };
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        // (A top-level "__proto__" key is reported as "body.__proto__": assigning it to a plain object would set its prototype.)
        const at = path ? `${path}.${key}` : key === '__proto__' ? 'body.__proto__' : key;
        if (PROTOTYPE_KEYS.has(key)) problems[at] = { constraint: 'whitelistValidation', detail: '' };
        else stack.push([(current as Record<string, unknown>)[key], at]);
      }
    }
  }
  return problems;
}

class UnidosValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problems = unsafeInput(value);
      if (Object.keys(problems).length > 0) throw new ValidationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}

/**
 * One global pipe: strips nothing silently — an unknown or read-only field is an error — and
 * converts payloads into DTO instances.
 */
export function createValidationPipe(): ValidationPipe {
  return new UnidosValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
