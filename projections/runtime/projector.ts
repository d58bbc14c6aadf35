import type { Logger } from 'pino';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.port.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import type { Projection } from './projection.js';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner.js';

/** Runs every read model's projection side by side, each from its own checkpoint. */
export class Projector {
  private readonly runners: ProjectionRunner[];

  constructor(projections: Projection[], events: EventStore, reads: ReadStore, logger: Logger) {
    this.runners = projections.map((projection) => new ProjectionRunner(projection, events, reads, logger));
  }

  async start(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  onCommitted(projection: string, listener: (events: StoredEvent[]) => void): void {
    this.runners.find((runner) => runner.status().name === projection)?.onCommitted(listener);
  }

  status(): ProjectionStatus[] {
    return this.runners.map((runner) => runner.status());
  }
}
