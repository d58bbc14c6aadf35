import { StoreUnavailableError } from '../../src/event-store/event-store.errors.js';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb.event-store.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { closedPort, silentServer } from '../support/closed-port.js';
import { newEvent, streamName } from '../support/events.js';

/** Milliseconds a promise took to reject, and what with. */
async function rejection(call: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await call();
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
  throw new Error('expected a rejection');
}

describe('the EventStoreDB adapter when the server cannot be reached', () => {
  it('fails appends and reads at once with StoreUnavailableError on a closed port', async () => {
    const store = new EventStoreDbEventStore(`esdb://127.0.0.1:${await closedPort()}?tls=false`, projectUpcasters);
    try {
      for (const call of [() => store.append(streamName(), [newEvent()], 'NO_STREAM'), () => store.readStream(streamName()), () => store.readAll({ limit: 10 }), () => store.ping()]) {
        const { ms, error } = await rejection(call);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(ms).toBeLessThan(2000);
      }
    } finally {
      await store.close();
    }
  });

  it('gives up on a host that accepts the connection but never answers, after the deadline', async () => {
    const server = await silentServer();
    const store = new EventStoreDbEventStore(`esdb://127.0.0.1:${server.port}?tls=false`, projectUpcasters, { deadlineMs: 300 });
    try {
      for (const call of [() => store.append(streamName(), [newEvent()], 'NO_STREAM'), () => store.readStream(streamName())]) {
        const { ms, error } = await rejection(call);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(ms).toBeGreaterThanOrEqual(250);
        expect(ms).toBeLessThan(1500);
      }
    } finally {
      await Promise.race([store.close(), new Promise((resolve) => setTimeout(resolve, 500))]);
      await server.close();
    }
  });
});
