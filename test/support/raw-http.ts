import type { GraphQLResponse } from './psm-app.js';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: GraphQLResponse & Record<string, unknown>;
}

/** POSTs a body exactly as given to /graphql (loopback only): for requests a well-behaved client never sends. */
export async function postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}
