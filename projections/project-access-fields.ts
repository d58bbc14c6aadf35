import { dimensionsOf } from '../src/application/project-event-metadata.js';
import type { StoredEvent } from '../src/event-store/event-store.port.js';
import type { ProjectEvent } from '../src/domain/project/events.js';
import { NAMING_TYPES, namedIn, ownerSetBy } from '../src/domain/project/members.js';
import { STAGE_CHANGING_TYPES } from '../src/domain/project/stage-of.js';
import type { Update } from '../src/read-store/read-store.port.js';

/** The events that change what `accessUpdate` keeps, and a read model's stage: a read model folding them and its own may skip the rest. */
export const ACCESS_EVENT_TYPES: ReadonlyArray<ProjectEvent['type']> = [...new Set([...NAMING_TYPES, ...STAGE_CHANGING_TYPES])];

/**
 * What a read model keyed by project keeps so that `visibleProjects` (auth/project-visibility) filters
 * it as it filters the board's cards: the owner, region, product line and business unit, and the
 * people steps named (`members`). Merged into the update of every event of the project.
 */
export function accessUpdate(stored: StoredEvent, event: ProjectEvent): Update {
  const set: Record<string, unknown> = {};
  const dimensions = dimensionsOf(stored);
  if (event.type === 'LeadRegistered') {
    const { title, customer, region, productLine, businessUnit } = event.data;
    Object.assign(set, { title, customer, region, productLine, businessUnit: businessUnit ?? null });
  } else if (dimensions) {
    Object.assign(set, { ownerId: dimensions.ownerId, region: dimensions.region, productLine: dimensions.productLine, businessUnit: dimensions.businessUnit ?? null });
  }
  const owner = ownerSetBy(event);
  if (owner) set.ownerId = owner;
  const named = namedIn(event);
  return named.length === 0 ? { $set: set } : { $set: set, $addToSet: { members: { $each: named } } };
}

/** What says which project a row of a read model is: the fields `accessUpdate` keeps from the lead, and the owner. */
export interface ProjectHeading {
  projectId: string;
  title: string;
  customer: string;
  ownerId: string;
  region: string;
  productLine: string;
}
