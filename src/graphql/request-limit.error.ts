import type { GraphQLErrorCode } from './error-codes.js';

/** Which of the edge's limits a GraphQL request went past. */
export type RequestLimit =
  | 'depth'
  | 'complexity'
  | 'cost'
  | 'documentSize'
  | 'documentText'
  | 'mutations'
  | 'subscriptionOverHttp'
  | 'concurrency'
  | 'responseSize';

/** Limits that are not about the request's own shape: too many running, an answer too large to send. */
const REFUSED_AS: Partial<Record<RequestLimit, { code: GraphQLErrorCode; statusCode: number }>> = {
  concurrency: { code: 'TOO_MANY_REQUESTS', statusCode: 429 },
  responseSize: { code: 'PAYLOAD_TOO_LARGE', statusCode: 400 },
};

/** A request refused for its size, shape or cost, never run (an oversized answer: never sent); a client error. */
export class RequestLimitError extends Error {
  readonly statusCode: number;
  readonly graphqlCode: GraphQLErrorCode;

  constructor(
    readonly limit: RequestLimit,
    message: string,
  ) {
    super(message);
    this.name = 'RequestLimitError';
    ({ code: this.graphqlCode, statusCode: this.statusCode } = REFUSED_AS[limit] ?? { code: 'BAD_USER_INPUT', statusCode: 400 });
  }
}
