import type { NextFunction, Request, Response } from 'express';
import { localeFromHeader, translate } from '@api/common/i18n/messages';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a browser says come from another site. The session cookie
 * is SameSite=Strict already; this is the second lock (Fetch Metadata, then Origin).
 */
export function refuseCrossSite(req: Request, res: Response, next: NextFunction): void {
  if (SAFE.has(req.method)) return next();
  const site = req.headers['sec-fetch-site'];
  let crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (!crossSite && origin && origin !== 'null') {
    try {
      crossSite = new URL(origin).host !== req.headers.host;
    } catch {
      crossSite = true;
    }
  } else if (origin === 'null') {
    crossSite = true;
  }
  if (!crossSite) return next();
  const locale = localeFromHeader(req.headers['accept-language']);
  res.status(403).json({ statusCode: 403, code: 'error.crossSite', message: translate(locale, 'error.crossSite'), requestId: req.id });
}
