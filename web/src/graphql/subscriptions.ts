import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './generated/graphql';

let current: { token: string; client: Client } | undefined;

/** One graphql-ws connection to /graphql per token; the token goes in connection_init, as the server expects. */
function clientFor(token: string): Client {
  if (current?.token !== token) {
    current?.client.dispose();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    current = { token, client: createClient({ url, lazy: true, retryAttempts: 5, connectionParams: { authorization: `Bearer ${token}` } }) };
  }
  return current.client;
}

/** Subscribes to a typed operation; returns the function that ends the subscription. */
export function subscribe<Result, Variables>(
  token: string,
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  onData: (data: Result) => void,
  onError: (error: unknown) => void,
): () => void {
  return clientFor(token).subscribe<Result>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    { next: ({ data }) => data && onData(data), error: onError, complete: () => {} },
  );
}
