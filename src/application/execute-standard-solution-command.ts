import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideStandardSolution, foldStandardSolution, standardSolutionStream, STANDARD_SOLUTION_EVENT_VERSIONS,
  type StandardSolution, type StandardSolutionCommand, type StandardSolutionEvent,
} from '../domain/catalogue/standard-solution.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../event-store/event-store.port.js';
import { appendAtRevision, decisionMetadata, type CommandMeta } from './append-decision.js';
import { Clock } from './clock.js';
import { PolicyProvider } from './policy.provider.js';
import { eventIdFor } from './project-stream.js';
import { StreamCache } from './stream-cache.js';

export const toStandardSolutionEvent = (stored: StoredEvent): StandardSolutionEvent => ({ type: stored.type, data: stored.data }) as StandardSolutionEvent;

export interface StandardSolutionResult {
  entryId: string;
  revision: number;
  entry: StandardSolution;
  events: Array<{ type: string; revision: number; data: Record<string, unknown> }>;
}

/** A command on one entry of the catalogue of standard solutions (标准方案库). */
export class ExecuteStandardSolutionCommand {
  constructor(
    readonly entryId: string,
    readonly command: StandardSolutionCommand,
    readonly meta: CommandMeta,
  ) {}
}

/** The project handler's shape for the catalogue's own streams: load, decide, append at the exact revision, retry on a concurrent write. */
@CommandHandler(ExecuteStandardSolutionCommand)
export class ExecuteStandardSolutionCommandHandler implements ICommandHandler<ExecuteStandardSolutionCommand, StandardSolutionResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly streams: StreamCache,
    private readonly policy: PolicyProvider,
    private readonly clock: Clock,
  ) {}

  async execute({ entryId, command, meta }: ExecuteStandardSolutionCommand): Promise<StandardSolutionResult> {
    const stream = standardSolutionStream(entryId);
    for (let attempt = 1; ; attempt++) {
      const history = await this.streams.read(stream);
      const earlier = history.filter((event) => event.metadata.commandId === meta.commandId);
      // a retried command id answers with what it first appended
      if (earlier.length > 0) return resultOf(entryId, history, earlier);
      const context = { actor: meta.actor, now: this.clock.now(), ...this.policy.current() };
      const decided = decideStandardSolution(entryId, command, foldStandardSolution(history.map(toStandardSolutionEvent)), context);
      const unchained = decided.map((event, index) => ({
        id: eventIdFor(`standard-solution/${entryId}`, meta.actor.userId, meta.commandId, index),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: decisionMetadata(meta, command.type, STANDARD_SOLUTION_EVENT_VERSIONS[event.type], context.now, context.policy),
      }));
      if (!(await appendAtRevision(this.events, stream, history, unchained, attempt))) continue;
      const after = await this.streams.read(stream);
      return resultOf(entryId, after, after.filter((event) => event.metadata.commandId === meta.commandId));
    }
  }
}

function resultOf(entryId: string, history: StoredEvent[], mine: StoredEvent[]): StandardSolutionResult {
  const last = mine[mine.length - 1].revision;
  const entry = foldStandardSolution(history.filter((event) => event.revision <= last).map(toStandardSolutionEvent))!;
  return { entryId, revision: last, entry, events: mine.map((event) => ({ type: event.type, revision: event.revision, data: event.data })) };
}
