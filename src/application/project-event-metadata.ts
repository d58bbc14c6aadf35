import type { ProjectClass } from '../domain/project/vocabulary.js';
import type { StoredEvent } from '../event-store/event-store.port.js';

/** What the command handler writes about the project beside every event. */
export interface ProjectDimensions {
  ownerId: string;
  region: string;
  productLine: string;
  projectClass: ProjectClass | null;
  /** Null when the project was registered outside any business unit (a single-unit company). */
  businessUnit: string | null;
}

/** The stage a project was in when the command that wrote an event was decided, and since when. */
export interface StageBefore {
  stage: string;
  enteredAt: string;
}

export const stageBeforeOf = (event: StoredEvent): StageBefore | undefined => event.metadata.stageBefore as StageBefore | undefined;

export const dimensionsOf = (event: StoredEvent): ProjectDimensions | undefined => event.metadata.dimensions as ProjectDimensions | undefined;

/** When the decision was taken (server time at the command), else when it was stored. */
export const occurredAt = (event: StoredEvent): string => (event.metadata.occurredAt as string | undefined) ?? event.recordedAt;

export const projectIdOf = (event: StoredEvent): string | undefined =>
  event.stream.startsWith('project-') ? event.stream.slice('project-'.length) : undefined;
