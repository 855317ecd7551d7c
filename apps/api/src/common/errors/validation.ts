import { ValidationPipe, type ValidationError } from '@nestjs/common';

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

/**
 * One global pipe: strips nothing silently — an unknown or read-only field is an error — and
 * converts payloads into DTO instances.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
