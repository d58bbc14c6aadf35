import { Inject, Injectable } from '@nestjs/common';
import { refuse } from '../../domain/project/errors.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../../event-store/event-store.port.js';
import { projectStream } from '../project-stream.js';
import { auditSnapshot, diffSnapshots, type FieldChange } from './project-diff.js';
import { historyPage, type HistoryPage, type HistoryQuery } from './project-history.js';
import { verifyChain, type ChainVerification } from './event-chain.js';
import { readUpTo, type ReplayPoint } from './replay-point.js';

/** A project's stream exactly as stored, with its hash chain: what `audit:verify --file` checks offline. */
export interface ProjectArchive {
  format: 'psm-project-archive/1';
  projectId: string;
  stream: string;
  exportedAt: string;
  verification: ChainVerification;
  events: StoredEvent[];
}

/** Audit replay of one project: its history, what changed between two points, its hash chain, its archive. */
@Injectable()
export class ProjectAudit {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async history(projectId: string, query: HistoryQuery): Promise<HistoryPage> {
    return historyPage(await this.stream(projectId), query);
  }

  async diff(projectId: string, from: ReplayPoint, to: ReplayPoint): Promise<{ fromRevision: number; toRevision: number; changes: FieldChange[] }> {
    const stream = projectStream(projectId);
    const [before, after] = await Promise.all([this.events.readStream(stream, readUpTo(from)), this.events.readStream(stream, readUpTo(to))]);
    if (after.length === 0 && before.length === 0) refuse('PROJECT_NOT_FOUND', `no project ${projectId}`);
    return { fromRevision: before.length - 1, toRevision: after.length - 1, changes: diffSnapshots(auditSnapshot(before), auditSnapshot(after)) };
  }

  /** Recomputed from the events as stored: upcasting on read changes nothing here. */
  async verify(projectId: string): Promise<ChainVerification> {
    return verifyChain(await this.stream(projectId, true));
  }

  async archive(projectId: string, now = new Date()): Promise<ProjectArchive> {
    const events = await this.stream(projectId, true);
    return { format: 'psm-project-archive/1', projectId, stream: projectStream(projectId), exportedAt: now.toISOString(), verification: verifyChain(events), events };
  }

  private async stream(projectId: string, asStored = false): Promise<StoredEvent[]> {
    const events = await this.events.readStream(projectStream(projectId), { asStored });
    if (events.length === 0) refuse('PROJECT_NOT_FOUND', `no project ${projectId}`);
    return events;
  }
}
