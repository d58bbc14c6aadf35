import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import type { Logger } from 'pino';

/** How long requests in flight may take to finish once a stop was asked for. */
const DRAIN_REQUESTS_MS = 10_000;

/**
 * Stops taking requests and resolves once those in flight were answered: keep-alive connections are
 * closed as soon as they fall idle (Node closes only the ones idle when the server closes); after
 * `DRAIN_REQUESTS_MS` every connection is cut.
 */
async function drainRequests(app: NestFastifyApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  const closed = app.getHttpAdapter().getInstance().close();
  const sweep = setInterval(() => server.closeIdleConnections(), 20);
  const late = new Promise<'late'>((resolve) => setTimeout(resolve, DRAIN_REQUESTS_MS, 'late').unref());
  try {
    if ((await Promise.race([closed, late])) === 'late') server.closeAllConnections();
  } finally {
    clearInterval(sweep);
  }
}

/**
 * The order of a stop (SIGTERM, SIGINT): the HTTP server takes no new request (503 on open
 * connections, refused otherwise) and lets those in flight finish, so every command that was answered
 * is durable; only then does Nest's own close stop the projector (it first folds in the log up to its
 * head and commits), flush the read store's write-behind and close both stores. Exits 0 when all of
 * it went well.
 */
export function stopGracefullyOn(signals: NodeJS.Signals[], app: NestFastifyApplication, logger: Logger): void {
  let stopping: Promise<void> | undefined;
  const stop = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping: draining requests in flight');
    await drainRequests(app);
    await app.close();
    logger.info({ signal }, 'stopped: projections checkpointed, stores closed');
  };
  for (const signal of signals) {
    process.on(signal, () => {
      stopping ??= stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'stop failed');
          process.exit(1);
        },
      );
    });
  }
}
