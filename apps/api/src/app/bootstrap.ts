import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { requestContext } from '@netduty/identity';
import { type AppConfig } from '@netduty/platform-config';
import { AppModule } from './app.module';
import { useJsonBody } from './http/json-body';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { strictValidationPipe } from './http/validation';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

export { API_PREFIX } from './api-prefix';
import { API_PREFIX } from './api-prefix';
export const BODY_LIMIT = '1mb';
/** Every route under /tmf-api, and /tmf-api itself (the braces make the rest optional). */
const TMF_API_ROUTES = 'tmf-api/{*rest}';

/** Builds the api exactly as production runs it; tests call this too. */
export async function createApiApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? [config.LOG_LEVEL, 'error', 'warn'],
  });
  // Only the proxies TRUST_PROXY names may say who the client is (production: the console's nginx);
  // otherwise request.ip is the socket's address, whatever X-Forwarded-For claims.
  app.set('trust proxy', config.TRUST_PROXY);
  useJsonBody(app, BODY_LIMIT);
  app.use(helmet());
  app.use(cookieParser());
  // Who, from where, for the audit trail: carried through the request by AsyncLocalStorage.
  app.use((request: Request, _response: Response, next: NextFunction) =>
    requestContext.run(
      { actor: null, ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null, method: request.method, path: request.originalUrl, audited: false },
      next,
    ),
  );
  app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  // TM Forum's APIs live at their own paths (/tmf-api/alarm/v4/…), as NMSs are configured for them.
  app.setGlobalPrefix(API_PREFIX, { exclude: [TMF_API_ROUTES] });
  app.useGlobalPipes(strictValidationPipe());
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  app.enableShutdownHooks();

  // Committed as apps/api/openapi.json (regenerate with `npm run openapi`); a test fails on drift.
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
