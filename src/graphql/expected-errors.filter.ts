import { Catch, Inject, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { UnauthenticatedError } from '../auth/auth.errors.js';
import { DomainError } from '../domain/project/errors.js';
import { ConcurrencyError, StoreUnavailableError } from '../event-store/event-store.errors.js';
import { LOGGER } from '../storage/storage.module.js';
import { GRAPHQL_CODE_OF, type GraphQLErrorCode } from './error-codes.js';

const HTTP_STATUS: Partial<Record<GraphQLErrorCode, number>> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PRECONDITION_FAILED: 409, UNAVAILABLE: 503,
};

function codeOf(error: Error): GraphQLErrorCode {
  if (error instanceof DomainError) return GRAPHQL_CODE_OF[error.code];
  if (error instanceof UnauthenticatedError) return 'UNAUTHENTICATED';
  return error instanceof StoreUnavailableError ? 'UNAVAILABLE' : 'CONFLICT';
}

/**
 * Refusals (and a store that cannot be reached: 503) are answers, not failures: GraphQL gets them for
 * its error formatter, plain HTTP routes a status and the code; neither logs them as errors.
 */
@Catch(DomainError, UnauthenticatedError, ConcurrencyError, StoreUnavailableError)
export class ExpectedErrorsFilter implements GqlExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: Error, host: ArgumentsHost): Error | void {
    // the client gets a plain message; the operator learns what the store said
    if (error instanceof StoreUnavailableError) this.logger.warn({ store: error.store, reason: error.reason }, 'store unavailable: request refused');
    if (host.getType() !== 'http') return error;
    const code = codeOf(error);
    const domainCode = error instanceof DomainError ? { domainCode: error.code } : {};
    void host.switchToHttp().getResponse<FastifyReply>().status(HTTP_STATUS[code] ?? 500).send({ code, ...domainCode, message: error.message });
  }
}
