import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { fold, type Project } from '../domain/project/state.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { readUpTo, type ReplayPoint } from './audit/replay-point.js';
import { projectStream, toDomainEvent } from './project-stream.js';
import { StreamCache } from './stream-cache.js';

export class GetProject {
  constructor(
    readonly projectId: string,
    /** Replays the stream only up to this point: the state as it was then. */
    readonly point: ReplayPoint = {},
  ) {}
}

/** The state of one project, now or at a past point, folded from its stream (the read models answer lists). */
@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject, { project: Project; revision: number } | null> {
  private readonly streams: StreamCache;

  constructor(@Inject(EVENT_STORE) events: EventStore, streams?: StreamCache) {
    this.streams = streams ?? new StreamCache(events);
  }

  async execute({ projectId, point }: GetProject) {
    const history = await this.streams.read(projectStream(projectId), readUpTo(point));
    const state = fold(history.map(toDomainEvent));
    return state.stage === 'NONE' ? null : { project: state, revision: history[history.length - 1].revision };
  }
}
