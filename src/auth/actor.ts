import { ROLES, type Role } from '../domain/project/vocabulary.js';

/** The authenticated caller, as the token's claims give it. */
export interface AuthenticatedActor {
  userId: string;
  name?: string;
  roles: Role[];
  /** The business unit (事业部) the user works in: the `bu` claim; absent in a single-unit company. */
  businessUnit?: string;
}

export interface TokenClaims {
  sub?: unknown;
  name?: unknown;
  roles?: unknown;
  bu?: unknown;
}

export function actorFromClaims(claims: TokenClaims): AuthenticatedActor | undefined {
  if (typeof claims.sub !== 'string' || !claims.sub || !Array.isArray(claims.roles)) return undefined;
  const roles = claims.roles.filter((role): role is Role => ROLES.includes(role as Role));
  const businessUnit = typeof claims.bu === 'string' && claims.bu ? claims.bu : undefined;
  return { userId: claims.sub, name: typeof claims.name === 'string' ? claims.name : undefined, roles, ...(businessUnit ? { businessUnit } : {}) };
}
