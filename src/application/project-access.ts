import { Injectable } from '@nestjs/common';
import { maySee, type ProjectAccessFacts, type Viewer } from '../auth/project-visibility.js';
import { namedIn, ownerSetBy } from '../domain/project/members.js';
import { refuse } from '../domain/project/errors.js';
import type { StoredEvent } from '../event-store/event-store.port.js';
import { projectStream, toDomainEvent } from './project-stream.js';
import { StreamCache } from './stream-cache.js';

/** Who may see a project, from its stream: its business unit, its current owner and the people its steps named (acting names nobody). */
export function accessFactsOf(events: StoredEvent[]): ProjectAccessFacts {
  const members = new Set<string>();
  let businessUnit: string | null = null;
  let owner: string | undefined;
  for (const stored of events) {
    const event = toDomainEvent(stored);
    if (event.type === 'LeadRegistered') businessUnit = event.data.businessUnit ?? null;
    owner = ownerSetBy(event) ?? owner;
    for (const named of namedIn(event)) members.add(named);
  }
  if (owner !== undefined) members.add(owner);
  return { businessUnit, members: [...members] };
}

/** The check in front of every read of one project's record: from the log itself, so a new project is visible at once. */
@Injectable()
export class ProjectAccess {
  constructor(private readonly streams: StreamCache) {}

  async maySee(actor: Viewer, projectId: string): Promise<boolean> {
    const events = await this.streams.read(projectStream(projectId));
    return events.length > 0 && maySee(actor, accessFactsOf(events));
  }

  /** A project the caller may not see is refused as if it did not exist. */
  async assertMaySee(actor: Viewer, projectId: string): Promise<void> {
    if (!(await this.maySee(actor, projectId))) refuse('PROJECT_NOT_FOUND', `no project ${projectId}`);
  }
}
