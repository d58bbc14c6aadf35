import { PROJECTIONS } from '../../projections/projections.js';
import { HealthService } from '../../src/health/health.service.js';
import { ComponentStatus } from '../../src/health/health.types.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { InlineProjector } from '../../src/storage/inline-projector.js';
import { newEvent, streamName } from '../support/events.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

describe('health', () => {
  it('reports how many events and seconds each read model is behind the log', async () => {
    const events = new InMemoryEventStore(projectUpcasters);
    const reads = new EmbeddedReadStore(':memory:');
    await events.append(streamName(), [newEvent(), newEvent(), newEvent()], 'NO_STREAM');
    const [first] = await events.readAll({ limit: 1 });
    const service = new HealthService(events, reads, new InlineProjector(undefined));

    const health = await service.check(new Date(Date.parse(first.recordedAt) + 90_000));
    expect(health).toMatchObject({ eventStore: 'UP', readStore: 'UP' });
    expect(health.projections).toEqual(PROJECTIONS.map(({ name }) => (
      { name, state: undefined, checkpoint: undefined, eventsBehind: 3, lagSeconds: 90, error: undefined })));
    expect(service.isHealthy(health)).toBe(true);
  });

  it('says DOWN and unhealthy when a store does not answer', async () => {
    const events = new InMemoryEventStore(projectUpcasters);
    const reads = new EmbeddedReadStore(':memory:');
    await reads.close();
    const service = new HealthService(events, reads, new InlineProjector(undefined));
    const health = await service.check();
    expect(health).toEqual({ eventStore: ComponentStatus.UP, readStore: ComponentStatus.DOWN, projections: [] });
    expect(service.isHealthy(health)).toBe(false);
  });
});
