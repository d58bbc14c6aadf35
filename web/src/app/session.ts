/** The signed-in user: the bearer token (kept for this tab) and what its claims say. */
export interface Session {
  token: string;
  userId: string;
  name?: string;
  roles: string[];
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const KEY = 'psm.token';

function claimsOf(token: string): { sub?: string; name?: string; roles?: string[]; exp?: number } | undefined {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

export function sessionOf(token: string | null): Session | undefined {
  const claims = token ? claimsOf(token) : undefined;
  if (!token || !claims?.sub || !claims.exp || claims.exp * 1000 <= Date.now()) return undefined;
  return { token, userId: claims.sub, name: claims.name, roles: claims.roles ?? [], expiresAt: claims.exp * 1000 };
}

export const storedSession = (): Session | undefined => sessionOf(sessionStorage.getItem(KEY));

export function storeToken(token: string | undefined): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
