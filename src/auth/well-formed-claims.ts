import { UNSHOWABLE_IN_A_NAME } from '../edge/misleading-characters.js';
import type { TokenClaims } from './actor.js';

/** A claim that names someone or something: a string with something to show, nothing hidden or reordered in it. */
const isWellFormedName = (value: unknown) => typeof value === 'string' && value.trim() !== '' && !UNSHOWABLE_IN_A_NAME.test(value);

/**
 * The first of `sub`, `name` and `bu` that is present but malformed, else undefined. These claims are
 * stored with every event and shown in tables, exports and terminals; a `bu` that is no unit's name
 * must not read as "no unit", which would widen what its holder sees.
 */
export function malformedClaim(claims: TokenClaims): 'sub' | 'name' | 'bu' | undefined {
  if (claims.sub !== undefined && !isWellFormedName(claims.sub)) return 'sub';
  if (claims.name !== undefined && !isWellFormedName(claims.name)) return 'name';
  if (claims.bu !== undefined && !isWellFormedName(claims.bu)) return 'bu';
  return undefined;
}
