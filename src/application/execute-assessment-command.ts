import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  assessmentStream, ASSESSMENT_EVENT_VERSIONS, decideAssessment, foldAssessment,
  type Assessment, type AssessmentCommand, type AssessmentEvent,
} from '../domain/assessment/presales-assessment.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../event-store/event-store.port.js';
import { appendAtRevision, decisionMetadata, type CommandMeta } from './append-decision.js';
import { Clock } from './clock.js';
import { PolicyProvider } from './policy.provider.js';
import { eventIdFor } from './project-stream.js';
import { StreamCache } from './stream-cache.js';

export const toAssessmentEvent = (stored: StoredEvent): AssessmentEvent => ({ type: stored.type, data: stored.data }) as unknown as AssessmentEvent;

export interface AssessmentResult {
  revision: number;
  assessment: Assessment;
  events: Array<{ type: string; revision: number; data: Record<string, unknown> }>;
}

/** A command on one person's assessment of one month (月度考核). */
export class ExecuteAssessmentCommand {
  constructor(
    readonly person: string,
    readonly month: string,
    readonly command: AssessmentCommand,
    readonly meta: CommandMeta,
  ) {}
}

/** The catalogue's shape for an assessment's stream: load, decide, append at the exact revision, retry on a concurrent write. */
@CommandHandler(ExecuteAssessmentCommand)
export class ExecuteAssessmentCommandHandler implements ICommandHandler<ExecuteAssessmentCommand, AssessmentResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly streams: StreamCache,
    private readonly policy: PolicyProvider,
    private readonly clock: Clock,
  ) {}

  async execute({ person, month, command, meta }: ExecuteAssessmentCommand): Promise<AssessmentResult> {
    const stream = assessmentStream(person, month);
    for (let attempt = 1; ; attempt++) {
      const history = await this.streams.read(stream);
      const earlier = history.filter((event) => event.metadata.commandId === meta.commandId);
      // a retried command id answers with what it first appended
      if (earlier.length > 0) return resultOf(history, earlier);
      const context = { actor: meta.actor, now: this.clock.now(), ...this.policy.current() };
      const decided = decideAssessment(command, foldAssessment(history.map(toAssessmentEvent)), context);
      const unchained = decided.map((event, index) => ({
        id: eventIdFor(stream, meta.actor.userId, meta.commandId, index),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: decisionMetadata(meta, command.type, ASSESSMENT_EVENT_VERSIONS[event.type], context.now, context.policy),
      }));
      if (!(await appendAtRevision(this.events, stream, history, unchained, attempt))) continue;
      const after = await this.streams.read(stream);
      return resultOf(after, after.filter((event) => event.metadata.commandId === meta.commandId));
    }
  }
}

function resultOf(history: StoredEvent[], mine: StoredEvent[]): AssessmentResult {
  const last = mine[mine.length - 1].revision;
  const assessment = foldAssessment(history.filter((event) => event.revision <= last).map(toAssessmentEvent))!;
  return { revision: last, assessment, events: mine.map((event) => ({ type: event.type, revision: event.revision, data: event.data })) };
}
