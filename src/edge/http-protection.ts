import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { TokenService } from '../auth/token.service.js';
import type { AppConfig } from '../config/app-config.js';
import { TooManyRequestsError } from './too-many-requests.error.js';

/** Probes for load balancers and Prometheus: never limited. */
const UNLIMITED_PATHS = new Set(['/health', '/metrics']);

/** The console's hashed files and GraphiQL's (static, cheap, fetched without a token): a page load is dozens of them. */
const isStaticAsset = (request: FastifyRequest) => request.method === 'GET' && /^\/(assets|graphiql)\//.test(request.url);

/** Set by Node's parser when it hands the request to the 'upgrade' listeners (untyped in @types/node). */
const isUpgrade = (request: FastifyRequest) => (request.raw as { upgrade?: boolean | null }).upgrade === true;

/**
 * The WebSocket upgrade to /graphql carries no token (it comes in connection_init), so it is not counted
 * by address: a socket's limits are its user's (see subscription-limits.ts). Only a real upgrade: Node
 * hands it to the WebSocket server, never to an HTTP handler.
 */
const isGraphQLUpgrade = (request: FastifyRequest) => isUpgrade(request) && request.method === 'GET' && request.url.split('?')[0] === '/graphql';

/**
 * Everything the console and GraphiQL load comes from this service: scripts from 'self' only, styles from
 * 'self' and inline (Ant Design writes its CSS-in-JS into style elements), fonts self-hosted or inline, and
 * no https: wildcard (helmet's default) through which a CDN could come back. Development runs over plain
 * http on loopback, where upgrading requests would break every asset. With an identity provider, the
 * console fetches its discovery document and token endpoint from the issuer's origin (and nowhere else);
 * the sign-in itself is a top-level navigation there and back, which the CSP does not govern.
 */
const contentSecurityPolicy = (config: AppConfig) => ({
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:'],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...(config.OIDC_ISSUER ? [new URL(config.OIDC_ISSUER).origin] : [])],
    upgradeInsecureRequests: config.servesGraphiQL ? null : [],
  },
});

/** One budget per authenticated user, whatever address they come from; anonymous callers share their address's. */
async function rateLimitKey(request: FastifyRequest, tokens: TokenService): Promise<string> {
  const actor = await tokens.verify(request.headers.authorization).catch(() => undefined);
  return actor ? `user:${actor.userId}` : `ip:${request.ip}`;
}

/** Security headers, CORS by configuration and per-user rate limiting, in front of every route. */
export async function protectHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const tokens = app.get(TokenService);
  await app.register(helmet, { contentSecurityPolicy: contentSecurityPolicy(config) });
  await app.register(cors, {
    // no origin configured: no CORS headers, browsers keep other sites' pages out
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  // an upgrade answered over HTTP (refused before @fastify/websocket saw it) would leave Node's socket open for good
  app.getHttpAdapter().getInstance().addHook('onResponse', async (request) => {
    if (isUpgrade(request)) request.raw.socket.destroy();
  });
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    keyGenerator: (request) => rateLimitKey(request, tokens),
    allowList: (request) => UNLIMITED_PATHS.has(request.url.split('?')[0]) || isGraphQLUpgrade(request) || isStaticAsset(request),
    errorResponseBuilder: (_request, context) => new TooManyRequestsError(Math.ceil(context.ttl / 1000)),
  });
}
