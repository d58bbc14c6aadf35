import { HttpException } from '@nestjs/common';
import { GraphQLError, type ExecutionResult } from 'graphql';
import mercurius, { type MercuriusContext } from 'mercurius';
import type { AppConfig } from '../config/app-config.js';
import { UnauthenticatedError } from '../auth/auth.errors.js';
import { DomainError } from '../domain/project/errors.js';
import { TooManyRequestsError } from '../edge/too-many-requests.error.js';
import { ConcurrencyError, StoreUnavailableError } from '../event-store/event-store.errors.js';
import { GRAPHQL_CODE_OF, type GraphQLErrorCode } from './error-codes.js';
import { RequestLimitError } from './request-limit.error.js';

const INTERNAL: GraphQLErrorCode = 'INTERNAL_SERVER_ERROR';

/** Fastify's and Mercurius's own refusals of a request (FST_…, MER_ERR_…: body too large, not JSON, no query…). */
function httpRefusalCode(error: Error): GraphQLErrorCode | undefined {
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !/^(FST_|MER_ERR_)/.test(code) || typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  return statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT';
}

/** The code a client can branch on, and details when the input was refused; `atField`: raised while resolving a field. */
function extensionsOf(original: Error | undefined, atField: boolean): Record<string, unknown> {
  if (!original) return { code: 'GRAPHQL_VALIDATION_FAILED' };
  if (original instanceof DomainError) return { code: GRAPHQL_CODE_OF[original.code], domainCode: original.code, ...original.details };
  if (original instanceof UnauthenticatedError) return { code: 'UNAUTHENTICATED' };
  if (original instanceof ConcurrencyError) return { code: 'CONFLICT', domainCode: original.code };
  if (original instanceof StoreUnavailableError) return { code: 'UNAVAILABLE' };
  if (original instanceof RequestLimitError) return { code: original.graphqlCode, limit: original.limit };
  if (original instanceof TooManyRequestsError) return { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: original.retryAfterSeconds };
  const refused = httpRefusalCode(original);
  if (refused) return { code: refused };
  // a scalar refusing an input value (String given an object, SafeInt given 2^53…) before any field ran; while
  // resolving a field it is our output failing to serialize
  if (original instanceof GraphQLError && !atField) return { code: 'BAD_USER_INPUT' };
  if (original instanceof HttpException) {
    const response = original.getResponse();
    const details = typeof response === 'object' ? (response as { message?: unknown }).message : undefined;
    const code = original.getStatus() === 400 ? 'BAD_USER_INPUT' : original.getStatus() === 403 ? 'FORBIDDEN' : INTERNAL;
    return { code, ...(details ? { details } : {}) };
  }
  return { code: INTERNAL };
}

/** Mercurius wraps a document's validation errors in one error of its own: unwrap them. */
function flatten(error: GraphQLError): GraphQLError[] {
  const wrapped = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(wrapped)) return [error];
  return wrapped.map((inner: Error & { code?: string }) =>
    inner instanceof GraphQLError
      ? inner
      : new GraphQLError(inner.message, {
          extensions: inner.code === 'MER_ERR_GQL_QUERY_DEPTH' ? { code: 'BAD_USER_INPUT', limit: 'depth' } : { code: httpRefusalCode(inner) ?? 'GRAPHQL_VALIDATION_FAILED' },
        }),
  );
}

/** Puts a stable code (and validation details) into every error's `extensions`; hides internals. */
export function errorFormatter(execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: MercuriusContext) {
  const { statusCode } = mercurius.defaultErrorFormatter(execution, context);
  const errors = execution.errors.flatMap(flatten).map((error) => {
    const extensions = { ...extensionsOf(error.originalError, error.path !== undefined), ...error.extensions };
    const message = extensions.code === INTERNAL ? 'internal error' : error.message;
    return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions }).toJSON();
  });
  return { statusCode, response: { data: execution.data ?? null, errors } };
}

/** graphql-js suggests names close to a wrong one (`Did you mean "project"?`), the schema that introspection keeps hidden. */
const SUGGESTION = /\s*Did you mean .*$/s;

/** The formatter for a configuration: with introspection off (production), messages suggest no names. */
export function errorFormatterFor(config: AppConfig): typeof errorFormatter {
  if (config.servesGraphiQL) return errorFormatter;
  return (execution, context) => {
    const formatted = errorFormatter(execution, context);
    for (const error of formatted.response.errors) (error as { message: string }).message = error.message.replace(SUGGESTION, '');
    return formatted;
  };
}
