import { Inject, Injectable } from '@nestjs/common';
import { refuse } from '../../domain/project/errors.js';
import { fold, type ProjectState } from '../../domain/project/state.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../../event-store/event-store.port.js';
import { projectIdOf } from '../project-event-metadata.js';
import { projectStream, toDomainEvent } from '../project-stream.js';
import { auditSnapshot, diffSnapshots, type FieldChange } from './project-diff.js';
import { historyPage, type HistoryEntry, type HistoryPage, type HistoryQuery } from './project-history.js';
import { verifyChain, type ChainVerification } from './event-chain.js';
import { readUpTo, type ReplayPoint } from './replay-point.js';
import { StreamCache } from '../stream-cache.js';

/** A project's stream exactly as stored, with its hash chain: what `audit:verify --file` checks offline. */
export interface ProjectArchive {
  format: 'psm-project-archive/1';
  projectId: string;
  stream: string;
  exportedAt: string;
  verification: ChainVerification;
  events: StoredEvent[];
}

/** A project's whole timeline up to a point, and where it stood then. */
export interface Replay {
  projectId: string;
  revision: number;
  stage: ProjectState['stage'];
  entries: HistoryEntry[];
}

const PAGE = 1000;

/** Audit replay of one project: its history, what changed between two points, its hash chain, its archive. */
@Injectable()
export class ProjectAudit {
  private readonly cache: StreamCache;

  constructor(@Inject(EVENT_STORE) private readonly events: EventStore, cache?: StreamCache) {
    this.cache = cache ?? new StreamCache(events);
  }

  async history(projectId: string, query: HistoryQuery): Promise<HistoryPage> {
    return historyPage(await this.existing(projectId), query);
  }

  async replay(projectId: string, point: ReplayPoint = {}): Promise<Replay> {
    const stream = await this.existing(projectId, point);
    const { entries, headRevision } = historyPage(stream, { limit: stream.length });
    return { projectId, revision: headRevision, stage: fold(stream.map(toDomainEvent)).stage, entries };
  }

  async diff(projectId: string, from: ReplayPoint, to: ReplayPoint): Promise<{ fromRevision: number; toRevision: number; changes: FieldChange[] }> {
    const stream = projectStream(projectId);
    const [before, after] = [await this.cache.read(stream, readUpTo(from)), await this.cache.read(stream, readUpTo(to))];
    if (after.length === 0 && before.length === 0) refuse('PROJECT_NOT_FOUND', `no project ${projectId}`);
    return { fromRevision: before.length - 1, toRevision: after.length - 1, changes: diffSnapshots(auditSnapshot(before), auditSnapshot(after)) };
  }

  /** Recomputed from the events as stored: upcasting on read changes nothing here. */
  async verify(projectId: string): Promise<ChainVerification> {
    return verifyChain(await this.asStored(projectId));
  }

  async archive(projectId: string, now = new Date()): Promise<ProjectArchive> {
    const events = await this.asStored(projectId);
    return { format: 'psm-project-archive/1', projectId, stream: projectStream(projectId), exportedAt: now.toISOString(), verification: verifyChain(events), events };
  }

  /** Every project in the log, in the order they began. */
  async projectIds(): Promise<string[]> {
    const ids = new Set<string>();
    for (let page = await this.events.readAll({ limit: PAGE }); page.length > 0; page = await this.events.readAll({ after: page[page.length - 1].position, limit: PAGE })) {
      for (const event of page) if (projectIdOf(event)) ids.add(projectIdOf(event)!);
    }
    return [...ids];
  }

  private async existing(projectId: string, point: ReplayPoint = {}): Promise<StoredEvent[]> {
    const events = await this.cache.read(projectStream(projectId), readUpTo(point));
    if (events.length === 0) refuse('PROJECT_NOT_FOUND', `no project ${projectId}${point.asOf || point.atRevision != null ? ' at that point' : ''}`);
    return events;
  }

  private async asStored(projectId: string): Promise<StoredEvent[]> {
    const events = await this.events.readStream(projectStream(projectId), { asStored: true });
    if (events.length === 0) refuse('PROJECT_NOT_FOUND', `no project ${projectId}`);
    return events;
  }
}
