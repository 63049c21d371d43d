import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { AppConfig } from '@netduty/application';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { useJsonBody } from './http/json-body';
import { strictValidationPipe } from './http/validation';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '1mb';

/** Builds the api exactly as production runs it; tests call this too. */
export async function createApiApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? [config.LOG_LEVEL, 'error', 'warn'],
  });
  // One proxy hop (the console's nginx) so request logs and rate limits see the client's address.
  app.set('trust proxy', 1);
  useJsonBody(app, BODY_LIMIT);
  app.use(helmet());
  app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('NetDuty API')
      .setDescription('On-duty operations console for telecom and postal network incidents')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
