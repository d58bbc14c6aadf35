import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedActor } from './actor.js';
import { TokenService } from './token.service.js';

type RequestWithActor = FastifyRequest & { actor?: AuthenticatedActor };

/** The request behind a GraphQL operation or a plain HTTP route. */
const requestOf = (context: ExecutionContext): RequestWithActor =>
  context.getType() === 'http'
    ? context.switchToHttp().getRequest<RequestWithActor>()
    : GqlExecutionContext.create(context).getContext<{ reply: { request: RequestWithActor } }>().reply.request;

/** Every operation or route it guards needs a valid bearer token; the actor is put on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    request.actor = await this.tokens.verify(request.headers.authorization);
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) => requestOf(context).actor!);
