import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Logger } from 'pino';
import { UnreadableEventError } from '../../src/event-store/event-store.errors.js';
import type { EventStore, Position, StoredEvent, Subscription } from '../../src/event-store/event-store.port.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import type { Projection } from './projection.js';
import { LIVE, ProjectionRunner, type ProjectionStatus, type RunnerOptions } from './projection-runner.js';

/**
 * Runs read models side by side, each from its own checkpoint, on one read of the log: it follows the
 * log from the earliest checkpoint and offers every event to every read model, which skips what it
 * already has. A slow read model holds the others back rather than making the log be read twice.
 */
export class Projector {
  private readonly runners: ProjectionRunner[];
  private subscription?: Subscription;
  /** The last event offered to the read models. */
  private offered?: Position;
  private loop?: Promise<void>;
  private stopped = false;

  constructor(projections: Projection[], private readonly events: EventStore, reads: ReadStore, logger: Logger, options: RunnerOptions = LIVE) {
    const compare = (a: Position, b: Position) => events.comparePositions(a, b);
    this.runners = projections.map((projection) => new ProjectionRunner(projection, reads, compare, (position) => this.rewind(position), logger, options));
  }

  async start(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
    this.follow();
  }

  /**
   * Waits until every running read model has taken the log up to its present head (or `timeoutMs`
   * passed, or the log cannot be read): a stop after it leaves nothing appended unprojected.
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    const head = await this.events.head().catch(() => undefined);
    if (!head) return;
    const behind = () =>
      this.runners.some((runner) => runner.running && (runner.position === undefined || this.events.comparePositions(runner.position, head.position) < 0));
    for (const deadline = Date.now() + timeoutMs; behind() && Date.now() < deadline; ) await sleep(5);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    await this.loop;
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  onCommitted(projection: string, listener: (events: StoredEvent[]) => void): void {
    this.runners.find((runner) => runner.name === projection)?.onCommitted(listener);
  }

  status(): ProjectionStatus[] {
    return this.runners.map((runner) => runner.status());
  }

  /** Follows the log after the earliest position any running read model needs. */
  private follow(): void {
    const previous = this.subscription;
    this.offered = this.earliest();
    const subscription = this.events.subscribe({ after: this.offered, types: this.wantedTypes() });
    this.subscription = subscription;
    this.loop = this.consume(subscription);
    void previous?.close();
  }

  /** The event types any running read model folds; undefined when one of them folds every event. */
  private wantedTypes(): string[] | undefined {
    const wanted = new Set<string>();
    for (const runner of this.runners.filter((candidate) => candidate.running)) {
      if (!runner.eventTypes) return undefined;
      for (const type of runner.eventTypes) wanted.add(type);
    }
    return [...wanted].sort();
  }

  private earliest(): Position | undefined {
    const positions = this.runners.filter((runner) => runner.running).map((runner) => runner.position);
    if (positions.length === 0 || positions.includes(undefined)) return undefined;
    return (positions as Position[]).reduce((a, b) => (this.events.comparePositions(a, b) <= 0 ? a : b));
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      await this.offerAll(subscription);
    } catch (error) {
      if (!(error instanceof UnreadableEventError) || subscription !== this.subscription) throw error;
      // the log cannot be read past this event: every read model stops there, as at one it cannot project
      await Promise.all(this.runners.map((runner) => runner.unreadable(error)));
    }
  }

  private async offerAll(subscription: Subscription): Promise<void> {
    for await (const page of subscription) {
      for (const event of page) {
        if (subscription !== this.subscription) return;
        this.offered = event.position;
        let commits: Promise<void>[] | undefined;
        for (const runner of this.runners) {
          const commit = runner.offer(event);
          if (commit) (commits ??= []).push(commit);
        }
        if (!commits) continue;
        await Promise.all(commits);
        // reading and committing can run on microtasks alone: let requests and timers in between batches
        await yieldToEventLoop();
      }
    }
  }

  /** A read model needs the log after `position` (it was rebuilt underneath): if that was offered already, follow the log again. */
  private rewind(position: Position | undefined): void {
    if (this.stopped || this.offered === undefined) return;
    if (position === undefined || this.events.comparePositions(position, this.offered) < 0) this.follow();
  }
}
