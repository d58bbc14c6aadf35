import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import 'reflect-metadata';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { serveConsole } from './console/serve-console.js';
import { protectHttp } from './edge/http-protection.js';
import { serveGraphiQL } from './graphiql/serve-graphiql.js';
import { WellFormedTextPipe } from './graphql/well-formed-text.pipe.js';
import { createLogger, PinoNestLogger } from './logging/logger.js';

/** Node checks its request timeouts at an interval (30 s by default): a quarter of the timeout, from 0.1 to 5 s. */
const requestTimeoutCheckInterval = (config: AppConfig) => Math.max(100, Math.min(5_000, Math.floor(config.HTTP_REQUEST_TIMEOUT_MS / 4)));

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
      // a client trickling its request (headers or body) is cut off, and so is a silent connection
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      connectionTimeout: config.HTTP_IDLE_TIMEOUT_MS,
      keepAliveTimeout: config.HTTP_IDLE_TIMEOUT_MS,
      http: { headersTimeout: config.HTTP_REQUEST_TIMEOUT_MS, connectionsCheckingInterval: requestTimeoutCheckInterval(config) },
    }),
    { logger: new PinoNestLogger(logger) },
  );
  await protectHttp(app, config);
  await serveConsole(app, logger.child({ component: 'console' }));
  if (config.servesGraphiQL) serveGraphiQL(app.getHttpAdapter().getInstance(), logger.child({ component: 'graphiql' }));
  app.useGlobalPipes(new WellFormedTextPipe(), new ValidationPipe({ transform: true, forbidUnknownValues: true }));
  return app;
}
