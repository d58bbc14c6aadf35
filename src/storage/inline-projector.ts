import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Projector } from '../../projections/runtime/projector.js';
import type { ProjectionStatus } from '../../projections/runtime/projection-runner.js';

/** The projector running inside the API process (embedded read store), or nothing (production). */
export class InlineProjector implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly projector: Projector | undefined) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector?.stop();
  }

  status(): ProjectionStatus[] | undefined {
    return this.projector?.status();
  }
}
