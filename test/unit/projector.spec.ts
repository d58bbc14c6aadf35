import { pino } from 'pino';
import { Projector } from '../../projections/runtime/projector.js';
import type { Projection } from '../../projections/runtime/projection.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { UpcasterRegistry } from '../../src/event-store/upcasters.js';
import type { ReadAllOptions, StoredEvent } from '../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import { newEvent, sleep, streamName } from '../support/events.js';

const silent = pino({ level: 'silent' });

/** Counts amounts per stream with $inc (in `unit`s): wrong twice over if an event were ever folded in twice. */
const totals = (name = 'totals', failOn?: string, unit = 1): Projection => ({
  name,
  collections: [{ name }],
  project: (event: StoredEvent) => {
    if (event.type === failOn) throw new Error('cannot project this');
    if (event.type !== 'Paid') return [];
    return [{ collection: name, updateOne: { filter: { _id: event.stream }, update: { $inc: { amount: (event.data.amount as number) * unit } }, upsert: true } }];
  },
});

/** An event store that counts the events its readAll hands out. */
class CountingEventStore extends InMemoryEventStore {
  eventsRead = 0;
  override async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const page = await super.readAll(options);
    this.eventsRead += page.length;
    return page;
  }
}

async function until(condition: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await sleep(10);
  }
  throw new Error('condition not reached');
}

