import type { Logger } from 'pino';
import type { EventStore, Position, StoredEvent, Subscription } from '../../src/event-store/event-store.port.js';
import { CheckpointMovedError } from '../../src/read-store/read-store.errors.js';
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
  private generation = 0;
  private readonly listeners: Array<(events: StoredEvent[]) => void> = [];

  constructor(
    private readonly projection: Projection,
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly logger: Logger,
    private readonly options: RunnerOptions = { batchSize: 500, flushMs: 20 },
  ) {
    this.status_ = { name: projection.name, state: 'STARTING' };
  }

  /** Called after each commit with the events it folded in (live notifications). */
  onCommitted(listener: (events: StoredEvent[]) => void): void {
    this.listeners.push(listener);
  }

  status(): ProjectionStatus {
    return { ...this.status_ };
  }

  async start(): Promise<void> {
    await this.reads.defineCollections(this.projection.collections);
    this.status_.state = 'RUNNING';
    await this.subscribeFromStoredCheckpoint();
  }

  /** (Re)reads the stored checkpoint and follows the log from there; older batches are discarded. */
  private async subscribeFromStoredCheckpoint(): Promise<void> {
    const previous = this.subscription;
    this.generation += 1;
    this.pending = [];
    this.status_.checkpoint = await this.reads.checkpoint(this.projection.name);
    this.subscription = this.events.subscribe({ after: this.status_.checkpoint });
    this.loop = this.consume(this.subscription, this.generation);
    void previous?.close();
  }

  async stop(): Promise<void> {
    if (this.status_.state === 'RUNNING') this.status_.state = 'STOPPED';
    await this.subscription?.close();
    await this.loop;
    await this.flush();
  }

  private async consume(subscription: Subscription, generation: number): Promise<void> {
    for await (const event of subscription) {
      if (this.status_.state !== 'RUNNING' || generation !== this.generation) break;
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
    const generation = this.generation;
    if (batch.length > 0) this.committing = this.committing.then(() => (generation === this.generation ? this.commit(batch) : undefined));
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
      if (last) await this.reads.commit(this.projection.name, changes, last.position, this.status_.checkpoint ?? null);
    } catch (error) {
      if (error instanceof CheckpointMovedError) {
        this.logger.info({ projection: this.projection.name, checkpoint: error.actual }, 'read model was rebuilt: resuming from its checkpoint');
        return this.subscribeFromStoredCheckpoint();
      }
      failure = { event: batch[0], error };
      last = undefined;
    }
    if (last) {
      this.status_.checkpoint = last.position;
      this.status_.lastRecordedAt = last.recordedAt;
      const committed = batch.slice(0, batch.indexOf(last) + 1);
      for (const listener of this.listeners) listener(committed);
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
