import { BadRequestException } from '@nestjs/common';
import type { ReadStreamOptions } from '../../event-store/event-store.port.js';

/** A point in a project's history: an instant (what was recorded by then) or a revision; neither means now. */
export interface ReplayPoint {
  asOf?: Date | null;
  atRevision?: number | null;
}

/** The stream read that stops at the point. */
export function readUpTo({ asOf, atRevision }: ReplayPoint = {}): ReadStreamOptions {
  if (asOf && atRevision != null) throw new BadRequestException({ message: ['give asOf or atRevision, not both'] });
  if (atRevision != null && (!Number.isInteger(atRevision) || atRevision < 0)) {
    throw new BadRequestException({ message: ['atRevision is a revision: an integer ≥ 0'] });
  }
  return { until: asOf ?? undefined, toRevision: atRevision ?? undefined };
}
