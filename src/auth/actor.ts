import { ROLES, type Role } from '../domain/project/vocabulary.js';

/** The authenticated caller, as the token's claims give it. */
export interface AuthenticatedActor {
  userId: string;
  name?: string;
  roles: Role[];
}

export interface TokenClaims {
  sub?: unknown;
  name?: unknown;
  roles?: unknown;
}

export function actorFromClaims(claims: TokenClaims): AuthenticatedActor | undefined {
  if (typeof claims.sub !== 'string' || !claims.sub || !Array.isArray(claims.roles)) return undefined;
  const roles = claims.roles.filter((role): role is Role => ROLES.includes(role as Role));
  return { userId: claims.sub, name: typeof claims.name === 'string' ? claims.name : undefined, roles };
}
