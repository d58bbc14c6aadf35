import { Inject, Injectable } from '@nestjs/common';
import type { ProjectAccessFacts } from '../../auth/project-visibility.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../../event-store/event-store.port.js';
import { Clock } from '../clock.js';
import { PolicyProvider } from '../policy.provider.js';
import { accessFactsOf } from '../project-access.js';
import { occurredAt } from '../project-event-metadata.js';
import { refuse } from '../../domain/project/errors.js';
import { decidedEventOf } from './decided-history.js';
import { policyWhatIf, type PolicyWhatIf } from './policy-what-if.js';
import { candidatePolicy, periodOf } from './what-if-request.js';

/** A what-if reads at most this many events of the log: past it, it is refused rather than left to run for minutes. */
export const MAX_WHAT_IF_EVENTS = 300_000;
const PAGE = 2000;

/**
 * 策略推演: the log read once, every project the caller may see replayed under a candidate policy beside
 * the policy in force. It only reads: nothing is appended, no read model is touched.
 */
@Injectable()
export class PolicyWhatIfReplay {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly policy: PolicyProvider,
    private readonly clock: Clock,
  ) {}

  /** `sees`: whether the caller may see a project (the one access rule); every project for the operator's CLI. */
  async run(candidateText: string, from: string, to: string, sees: (project: ProjectAccessFacts) => boolean): Promise<PolicyWhatIf> {
    const { policy: inForce, calendar } = this.policy.current();
    const candidate = candidatePolicy(candidateText, inForce);
    const period = periodOf(from, to, this.clock.now());
    const streams = await this.projectStreams(period.to);
    const histories = [...streams.values()].filter((stored) => sees(accessFactsOf(stored))).map((stored) => stored.map(decidedEventOf));
    return policyWhatIf({ histories, period, inForce, candidate, calendar });
  }

  /** Every project's events decided before `until`, by stream, in order; refused past MAX_WHAT_IF_EVENTS read. */
  private async projectStreams(until: string): Promise<Map<string, StoredEvent[]>> {
    const streams = new Map<string, StoredEvent[]>();
    let read = 0;
    for (let after: string | undefined, done = false; !done; ) {
      const page = await this.events.readAll({ after, limit: PAGE });
      read += page.length;
      if (read > MAX_WHAT_IF_EVENTS) refuse('REPLAY_TOO_LARGE', `the log holds more than ${MAX_WHAT_IF_EVENTS} events, the most a what-if replays`);
      for (const stored of page) {
        if (!stored.stream.startsWith('project-') || occurredAt(stored) >= until) continue;
        const stream = streams.get(stored.stream);
        if (stream) stream.push(stored);
        else streams.set(stored.stream, [stored]);
      }
      done = page.length < PAGE;
      after = page[page.length - 1]?.position;
    }
    return streams;
  }
}
