import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuthenticatedActor } from '../auth/actor.js';
import { availableActions, type AvailableAction } from '../domain/project/available-actions.js';
import { fold, type Project } from '../domain/project/state.js';
import { Clock } from './clock.js';
import { PolicyProvider } from './policy.provider.js';
import { ProjectAccess } from './project-access.js';
import { projectStream, toDomainEvent } from './project-stream.js';
import { StreamCache } from './stream-cache.js';

export class GetAvailableActions {
  constructor(
    readonly projectId: string,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** What the caller may do to a project now: decided as their command would be, under the same policy, calendar and clock. */
@QueryHandler(GetAvailableActions)
export class GetAvailableActionsHandler implements IQueryHandler<GetAvailableActions, AvailableAction[]> {
  constructor(
    private readonly access: ProjectAccess,
    private readonly streams: StreamCache,
    private readonly policy: PolicyProvider,
    private readonly clock: Clock,
  ) {}

  async execute({ projectId, actor }: GetAvailableActions): Promise<AvailableAction[]> {
    // a project the caller may not see answers as a missing one
    await this.access.assertMaySee(actor, projectId);
    const project = fold((await this.streams.read(projectStream(projectId))).map(toDomainEvent)) as Project;
    return availableActions(project, { actor, now: this.clock.now(), ...this.policy.current() });
  }
}
