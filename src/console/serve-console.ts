import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

/** The console's own routes (web/src/routes.tsx): a reload on any of them gets the page, which routes itself. */
export const CONSOLE_ROUTES = [
  '/sign-in',
  '/sign-in/callback',
  '/my-work',
  '/board',
  '/leads/new',
  '/projects/:projectId',
  '/projects/:projectId/history',
  '/reports/monthly',
  '/reports/quarterly',
  '/reports/policy-what-if',
  '/reports/kpis',
];

/** web/dist, built by `npm run build`, found from here whether this file runs from src/ (tests) or dist/src/. */
function consoleDirectory(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'web', 'dist', 'index.html'))) return join(dir, 'web', 'dist');
  }
  return undefined;
}

/** Serves the web console at / from web/dist: hashed assets cached for good, the page itself revalidated. */
export async function serveConsole(app: NestFastifyApplication, logger: Logger): Promise<void> {
  const root = consoleDirectory();
  if (!root) {
    logger.warn('the web console is not built (npm run build builds it): / is not served');
    return;
  }
  const page = readFileSync(join(root, 'index.html'));
  // in a scope of their own: the console's files go out compressed (brotli or gzip, as the browser
  // accepts), the API's answers stay as they are
  await app.getHttpAdapter().getInstance().register(async (scope) => {
    await scope.register(compress, { global: true, encodings: ['br', 'gzip'] });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      // a route per built file: any other path stays the API's (404 there)
      wildcard: false,
      decorateReply: false,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    for (const route of CONSOLE_ROUTES) {
      scope.get(route, (_request, reply) => reply.headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).send(page));
    }
  });
}
