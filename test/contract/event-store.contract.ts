import { ConcurrencyError } from '../../src/event-store/event-store.errors.js';
import type { EventStore, StoredEvent, Subscription } from '../../src/event-store/event-store.port.js';
import { UpcasterRegistry } from '../../src/event-store/upcasters.js';
import { newEvent, sleep, streamName } from '../support/events.js';

export type EventStoreFactory = (upcasters: UpcasterRegistry) => Promise<EventStore>;

async function take(subscription: Subscription, count: number): Promise<StoredEvent[]> {
  const received: StoredEvent[] = [];
  for await (const page of subscription) {
    expect(page.length).toBeGreaterThan(0);
    received.push(...page);
    if (received.length >= count) break;
  }
  return received.slice(0, count);
}

/** The behaviour every EventStore adapter must show; runs against each adapter. */
export function eventStoreContract(open: EventStoreFactory): void {
  let store: EventStore;
  const upcasters = new UpcasterRegistry({ AmountEstimated: 2 }, [
    { type: 'AmountEstimated', fromVersion: 1, upcast: (data) => ({ amount: { fen: data.amountYuan as number * 100, currency: 'CNY' } }) },
  ]);

  beforeEach(async () => {
    store = await open(upcasters);
  });
  afterEach(async () => {
    await store.close();
  });

  it('appends to a new stream and reads the events back with revision, position, metadata and recordedAt', async () => {
    const stream = streamName();
    const events = [newEvent('LeadRegistered', { customer: '苏州精工' }), newEvent('LeadQualified')];
    const result = await store.append(stream, events, 'NO_STREAM');
    expect(result.nextRevision).toBe(1);
    const read = await store.readStream(stream);
    expect(read.map((e) => [e.id, e.type, e.revision, e.stream])).toEqual([
      [events[0].id, 'LeadRegistered', 0, stream],
      [events[1].id, 'LeadQualified', 1, stream],
    ]);
    expect(read[0].data).toEqual({ customer: '苏州精工' });
    expect(read[0].metadata).toEqual(events[0].metadata);
    expect(new Date(read[0].recordedAt).toISOString()).toBe(read[0].recordedAt);
    expect(read[1].position).toBe(result.position);
  });

  it('reads an absent stream as empty', async () => {
    expect(await store.readStream(streamName())).toEqual([]);
  });

  it('refuses an append whose expected revision does not match, and appends nothing', async () => {
    const stream = streamName();
    await store.append(stream, [newEvent()], 'NO_STREAM');
    await expect(store.append(stream, [newEvent()], 'NO_STREAM')).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(stream, [newEvent()], 5)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(streamName(), [newEvent()], 'STREAM_EXISTS')).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(stream)).toHaveLength(1);
    await store.append(stream, [newEvent()], 'STREAM_EXISTS');
    await store.append(stream, [newEvent()], 'ANY');
    await store.append(stream, [newEvent()], 2);
    expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
  });

  it('lets exactly one of N concurrent appends with the same expected revision win', async () => {
    const stream = streamName();
    await store.append(stream, [newEvent()], 'NO_STREAM');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 16 }, () => store.append(stream, [newEvent(), newEvent()], 0)),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(15);
    for (const { reason } of lost) expect(reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('treats a repeated append of the same event ids as already done', async () => {
    const stream = streamName();
    await store.append(stream, [newEvent()], 'NO_STREAM');
    const events = [newEvent(), newEvent()];
    const first = await store.append(stream, events, 0);
    const again = await store.append(stream, events, 0);
    expect(again).toEqual(first);
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('keeps one global order across streams, readable in pages after a position', async () => {
    const start = (await store.head())?.position;
    const [a, b] = [streamName(), streamName()];
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const event = newEvent('Step', { i });
      order.push(event.id);
      await store.append(i % 2 ? b : a, [event], 'ANY');
    }
    const firstPage = await store.readAll({ after: start, limit: 4 });
    const secondPage = await store.readAll({ after: firstPage[3].position, limit: 100 });
    const ids = [...firstPage, ...secondPage].filter((e) => e.stream === a || e.stream === b).map((e) => e.id);
    expect(ids).toEqual(order);
    expect(firstPage).toHaveLength(4);
    expect((await store.head())?.position).toBe(secondPage.at(-1)?.position);
  });

  it('orders positions as the log orders its events, past the tenth event too', async () => {
    const start = (await store.head())?.position;
    const stream = streamName();
    for (let i = 0; i < 12; i++) await store.append(stream, [newEvent('Step', { i })], 'ANY');
    const positions = (await store.readAll({ after: start, limit: 100 })).map((event) => event.position);
    const reversed = [...positions].reverse();
    expect(reversed.sort((a, b) => store.comparePositions(a, b))).toEqual(positions);
    expect(store.comparePositions(positions[9], positions[9])).toBe(0);
    expect(store.comparePositions(positions[8], positions[9])).toBeLessThan(0);
    expect(store.comparePositions(positions[11], positions[1])).toBeGreaterThan(0);
  });

  it('delivers history then live events to a subscription, with no gap and no duplicate', async () => {
    const start = (await store.head())?.position;
    const stream = streamName();
    for (let i = 0; i < 5; i++) await store.append(stream, [newEvent('Step', { i })], 'ANY');
    const subscription = store.subscribe({ after: start });
    const received = take(subscription, 10);
    await sleep(20);
    for (let i = 5; i < 10; i++) await store.append(stream, [newEvent('Step', { i })], 'ANY');
    const events = await received;
    await subscription.close();
    expect(events.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const resumed = store.subscribe({ after: events[6].position });
    expect((await take(resumed, 3)).map((e) => e.data.i)).toEqual([7, 8, 9]);
    await resumed.close();
  });

  it('delivers to a subscription for some types every event of them, in order, and the last event it reached', async () => {
    const start = (await store.head())?.position;
    const stream = streamName();
    // more than a page of the log, ending on a type nobody asked for
    const written = Array.from({ length: 701 }, (_, i) => newEvent(i % 3 === 0 ? 'Wanted' : 'Other', { i }));
    await store.append(stream, written, 'NO_STREAM');
    const head = (await store.head())!.position;
    const subscription = store.subscribe({ after: start, types: ['Wanted'] });
    const received: StoredEvent[] = [];
    for await (const page of subscription) {
      received.push(...page);
      if (page.at(-1)!.position === head) break;
    }
    await subscription.close();
    const wanted = written.filter((event) => event.type === 'Wanted').map((event) => event.data.i);
    expect(received.filter((event) => event.type === 'Wanted').map((event) => event.data.i)).toEqual(wanted);
    expect(received.at(-1)).toMatchObject({ type: 'Other', data: { i: 700 } });
    const positions = received.map((event) => event.position);
    expect([...positions].sort((a, b) => store.comparePositions(a, b))).toEqual(positions);
  });

  it('ends the iteration of a closed subscription', async () => {
    const subscription = store.subscribe({ after: (await store.head())?.position });
    const drained = take(subscription, 1);
    await sleep(10);
    await subscription.close();
    expect(await drained).toEqual([]);
  });

  it('reads a stream up to an instant and between revisions', async () => {
    const stream = streamName();
    await store.append(stream, [newEvent('A'), newEvent('B')], 'NO_STREAM');
    await sleep(15);
    const instant = new Date();
    await sleep(15);
    await store.append(stream, [newEvent('C')], 1);
    expect((await store.readStream(stream, { until: instant })).map((e) => e.type)).toEqual(['A', 'B']);
    expect((await store.readStream(stream, { fromRevision: 1, toRevision: 1 })).map((e) => e.type)).toEqual(['B']);
    expect((await store.readStream(stream, { fromRevision: 1 })).map((e) => e.type)).toEqual(['B', 'C']);
  });

  it('upcasts an old schema version on read', async () => {
    const stream = streamName();
    await store.append(stream, [newEvent('AmountEstimated', { amountYuan: 1200 }, 1)], 'NO_STREAM');
    const [event] = await store.readStream(stream);
    expect(event.data).toEqual({ amount: { fen: 120000, currency: 'CNY' } });
    expect(event.metadata.schemaVersion).toBe(2);
  });

  it('reads a stream as stored, without upcasting, when asked to', async () => {
    const stream = streamName();
    await store.append(stream, [newEvent('AmountEstimated', { amountYuan: 1200 }, 1)], 'NO_STREAM');
    const [event] = await store.readStream(stream, { asStored: true });
    expect(event.data).toEqual({ amountYuan: 1200 });
    expect(event.metadata.schemaVersion).toBe(1);
  });

  it('refuses an event stored at a schema version newer than its upcasters know, on every read, and reads it as stored when asked', async () => {
    const stream = streamName();
    await store.append(stream, [newEvent('AmountEstimated', { amountYuan: 1200 }, 1), newEvent('AmountEstimated', { amount: { fen: 1 } }, 3)], 'NO_STREAM');
    const refusal = `AmountEstimated at ${stream} revision 1 is stored at schema version 3, and this release reads AmountEstimated up to version 2: run the release that wrote it`;
    await expect(store.readStream(stream)).rejects.toThrow(refusal);
    await expect(store.readAll({ limit: 1_000_000 })).rejects.toThrow(refusal);
    const subscription = store.subscribe();
    await expect(take(subscription, 1_000_000)).rejects.toThrow(refusal);
    await subscription.close();
    expect((await store.readStream(stream, { asStored: true })).map((event) => event.metadata.schemaVersion)).toEqual([1, 3]);
  });
}
