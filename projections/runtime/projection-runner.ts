import type { Logger } from 'pino';
import type { EventStore, Position, StoredEvent, Subscription } from '../../src/event-store/event-store.port.js';
import type { Change, ReadStore } from '../../src/read-store/read-store.port.js';
import type { Projection } from './projection.js';

export type ProjectionState = 'STARTING' | 'RUNNING' | 'FAILED' | 'STOPPED';

export interface ProjectionStatus {
  name: string;
  state: ProjectionState;
  checkpoint?: Position;
  /** recordedAt of the last event folded in. */
  lastRecordedAt?: string;
  error?: { position: Position; type: string; message: string };
}

export interface RunnerOptions {
  batchSize: number;
  /** How long a partial batch waits for more events before it is committed. */
  flushMs: number;
}

/**
 * Folds the log into one read model: from its checkpoint, in global order, in batches; each batch's
 * changes and the checkpoint are committed together, so a redelivered event changes nothing.
 * An event that cannot be projected stops the projection where it is: it is reported, never skipped.
 */
export class ProjectionRunner {
  private status_: ProjectionStatus;
  private subscription?: Subscription;
  private pending: StoredEvent[] = [];
  private timer?: NodeJS.Timeout;
  private committing = Promise.resolve();
  private loop?: Promise<void>;

  constructor(
    private readonly projection: Projection,
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly logger: Logger,
    private readonly options: RunnerOptions = { batchSize: 500, flushMs: 20 },
  ) {
    this.status_ = { name: projection.name, state: 'STARTING' };
  }

  status(): ProjectionStatus {
    return { ...this.status_ };
  }

  async start(): Promise<void> {
    await this.reads.defineCollections(this.projection.collections);
    this.status_.checkpoint = await this.reads.checkpoint(this.projection.name);
    this.subscription = this.events.subscribe({ after: this.status_.checkpoint });
    this.status_.state = 'RUNNING';
    this.loop = this.consume(this.subscription);
  }

  async stop(): Promise<void> {
    if (this.status_.state === 'RUNNING') this.status_.state = 'STOPPED';
    await this.subscription?.close();
    await this.loop;
    await this.flush();
  }

  private async consume(subscription: Subscription): Promise<void> {
    for await (const event of subscription) {
      if (this.status_.state !== 'RUNNING') break;
      this.pending.push(event);
      if (this.pending.length >= this.options.batchSize) await this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs);
    }
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.committing = this.committing.then(() => this.commit(batch));
    return this.committing;
  }

  private async commit(batch: StoredEvent[]): Promise<void> {
    if (this.status_.state === 'FAILED') return;
    const changes: Change[] = [];
    let last: StoredEvent | undefined;
    let failure: { event: StoredEvent; error: unknown } | undefined;
    for (const event of batch) {
      try {
        changes.push(...this.projection.project(event));
        last = event;
      } catch (error) {
        failure = { event, error };
        break;
      }
    }
    try {
      if (last) await this.reads.commit(this.projection.name, changes, last.position);
    } catch (error) {
      failure = { event: batch[0], error };
      last = undefined;
    }
    if (last) {
      this.status_.checkpoint = last.position;
      this.status_.lastRecordedAt = last.recordedAt;
    }
    if (failure) this.fail(failure.event, failure.error);
  }

  private fail(event: StoredEvent, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.status_.state = 'FAILED';
    this.status_.error = { position: event.position, type: event.type, message };
    this.logger.error(
      { projection: this.projection.name, position: event.position, stream: event.stream, type: event.type, err: error },
      'projection stopped at an event it cannot project',
    );
    void this.subscription?.close();
  }
}
