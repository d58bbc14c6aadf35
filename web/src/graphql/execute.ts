import { storedSession, storeToken } from '../app/session';
import type { TypedDocumentString } from './generated/graphql';

/** A refusal from the server: its message and `extensions.code` (BAD_USER_INPUT, FORBIDDEN, …). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Sends a typed operation to /graphql with the session's bearer token; its first error is thrown. */
export async function execute<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables?: Variables): Promise<Result> {
  const token = storedSession()?.token;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const [error] = body.errors ?? [];
  if (error) {
    if (error.extensions?.code === 'UNAUTHENTICATED') storeToken(undefined);
    throw new GraphQLRequestError(error.message, error.extensions?.code);
  }
  return body.data as Result;
}
