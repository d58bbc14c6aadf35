import type { Logger } from 'pino';
import type { Position, StoredEvent } from '../../src/event-store/event-store.port.js';
import type { UnreadableEventError } from '../../src/event-store/event-store.errors.js';
import { CheckpointMovedError } from '../../src/read-store/read-store.errors.js';
import type { Change, ReadStore } from '../../src/read-store/read-store.port.js';
import { checkpointKey, type Projection } from './projection.js';

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

export const LIVE: RunnerOptions = { batchSize: 2000, flushMs: 20 };

/**
 * Folds the events the projector offers into one read model: in batches, each batch's changes and
 * the checkpoint committed together; an event at or before what it has already taken is skipped, so
 * a redelivered event changes nothing. An event that cannot be projected stops the projection where
 * it is: it is reported, never skipped.
 */
export class ProjectionRunner {
  private status_: ProjectionStatus;
  /** The last event taken in, committed or pending: where the log must be followed from for this read model. */
  private taken?: Position;
  private pending: StoredEvent[] = [];
  private timer?: NodeJS.Timeout;
  private committing = Promise.resolve();
  private generation = 0;
  private readonly listeners: Array<(events: StoredEvent[]) => void> = [];
  private readonly types?: ReadonlySet<string>;
  /** Where its checkpoint is kept in the read store. */
  private readonly key: string;

  constructor(
    private readonly projection: Projection,
    private readonly reads: ReadStore,
    private readonly compare: (a: Position, b: Position) => number,
    /** Called when a rebuild moved the checkpoint: the log must be followed again from `position`. */
    private readonly rewind: (position: Position | undefined) => void,
    private readonly logger: Logger,
    private readonly options: RunnerOptions,
  ) {
    this.status_ = { name: projection.name, state: 'STARTING' };
    this.key = checkpointKey(projection);
    if (projection.eventTypes) this.types = new Set(projection.eventTypes);
  }

  get name(): string {
    return this.projection.name;
  }

  /** The position after which this read model needs the log; undefined: from the start. */
  get position(): Position | undefined {
    return this.taken;
  }

  /** The event types its read model folds; undefined: every one. */
  get eventTypes(): ReadonlySet<string> | undefined {
    return this.types;
  }

  get running(): boolean {
    return this.status_.state === 'RUNNING';
  }

  /** Called after each commit with the events it folded in (live notifications). */
  onCommitted(listener: (events: StoredEvent[]) => void): void {
    this.listeners.push(listener);
  }

  status(): ProjectionStatus {
    return { ...this.status_ };
  }

  /**
   * Takes up the read model from its checkpoint. Without one, whatever its collections hold (another
   * version's documents) is dropped first: a read model is folded from the start into empty collections.
   */
  async start(): Promise<void> {
    await this.reads.defineCollections(this.projection.collections);
    this.status_.checkpoint = this.taken = await this.reads.checkpoint(this.key);
    if (this.taken === undefined) await this.reads.reset(this.key, this.projection.collections.map(({ name }) => name));
    this.status_.state = 'RUNNING';
  }

  /** Takes one event of the log; returns a promise when the caller should wait for a commit. */
  offer(event: StoredEvent): Promise<void> | undefined {
    if (!this.running || (this.taken !== undefined && this.compare(event.position, this.taken) <= 0)) return undefined;
    this.taken = event.position;
    this.pending.push(event);
    if (this.pending.length >= this.options.batchSize) return this.flush();
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs);
    return undefined;
  }

  /** The log cannot be read at an event (stored by a newer release): what came before is committed, then the read model stops there. */
  async unreadable(error: UnreadableEventError): Promise<void> {
    if (!this.running) return;
    await this.flush();
    if (this.running) this.fail({ ...error.where, type: error.type }, error);
  }

  async stop(): Promise<void> {
    await this.flush();
    if (this.running) this.status_.state = 'STOPPED';
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    const generation = this.generation;
    if (batch.length > 0) this.committing = this.committing.then(() => (generation === this.generation ? this.commit(batch) : undefined));
    return this.committing;
  }

  private async commit(batch: StoredEvent[]): Promise<void> {
    if (!this.running) return;
    const changes: Change[] = [];
    let last: StoredEvent | undefined;
    let failure: { event: StoredEvent; error: unknown } | undefined;
    for (const event of batch) {
      try {
        if (!this.types || this.types.has(event.type)) for (const change of this.projection.project(event)) changes.push(change);
        last = event;
      } catch (error) {
        failure = { event, error };
        break;
      }
    }
    try {
      if (last) await this.reads.commit(this.key, changes, last.position, this.status_.checkpoint ?? null);
    } catch (error) {
      if (error instanceof CheckpointMovedError) return this.resumeFromStoredCheckpoint();
      failure = { event: batch[0], error };
      last = undefined;
    }
    if (last) {
      this.status_.checkpoint = last.position;
      this.status_.lastRecordedAt = last.recordedAt;
      if (this.listeners.length > 0) {
        const committed = last === batch[batch.length - 1] ? batch : batch.slice(0, batch.indexOf(last) + 1);
        for (const listener of this.listeners) listener(committed);
      }
    }
    if (failure) this.fail(failure.event, failure.error);
  }

  /** A rebuild swapped the read model in underneath: what is pending is void, the log is followed from its checkpoint. */
  private async resumeFromStoredCheckpoint(): Promise<void> {
    this.generation += 1;
    this.pending = [];
    this.status_.checkpoint = this.taken = await this.reads.checkpoint(this.key);
    this.logger.info({ projection: this.projection.name, checkpoint: this.taken }, 'read model was rebuilt: resuming from its checkpoint');
    this.rewind(this.taken);
  }

  private fail(event: Pick<StoredEvent, 'position' | 'stream' | 'type'>, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.status_.state = 'FAILED';
    this.status_.error = { position: event.position, type: event.type, message };
    this.logger.error(
      { projection: this.projection.name, position: event.position, stream: event.stream, type: event.type, err: error },
      'projection stopped at an event it cannot project',
    );
  }
}
