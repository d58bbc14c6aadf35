import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { answerSatisfactionSurvey, openSurvey, type SurveyAnswers } from '../domain/project/decide-satisfaction-and-collaboration.js';
import { EVENT_VERSIONS } from '../domain/project/event-versions.js';
import { refuse } from '../domain/project/errors.js';
import { fold, type Project, type SatisfactionSurvey } from '../domain/project/state.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { appendAtRevision, decisionMetadata } from './append-decision.js';
import { Clock } from './clock.js';
import { dimensionsOf, stageContextOf } from './execute-project-command.js';
import { PolicyProvider } from './policy.provider.js';
import type { ProjectEventMetadata } from './project-event-metadata.js';
import { eventIdFor, projectStream, toDomainEvent } from './project-stream.js';
import { StreamCache } from './stream-cache.js';

/** Who appends a survey's answer: the system, on behalf of whoever held the link; nobody was signed in (`signedIn: false`). */
export const SURVEY_LINK_ACTOR = { userId: 'system:survey-link', name: '客户（满意度调查链接）', roles: [] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A new survey link's token: the project it belongs to, then 32 random bytes; only its sha256 is stored. */
export function mintSurveyToken(projectId: string): { token: string; tokenSha256: string } {
  const token = `${projectId}.${randomBytes(32).toString('base64url')}`;
  return { token, tokenSha256: sha256(token) };
}

export const surveyTokenSha256 = sha256;

/** The project a token names, when it is shaped like a token at all. */
function projectOf(token: string): string {
  const [projectId, secret] = token.split('.');
  if (!UUID.test(projectId ?? '') || !/^[A-Za-z0-9_-]{43}$/.test(secret ?? '')) refuse('SURVEY_LINK_INVALID', 'this survey link is not valid');
  return projectId;
}

/** 客户满意度调查 through its link: what it asks, and the customer's answer appended to the project's stream. No account is needed; the token is the key. */
@Injectable()
export class SatisfactionSurveys {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly streams: StreamCache,
    private readonly policy: PolicyProvider,
    private readonly clock: Clock,
  ) {}

  /** The survey a link opens: its questions and scale, or the typed refusal of a wrong, expired or used link. */
  async open(token: string): Promise<SatisfactionSurvey> {
    const projectId = projectOf(token);
    const state = fold((await this.streams.read(projectStream(projectId))).map(toDomainEvent));
    return openSurvey(state.stage === 'NONE' ? undefined : state, sha256(token), this.clock.now());
  }

  /** Appends the answer, at the revision it was decided on; a refusal appends nothing. */
  async answer(token: string, answers: SurveyAnswers): Promise<{ projectId: string; revision: number }> {
    const projectId = projectOf(token);
    const stream = projectStream(projectId);
    const commandId = randomUUID();
    const meta = { commandId, actor: SURVEY_LINK_ACTOR };
    for (let attempt = 1; ; attempt++) {
      const history = await this.streams.read(stream);
      const state = fold(history.map(toDomainEvent));
      const project: Project | undefined = state.stage === 'NONE' ? undefined : state;
      const now = this.clock.now();
      const { policy } = this.policy.current();
      const decided = answerSatisfactionSurvey(project, sha256(token), answers, now);
      const stageBefore = stageContextOf(history, state);
      const unchained = decided.map((event, index) => ({
        id: eventIdFor(projectId, meta.actor.userId, commandId, index),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          ...decisionMetadata(meta, 'AnswerSatisfactionSurvey', EVENT_VERSIONS[event.type], now, policy),
          projectId,
          dimensions: dimensionsOf(state),
          ...(stageBefore ? { stageBefore } : {}),
          signedIn: false,
        } satisfies ProjectEventMetadata & { signedIn: false },
      }));
      if (await appendAtRevision(this.events, stream, history, unchained, attempt)) return { projectId, revision: history.length };
    }
  }
}
