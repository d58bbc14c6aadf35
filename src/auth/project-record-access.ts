import { ForbiddenException } from '@nestjs/common';
import type { Role } from '../domain/project/vocabulary.js';
import type { AuthenticatedActor } from './actor.js';
import { MEMBER_ROLES } from '../domain/project/members.js';
import { UNIT_ROLES } from './project-visibility.js';

/**
 * Who reads a project's full record (history, past states, diffs, archive): the managers and the roles
 * that work on projects. ADMIN runs the system and reads no commercial content. Which projects each
 * of them may read is the visibility rule's (project-visibility.ts).
 */
const RECORD_READERS: readonly Role[] = [...UNIT_ROLES, ...MEMBER_ROLES];

/** A verification shows hashes, revisions and event types only, so ADMIN may run it too. */
const CHAIN_VERIFIERS: readonly Role[] = [...RECORD_READERS, 'ADMIN'];

export type RecordAccess = 'READ' | 'VERIFY';

export function assertMayAccessRecord(actor: AuthenticatedActor, access: RecordAccess): void {
  const allowed = access === 'READ' ? RECORD_READERS : CHAIN_VERIFIERS;
  if (!actor.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenException(`reading a project's record needs one of the roles ${allowed.join(', ')}`);
  }
}
