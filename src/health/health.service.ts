import { Inject, Injectable } from '@nestjs/common';
import { PROJECTIONS } from '../../projections/projections.js';
import { checkpointKey } from '../../projections/runtime/projection.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { READ_STORE, type ReadStore } from '../read-store/read-store.port.js';
import { InlineProjector } from '../storage/inline-projector.js';
import { ComponentStatus, type Health, type ProjectionHealth } from './health.types.js';

const COUNT_CAP = 10_000;

const statusOf = (probe: Promise<void>) =>
  probe.then(() => ComponentStatus.UP).catch(() => ComponentStatus.DOWN);

@Injectable()
export class HealthService {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly inline: InlineProjector,
  ) {}

  async check(now = new Date()): Promise<Health> {
    const [eventStore, readStore] = await Promise.all([statusOf(this.events.ping()), statusOf(this.reads.ping())]);
    const projections =
      eventStore === ComponentStatus.UP && readStore === ComponentStatus.UP ? await this.projections(now) : [];
    return { eventStore, readStore, projections };
  }

  isHealthy(health: Health): boolean {
    return (
      health.eventStore === ComponentStatus.UP &&
      health.readStore === ComponentStatus.UP &&
      health.projections.every((projection) => projection.state !== 'FAILED')
    );
  }

  /** Lag is read from the stored checkpoints, so the API reports it whichever process projects. */
  private async projections(now: Date): Promise<ProjectionHealth[]> {
    const running = new Map(this.inline.status()?.map((status) => [status.name, status]));
    return Promise.all(
      PROJECTIONS.map(async (projection) => {
        const { name } = projection;
        const checkpoint = await this.reads.checkpoint(checkpointKey(projection));
        const behind = await this.events.readAll({ after: checkpoint, limit: COUNT_CAP });
        const status = running.get(name);
        const error = status?.error;
        return {
          name,
          state: status?.state,
          checkpoint,
          eventsBehind: behind.length,
          lagSeconds: behind.length ? Math.max(0, (now.getTime() - Date.parse(behind[0].recordedAt)) / 1000) : 0,
          error: error && `${error.message} (event ${error.type} at position ${error.position})`,
        };
      }),
    );
  }
}
