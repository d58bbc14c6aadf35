/** No valid bearer token came with the request. */
export class UnauthenticatedError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'a valid bearer token is required') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}
