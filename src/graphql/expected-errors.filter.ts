import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { UnauthenticatedError } from '../auth/auth.errors.js';
import { DomainError } from '../domain/project/errors.js';
import { ConcurrencyError, StoreUnavailableError } from '../event-store/event-store.errors.js';
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
  catch(error: Error, host: ArgumentsHost): Error | void {
    if (host.getType() !== 'http') return error;
    const code = codeOf(error);
    void host.switchToHttp().getResponse<FastifyReply>().status(HTTP_STATUS[code] ?? 500).send({ code, message: error.message });
  }
}
