import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedActor } from './actor.js';
import { UnauthenticatedError } from './auth.errors.js';
import { TokenService } from './token.service.js';

type RequestWithActor = FastifyRequest & { actor?: AuthenticatedActor };
/** A GraphQL context: over HTTP it has the reply; a subscription's has the actor authenticated when its socket connected. */
type GraphQLContext = { reply?: { request: RequestWithActor }; actor?: AuthenticatedActor };

/** The request behind a GraphQL operation or a plain HTTP route; for a subscription, its context. */
function requestOf(context: ExecutionContext): { actor?: AuthenticatedActor; headers?: FastifyRequest['headers'] } {
  if (context.getType() === 'http') return context.switchToHttp().getRequest<RequestWithActor>();
  const graphql = GqlExecutionContext.create(context).getContext<GraphQLContext>();
  return graphql.reply ? graphql.reply.request : graphql;
}

/** Every operation or route it guards needs a valid bearer token; the actor is put on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    if (!request.headers) {
      if (!request.actor) throw new UnauthenticatedError();
      return true;
    }
    request.actor = await this.tokens.verify(request.headers.authorization);
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) => requestOf(context).actor!);
