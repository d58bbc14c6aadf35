import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { GRAPHIQL_ASSETS, GRAPHIQL_HTML, GRAPHIQL_START } from './graphiql-page.js';

const require = createRequire(import.meta.url);

/** The asset's bytes from its package, or undefined when the package is not installed (a production install). */
function read(pkg: string, file: string): Buffer | undefined {
  try {
    return readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));
  } catch {
    return undefined;
  }
}

/** GraphiQL at /graphiql, React and GraphiQL served from their npm packages (development only: the caller decides). */
export function serveGraphiQL(http: FastifyInstance, logger: Logger): void {
  const assets = Object.entries(GRAPHIQL_ASSETS).map(([name, { pkg, file, type }]) => ({ name, type, body: read(pkg, file) }));
  const missing = assets.filter((asset) => !asset.body).map((asset) => asset.name);
  if (missing.length) {
    logger.warn({ missing }, 'GraphiQL is not served: its packages are not installed (npm ci installs them)');
    return;
  }
  const cached = (type: string) => ({ 'content-type': `${type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' });
  http.get('/graphiql', (_request, reply) => reply.headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).send(GRAPHIQL_HTML));
  http.get('/graphiql/start.js', (_request, reply) => reply.headers(cached('text/javascript')).send(GRAPHIQL_START));
  for (const { name, type, body } of assets) http.get(`/graphiql/${name}`, (_request, reply) => reply.headers(cached(type)).send(body));
}
