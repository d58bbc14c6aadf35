/** A caller past its rate limit: HTTP 429, with when to try again. */
export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
  readonly code = 'TOO_MANY_REQUESTS';

  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests: try again in ${retryAfterSeconds} s`);
    this.name = 'TooManyRequestsError';
  }
}
