import type { ProjectClass } from '../domain/project/vocabulary.js';
import type { EventMetadata, StoredEvent } from '../event-store/event-store.port.js';

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

/** What the command handler writes beside every project event; events stored before a field existed lack it. */
export interface ProjectEventMetadata extends EventMetadata {
  projectId: string;
  /** Server time at the command (ISO-8601 UTC). */
  occurredAt: string;
  /** Who owns the project and where it belongs (absent before the project has a lead). */
  dimensions?: ProjectDimensions;
  stageBefore?: StageBefore;
  /** The policy profile and version the decision was taken under (absent on events written before profiles). */
  policy?: { profile: string; version: number };
}

// the one cast from the log's open metadata: every field may be missing on an older event
const metadataOf = (event: StoredEvent) => event.metadata as Partial<ProjectEventMetadata>;

export const stageBeforeOf = (event: StoredEvent): StageBefore | undefined => metadataOf(event).stageBefore;

export const dimensionsOf = (event: StoredEvent): ProjectDimensions | undefined => metadataOf(event).dimensions;

/** When the decision was taken (server time at the command), else when it was stored. */
export const occurredAt = (event: StoredEvent): string => metadataOf(event).occurredAt ?? event.recordedAt;

export const projectIdOf = (event: StoredEvent): string | undefined =>
  event.stream.startsWith('project-') ? event.stream.slice('project-'.length) : undefined;
