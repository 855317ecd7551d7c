import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ThrottlerException } from '@nestjs/throttler';
import { isMessageKey, localeFromHeader, type MessageKey, translate } from '@api/common/i18n/messages';
import { DomainError, FieldErrors } from './domain-error';
import { ValidationFailed } from './validation';

/** Which unique constraint means which message, and on which field it belongs. */
const UNIQUE_CONSTRAINTS: Record<string, { key: MessageKey; field: string }> = {
  organization_name_lower_key: { key: 'error.duplicateName', field: 'name' },
  // The slug is derived from the name: a clash means a name written almost the same.
  organization_slug_key: { key: 'error.duplicateName', field: 'name' },
  user_email_lower_key: { key: 'error.duplicateEmail', field: 'email' },
  region_name_key: { key: 'error.duplicateRegion', field: 'name' },
  campaign_name_key: { key: 'error.duplicateCampaign', field: 'name' },
  campaign_slug_key: { key: 'error.duplicateCampaign', field: 'name' },
};

const HTTP_KEYS: Record<number, MessageKey> = {
  400: 'error.badRequest',
  401: 'error.unauthenticated',
  403: 'error.forbidden',
  404: 'error.notFound',
  413: 'error.payloadTooLarge',
  429: 'error.rateLimited',
};

/**
 * The one place errors become HTTP: typed domain errors by their code, validation failures as 422
 * with a message per field, database constraint violations as 409/422, and anything else as a
 * logged 500 that tells the client only the request id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const locale = req.actor?.locale ?? localeFromHeader(req.headers['accept-language']);
    const requestId = String(req.id ?? '');
    const send = (status: number, body: Record<string, unknown>) => {
      if (res.headersSent) return;
      res.status(status).json({ statusCode: status, ...body, requestId });
    };

    if (exception instanceof ValidationFailed) {
      const errors: Record<string, string> = {};
      for (const [field, problem] of Object.entries(exception.problems)) {
        const key = `field.${problem.constraint}`;
        const n = /(-?\d+(?:\.\d+)?)/.exec(problem.detail)?.[1] ?? '';
        errors[field] = isMessageKey(key) ? translate(locale, key, { n }) : translate(locale, 'field.unknown');
      }
      return send(422, { code: 'validation.failed', message: translate(locale, 'validation.failed'), errors });
    }
    if (exception instanceof FieldErrors) {
      const errors: Record<string, string> = {};
      for (const [field, e] of Object.entries(exception.errors)) errors[field] = translate(locale, e.key, e.params);
      return send(422, { code: 'validation.failed', message: translate(locale, 'validation.failed'), errors });
    }
    if (exception instanceof DomainError) {
      const message = translate(locale, exception.code, exception.params);
      const body: Record<string, unknown> = { code: exception.code, message };
      if (exception.field && (exception.status === 422 || exception.status === 409)) {
        body.errors = { [exception.field]: message };
      }
      return send(exception.status, body);
    }
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string; constraint?: string };
      if (driverError.code === '23505') {
        const known = driverError.constraint ? UNIQUE_CONSTRAINTS[driverError.constraint] : undefined;
        const key = known?.key ?? 'error.duplicate';
        const message = translate(locale, key);
        return send(409, { code: key, message, ...(known ? { errors: { [known.field]: message } } : {}) });
      }
      if (driverError.code === '23503') {
        // A reference to a record that does not exist (or was just removed): the client's input.
        const column = /_([a-z_]+)_fkey$/.exec(driverError.constraint ?? '')?.[1] ?? 'id';
        const field = (column.replace(/^(?:[a-z]+_)*?([a-z]+_id)$/, '$1')).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
        const message = translate(locale, 'error.unknownReference');
        return send(422, { code: 'error.unknownReference', message, errors: { [field]: message } });
      }
      if (driverError.code === '40001' || driverError.code === '40P01') {
        return send(409, { code: 'error.staleVersion', message: translate(locale, 'error.staleVersion') });
      }
    }
    if (exception instanceof ThrottlerException) {
      return send(429, { code: 'error.rateLimited', message: translate(locale, 'error.rateLimited') });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        const key = HTTP_KEYS[status] ?? 'error.badRequest';
        return send(status, { code: key, message: translate(locale, key) });
      }
    }
    // Unexpected: log it with the request id (no bodies, no personal data) and say only that.
    // Database errors can quote the values that failed (a name, an email): log only their codes.
    const err = exception instanceof Error ? exception : new Error(String(exception));
    const detail =
      exception instanceof QueryFailedError
        ? { error: 'QueryFailedError', pgCode: (exception.driverError as { code?: string }).code, constraint: (exception.driverError as { constraint?: string }).constraint }
        : { error: err.name, stack: err.stack };
    this.logger.error({ requestId, method: req.method, route: (req.route as { path?: string } | undefined)?.path, ...detail });
    return send(500, { code: 'error.internal', message: translate(locale, 'error.internal', { requestId }) });
  }
}
