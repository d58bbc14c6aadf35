import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Projector } from '../../projections/runtime/projector.js';
import type { ProjectionStatus } from '../../projections/runtime/projection-runner.js';
import type { StoredEvent } from '../event-store/event-store.port.js';

/** The projector running inside the API process (embedded read store), or nothing (production). */
export class InlineProjector implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly projector: Projector | undefined) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector?.start();
  }

  /** Runs once the API took its last request: folds in what the last commands appended, commits, stops. */
  async onModuleDestroy(): Promise<void> {
    await this.projector?.drain();
    await this.projector?.stop();
  }

  /** Live notifications, when the projections run in this process. */
  onCommitted(projection: string, listener: (events: StoredEvent[]) => void): void {
    this.projector?.onCommitted(projection, listener);
  }

  status(): ProjectionStatus[] | undefined {
    return this.projector?.status();
  }
}
