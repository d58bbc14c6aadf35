import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { AppConfig } from '../config/app-config.js';
import type { TokenService } from '../auth/token.service.js';
import { checkedSubscription } from './subscription-document.js';
import { CLOSE, SubscriberSocket, SubscriberSockets } from './subscriber-sockets.js';

type SubscriptionContext = { subscriber?: SubscriberSocket };
type WsHandler = (this: unknown, socket: WebSocket, request: FastifyRequest) => unknown;

/** The `exp` of a token that was just verified, in milliseconds. */
function expiryOf(authorization: string): number {
  return decodeJwt(authorization.replace(/^Bearer\s+/i, '')).exp! * 1000;
}

function subscriberOf(context: unknown): SubscriberSocket {
  const subscriber = (context as SubscriptionContext | null)?.subscriber;
  if (!subscriber) throw new Error('a subscription on a socket that was never admitted');
  return subscriber;
}

/**
 * What a GraphQL WebSocket may hold and send: a verified token in connection_init (the socket closes
 * when it expires), a few sockets per user, a few subscriptions per socket, each document checked
 * and costed as a query is. Call it before GraphQL is registered: it watches the sockets the
 * WebSocket route opens from the start.
 */
export function subscriptionLimits(config: AppConfig, tokens: TokenService, logger: Logger, fastify: FastifyInstance): Pick<MercuriusDriverConfig, 'subscription' | 'hooks'> {
  const sockets = new SubscriberSockets({
    socketsPerUser: config.GRAPHQL_MAX_SOCKETS_PER_USER,
    subscriptionsPerSocket: config.GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET,
    // graphql-ws clients send connection_init as soon as the socket opens; one that does not is holding a socket for nothing
    initTimeoutMs: config.GRAPHQL_SOCKET_INIT_TIMEOUT_MS,
  });
  fastify.addHook('onRoute', (route) => {
    const options = route as typeof route & { wsHandler?: WsHandler };
    const handle = options.wsHandler;
    if (!handle) return;
    options.wsHandler = function (socket, request) {
      sockets.opened(socket);
      return handle.call(this, socket, request);
    };
  });
  const documentLimits = {
    maxBytes: config.GRAPHQL_MAX_DOCUMENT_BYTES,
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxFields: config.GRAPHQL_MAX_SUBSCRIPTION_FIELDS,
    introspection: config.servesGraphiQL,
  };
  return {
    subscription: {
      // a socket authenticates once, with { authorization: 'Bearer …' } in connection_init;
      // Mercurius calls onConnect as a method of the connection: `this.socket` is the client's socket
      async onConnect(this: { socket?: WebSocket } | undefined, { payload }: { payload?: Record<string, unknown> }) {
        const socket = this?.socket;
        if (!socket) throw new Error('Mercurius no longer calls onConnect with its socket');
        const given = payload?.authorization ?? payload?.Authorization;
        const authorization = typeof given === 'string' ? given : undefined;
        const actor = await tokens.verify(authorization).catch((error: Error) => {
          // a client's mistake, not the service's: no stack, not at error level
          logger.info({ reason: error.message }, 'subscription socket refused');
          return undefined;
        });
        if (!actor || !authorization) return false;
        const admitted = sockets.admit(socket, actor.userId, expiryOf(authorization));
        if (!(admitted instanceof SubscriberSocket)) {
          logger.warn({ userId: actor.userId, reason: admitted.refused }, 'subscription socket refused');
          return false;
        }
        return { actor, subscriber: admitted };
      },
    },
    hooks: {
      // checked before Mercurius keeps anything for the operation, so a refusal leaves nothing behind
      preSubscriptionParsing: (schema: GraphQLSchema, source: string, context: unknown, id: unknown) => {
        const subscriber: SubscriberSocket = subscriberOf(context);
        subscriber.mayStart(id);
        checkedSubscription(schema, source, documentLimits);
        subscriber.started(id);
      },
      preSubscriptionExecution: (_schema: GraphQLSchema, _document: unknown, context: unknown, id: unknown) => {
        const subscriber = subscriberOf(context);
        if (!subscriber.runs(id)) subscriber.refuse(CLOSE.badRequest, 'Invalid subscribe message: the query must be GraphQL text');
      },
      onSubscriptionEnd: (context: unknown, id: unknown) => {
        (context as SubscriptionContext | null)?.subscriber?.ended(id);
      },
    },
  };
}