describe('projection runtime', () => {
  let events: CountingEventStore;
  let reads: ReadStore;
  const stream = streamName();
  const amount = async (collection = 'totals') => (await reads.findOne(collection, { _id: stream }))?.amount;

  beforeEach(() => {
    events = new CountingEventStore(projectUpcasters);
    reads = new EmbeddedReadStore(':memory:');
  });

  it('folds history and live events in batches and records the checkpoint with them', async () => {
    for (let i = 1; i <= 7; i++) await events.append(stream, [newEvent('Paid', { amount: i })], 'ANY');
    const projector = new Projector([totals()], events, reads, silent, { batchSize: 3, flushMs: 5 });
    await projector.start();
    await events.append(stream, [newEvent('Paid', { amount: 100 })], 'ANY');
    await until(async () => (await amount()) === 128);
    await projector.stop();
    expect(await reads.checkpoint('totals')).toBe('8');
  });

  it('drains before a stop: what was appended just before is folded in and checkpointed at the log head', async () => {
    const projector = new Projector([totals()], events, reads, silent);
    await projector.start();
    for (let i = 1; i <= 50; i++) await events.append(stream, [newEvent('Paid', { amount: 1 })], 'ANY');
    await projector.drain();
    await projector.stop();
    expect(await reads.checkpoint('totals')).toBe((await events.head())?.position);
    expect(await amount()).toBe(50);
  });

  it('resumes from its checkpoint after a restart without folding anything twice', async () => {
    for (let i = 1; i <= 4; i++) await events.append(stream, [newEvent('Paid', { amount: 10 })], 'ANY');
    const first = new Projector([totals()], events, reads, silent);
    await first.start();
    await until(async () => (await amount()) === 40);
    await first.stop();
    await events.append(stream, [newEvent('Paid', { amount: 1 })], 'ANY');
    const second = new Projector([totals()], events, reads, silent);
    await second.start();
    await until(async () => (await amount()) === 41);
    await sleep(30);
    await second.stop();
    expect(await amount()).toBe(41);
  });

  it('starts a read model of a new version over from the log, dropping what the old version made', async () => {
    for (let i = 1; i <= 5; i++) await events.append(stream, [newEvent('Paid', { amount: i })], 'ANY');
    const old = new Projector([totals()], events, reads, silent, { batchSize: 2, flushMs: 5 });
    await old.start();
    await old.drain();
    await old.stop();
    await reads.commit('totals', [{ collection: 'totals', insertOne: { document: { _id: 'made by version 1 only' } } }], '5');
    // version 2 counts in cents: the same events make other documents
    const inCents: Projection = { ...totals('totals', undefined, 100), version: 2 };
    const renewed = new Projector([inCents], events, reads, silent, { batchSize: 2, flushMs: 5 });
    await renewed.start();
    await renewed.drain();
    await renewed.stop();
    expect(await reads.find('totals')).toEqual([{ _id: stream, amount: 1500 }]);
    expect(await reads.checkpoint('totals@2')).toBe('5');
    // the version it is at now is the one it resumes from: nothing dropped, nothing folded twice
    await events.append(stream, [newEvent('Paid', { amount: 1 })], 'ANY');
    const again = new Projector([inCents], events, reads, silent, { batchSize: 2, flushMs: 5 });
    await again.start();
    await again.drain();
    await again.stop();
    expect(await reads.find('totals')).toEqual([{ _id: stream, amount: 1600 }]);
  });

  it('reads the log once for read models at different checkpoints: each takes only what it lacks', async () => {
    for (let i = 1; i <= 6; i++) await events.append(stream, [newEvent('Paid', { amount: 1 })], 'ANY');
    const ahead = new Projector([totals('ahead')], events, reads, silent);
    await ahead.start();
    await until(async () => (await amount('ahead')) === 6);
    await ahead.stop();
    for (let i = 1; i <= 4; i++) await events.append(stream, [newEvent('Paid', { amount: 10 })], 'ANY');
    events.eventsRead = 0;

    const both = new Projector([totals('ahead'), totals('behind')], events, reads, silent);
    await both.start();
    await until(async () => (await amount('ahead')) === 46 && (await amount('behind')) === 46);
    await sleep(30);
    await both.stop();
    expect([await amount('ahead'), await amount('behind')]).toEqual([46, 46]);
    expect(events.eventsRead).toBe(10);
  });

  it('stops a read model at an event it cannot project, reports it, keeps what came before, and the others go on', async () => {
    await events.append(stream, [newEvent('Paid', { amount: 5 }), newEvent('Broken'), newEvent('Paid', { amount: 7 })], 'ANY');
    const projector = new Projector([totals('totals', 'Broken'), totals('other')], events, reads, silent);
    await projector.start();
    await until(async () => projector.status()[0].state === 'FAILED' && (await amount('other')) === 12);
    expect(projector.status()[0].error).toEqual({ position: '2', type: 'Broken', message: 'cannot project this' });
    expect(await amount()).toBe(5);
    expect(await reads.checkpoint('totals')).toBe('1');
    await projector.stop();

    const fixed = new Projector([totals()], events, reads, silent);
    await fixed.start();
    await until(async () => (await amount()) === 12);
    await fixed.stop();
  });

  it('stops every read model at an event stored at a schema version newer than the code knows, with what came before committed, instead of folding it', async () => {
    const paidAtVersion1 = new CountingEventStore(new UpcasterRegistry({ Paid: 1 }, []));
    await paidAtVersion1.append(stream, [newEvent('Paid', { amount: 5 })], 'ANY');
    const projector = new Projector([totals(), totals('other')], paidAtVersion1, reads, silent);
    await projector.start();
    await until(async () => (await amount('other')) === 5);
    await paidAtVersion1.append(stream, [newEvent('Paid', { amount: 700 }, 2), newEvent('Paid', { amount: 7 })], 'ANY');
    await until(() => projector.status().every((status) => status.state === 'FAILED'));
    const refusal = `Paid at ${stream} revision 1 is stored at schema version 2, and this release reads Paid up to version 1: run the release that wrote it`;
    expect(projector.status().map((status) => status.error)).toEqual([{ position: '2', type: 'Paid', message: refusal }, { position: '2', type: 'Paid', message: refusal }]);
    expect([await amount(), await amount('other')]).toEqual([5, 5]);
    expect(await reads.checkpoint('totals')).toBe('1');
    await projector.stop();
  });
});
