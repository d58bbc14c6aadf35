import { storedSession, storeToken } from '../app/session';
import type { TypedDocumentString } from './generated/graphql';

/** A refusal from the server: its message, `extensions.code` (BAD_USER_INPUT, FORBIDDEN, …) and the rule's `domainCode` (DOCUMENT_MISMATCH, …). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly domainCode?: string,
    /** What input validation found wrong, field by field. */
    readonly details: string[] = [],
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
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string; extensions?: { code?: string; domainCode?: string; details?: unknown } }> };
  const [error] = body.errors ?? [];
  if (error) {
    if (error.extensions?.code === 'UNAUTHENTICATED') storeToken(undefined);
    const details = Array.isArray(error.extensions?.details) ? error.extensions.details.map(String) : [];
    throw new GraphQLRequestError(error.message, error.extensions?.code, error.extensions?.domainCode, details);
  }
  return body.data as Result;
}
