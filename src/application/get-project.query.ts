import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { fold, type Project } from '../domain/project/state.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { documentVersionsOf, type DocumentVersion } from './audit/document-versions.js';
import { readUpTo, type ReplayPoint } from './audit/replay-point.js';
import { projectRecordOf, type ProjectRecord } from './project-record.js';
import { projectStream, toDomainEvent } from './project-stream.js';
import { salesControlRecordOf, type SalesControlRecord } from './sales-control-record.js';
import { StreamCache } from './stream-cache.js';

export class GetProject {
  constructor(
    readonly projectId: string,
    /** Replays the stream only up to this point: the state as it was then. */
    readonly point: ReplayPoint = {},
  ) {}
}

/** A project as read: its state, the revision it was folded to, what its history recorded and the documents it filed. */
export interface FoundProject {
  project: Project;
  revision: number;
  record: ProjectRecord;
  documents: DocumentVersion[];
  /** 售前项目管理: plans, task books, costs, meetings, reports and adjustments, each with when. */
  salesControl: SalesControlRecord;
}

/** The state of one project, now or at a past point, folded from its stream (the read models answer lists). */
@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject, FoundProject | null> {
  private readonly streams: StreamCache;

  constructor(@Inject(EVENT_STORE) events: EventStore, streams?: StreamCache) {
    this.streams = streams ?? new StreamCache(events);
  }

  async execute({ projectId, point }: GetProject): Promise<FoundProject | null> {
    const history = await this.streams.read(projectStream(projectId), readUpTo(point));
    const events = history.map(toDomainEvent);
    const state = fold(events);
    if (state.stage === 'NONE') return null;
    return { project: state, revision: history[history.length - 1].revision, record: projectRecordOf(events), documents: documentVersionsOf(history), salesControl: salesControlRecordOf(history) };
  }
}
