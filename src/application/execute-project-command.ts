import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ProjectCommand } from '../domain/project/commands.js';
import { maySee, type Viewer } from '../auth/project-visibility.js';
import { decide } from '../domain/project/decide.js';
import { EVENT_VERSIONS } from '../domain/project/event-versions.js';
import type { DecisionContext } from '../domain/project/decision-context.js';
import { refuse } from '../domain/project/errors.js';
import { stageEnteredBy } from '../domain/project/stage-of.js';
import { fold, type ProjectState } from '../domain/project/state.js';
import { foldStandardSolution, standardSolutionStream } from '../domain/catalogue/standard-solution.js';
import { toStandardSolutionEvent } from './execute-standard-solution-command.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../event-store/event-store.port.js';
import { appendAtRevision, decisionMetadata, type CommandMeta } from './append-decision.js';
import { Clock } from './clock.js';
import { PolicyProvider } from './policy.provider.js';
import { accessFactsOf } from './project-access.js';
import { occurredAt, type ProjectEventMetadata, type StageBefore } from './project-event-metadata.js';
import { eventIdFor, projectStream, toDomainEvent } from './project-stream.js';
import { StreamCache } from './stream-cache.js';


export interface CommandResult {
  projectId: string;
  revision: number;
  stage: ProjectState['stage'];
  events: Array<{ type: string; revision: number; data: Record<string, unknown> }>;
}

/** Every command of the procedure goes through this one message and its one handler. */
export class ExecuteProjectCommand {
  constructor(
    readonly projectId: string,
    readonly command: ProjectCommand,
    readonly meta: CommandMeta,
  ) {}
}

/** Load the stream, decide, append at the exact revision; on a concurrent write, reload and decide again. */
@CommandHandler(ExecuteProjectCommand)
export class ExecuteProjectCommandHandler implements ICommandHandler<ExecuteProjectCommand, CommandResult> {
  /** A project's stream is read whole once, then only what was appended since (by this handler or anyone else). */
  private readonly streams: StreamCache;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly policy: PolicyProvider,
    private readonly clock: Clock,
    streams?: StreamCache,
  ) {
    this.streams = streams ?? new StreamCache(events);
  }

  async execute({ projectId, command, meta }: ExecuteProjectCommand): Promise<CommandResult> {
    const stream = projectStream(projectId);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.streams.read(stream);
      const history = asSeenBy(meta.actor, command, stored);
      const earlier = history.filter((event) => event.metadata.commandId === meta.commandId);
      if (earlier.length > 0) return retried(projectId, history, earlier, command, meta);
      const context: DecisionContext = { actor: meta.actor, now: this.clock.now(), ...this.policy.current(), ...(await this.catalogueFor(command)) };
      const state = fold(history.map(toDomainEvent));
      const decided = decide(command, state, context);
      const dimensions = dimensionsOf(fold(decided, state));
      const stageBefore = stageContextOf(history, state);
      const unchained = decided.map((event, index) => ({
        id: eventIdFor(projectId, meta.actor.userId, meta.commandId, index),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          ...decisionMetadata(meta, command.type, EVENT_VERSIONS[event.type], context.now, context.policy),
          projectId,
          dimensions,
          ...(stageBefore ? { stageBefore } : {}),
        } satisfies ProjectEventMetadata,
      }));
      if (!(await appendAtRevision(this.events, stream, history, unchained, attempt))) continue;
      const after = await this.streams.read(stream);
      return resultOf(projectId, after, after.filter((event) => event.metadata.commandId === meta.commandId));
    }
  }

  /** 标准方案: the catalogue entry a command names, as its stream holds it now (read at each attempt). */
  private async catalogueFor(command: ProjectCommand): Promise<Pick<DecisionContext, 'standardSolutions'>> {
    if (command.type !== 'SendStandardSolution') return {};
    const { entryId } = command.data;
    const entry = foldStandardSolution((await this.streams.read(standardSolutionStream(entryId))).map(toStandardSolutionEvent));
    return { standardSolutions: entry ? { [entryId]: entry } : {} };
  }
}

/**
 * The one rule of who may touch a project, for commands too: a project the caller may not see is
 * decided as if it did not exist, so the refusal is a missing project's, word for word. A lead's
 * registration alone is decided on what is there: an id already taken is taken for everyone.
 */
function asSeenBy(actor: Viewer, command: ProjectCommand, stored: StoredEvent[]): StoredEvent[] {
  if (stored.length === 0 || command.type === 'RegisterLead' || maySee(actor, accessFactsOf(stored))) return stored;
  return [];
}

/** A command id answers only the one who sent it, for the command it first carried; anyone else learns nothing. */
function retried(projectId: string, history: StoredEvent[], earlier: StoredEvent[], command: ProjectCommand, meta: CommandMeta): CommandResult {
  const first = earlier[0].metadata;
  const sameCommand = first.commandType === undefined || first.commandType === command.type;
  if (first.actor.userId !== meta.actor.userId || !sameCommand) {
    refuse('COMMAND_ID_TAKEN', `the commandId ${meta.commandId} is already used: send the command with a new one`);
  }
  return resultOf(projectId, history, earlier);
}

/** The stage the project was in before this command, and since when: read models time stages with it. */
export function stageContextOf(history: StoredEvent[], state: ProjectState): StageBefore | undefined {
  const entered = history.findLast((event) => stageEnteredBy(toDomainEvent(event)) !== undefined);
  if (!entered || state.stage === 'NONE') return undefined;
  return { stage: state.stage, enteredAt: occurredAt(entered) };
}

/** Who owns the project and where it belongs, on every event, so read models can group any event. */
export function dimensionsOf(state: ProjectState) {
  if (state.stage === 'NONE') return undefined;
  const { ownerId, region, productLine, businessUnit } = state.lead;
  return { ownerId, region, productLine, projectClass: state.projectClass ?? null, businessUnit: businessUnit ?? null };
}

/** The answer to a command: the same for its first run and for every retry of its command id. */
function resultOf(projectId: string, history: StoredEvent[], mine: StoredEvent[]): CommandResult {
  const last = mine[mine.length - 1].revision;
  const state = fold(history.filter((event) => event.revision <= last).map(toDomainEvent));
  return {
    projectId,
    revision: last,
    stage: state.stage,
    events: mine.map((event) => ({ type: event.type, revision: event.revision, data: event.data })),
  };
}
