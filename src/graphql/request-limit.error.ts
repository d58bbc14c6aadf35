/** Which of the edge's limits a GraphQL request went past. */
export type RequestLimit = 'depth' | 'complexity' | 'documentSize' | 'documentText' | 'mutations' | 'subscriptionOverHttp';

/** A request refused before execution for its size or shape: a client error (400), never run. */
export class RequestLimitError extends Error {
  readonly statusCode = 400;

  constructor(
    readonly limit: RequestLimit,
    message: string,
  ) {
    super(message);
    this.name = 'RequestLimitError';
  }
}
