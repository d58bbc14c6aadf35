import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import 'reflect-metadata';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { protectHttp } from './edge/http-protection.js';
import { WellFormedTextPipe } from './graphql/well-formed-text.pipe.js';
import { createLogger, PinoNestLogger } from './logging/logger.js';

/** Builds the API application (GraphQL over Fastify) for a configuration; `listen` and signals are the caller's. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    new FastifyAdapter({
      loggerInstance: logger.child({ component: 'http' }),
      bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
      // only a trusted proxy's X-Forwarded-For names the client that anonymous rate limits count by
      trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    }),
    { logger: new PinoNestLogger(logger) },
  );
  await protectHttp(app, config);
  app.useGlobalPipes(new WellFormedTextPipe(), new ValidationPipe({ transform: true, forbidUnknownValues: true }));
  return app;
}
