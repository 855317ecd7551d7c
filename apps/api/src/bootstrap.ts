import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { refuseCrossSite } from '@api/common/http/same-origin';
import { localeFromHeader, translate } from '@api/common/i18n/messages';
import { PinoNestLogger, createLogger, requestLogging } from '@api/common/logging/logger';
import type { AppConfig } from '@api/config/config';
import { AppModule, type RateLimits } from './app.module';

export interface CreateAppOptions {
  /** Connection of the app role. */
  databaseUrl: string;
  limits?: Partial<RateLimits>;
  logger?: Logger;
}

const CSP = {
  useDefaults: true,
  directives: {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'upgrade-insecure-requests': null,
  },
};

/** A body that is not JSON, or too large, is the client's mistake: say so in their language. */
function bodyErrors(err: { type?: string } | undefined, req: Request, res: Response, next: NextFunction): void {
  if (!err) return next();
  const locale = localeFromHeader(req.headers['accept-language']);
  if (err.type === 'entity.too.large') {
    res.status(413).json({ statusCode: 413, code: 'error.payloadTooLarge', message: translate(locale, 'error.payloadTooLarge'), requestId: req.id });
    return;
  }
  if (err.type === 'entity.parse.failed' || err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
    const message = translate(locale, 'error.badJson');
    res.status(422).json({ statusCode: 422, code: 'error.badJson', message, errors: { body: message }, requestId: req.id });
    return;
  }
  next(err);
}

/** Builds the whole HTTP app — API, OpenAPI docs and the admin — without listening. */
export async function createApp(config: AppConfig, options: CreateAppOptions): Promise<INestApplication> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const limits: RateLimits = {
    login: Number(process.env.UNIDOS_LOGIN_RATE_LIMIT ?? 30),
    publicForms: Number(process.env.UNIDOS_PUBLIC_RATE_LIMIT ?? 10),
    ...options.limits,
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.databaseUrl, limits), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  // Swagger UI needs its own inline script; everything else gets a strict policy.
  const strict = helmet({ contentSecurityPolicy: CSP, strictTransportSecurity: config.secureCookies });
  const docs = helmet({ contentSecurityPolicy: false, strictTransportSecurity: config.secureCookies });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next));
  app.use('/api', express.json({ limit: '256kb' }), bodyErrors);
  app.use(cookieParser());
  app.use('/api', refuseCrossSite);
  app.setGlobalPrefix('api');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Unidos API')
      .setDescription('Coalition membership and campaign CRM. Lists follow ra-data-simple-rest (filter, range, sort, Content-Range).')
      .setVersion('1')
      .addCookieAuth('unidos_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  if (config.adminDir) {
    const adminDir = config.adminDir;
    app.use(express.static(adminDir, { index: false, maxAge: '1h' }));
    // The admin is a single-page app: every other non-API path serves its index.html.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(adminDir, 'index.html'));
    });
  }
  await app.init();
  return app;
}
