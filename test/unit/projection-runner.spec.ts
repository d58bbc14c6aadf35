import { pino } from 'pino';
import { ProjectionRunner } from '../../projections/runtime/projection-runner.js';
import type { Projection } from '../../projections/runtime/projection.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import { newEvent, sleep, streamName } from '../support/events.js';

const silent = pino({ level: 'silent' });

/** Counts amounts per stream with $inc: wrong twice over if an event were ever folded in twice. */
const totals = (failOn?: string): Projection => ({
  name: 'totals',
  collections: [{ name: 'totals' }],
  project: (event: StoredEvent) => {
    if (event.type === failOn) throw new Error('cannot project this');
    if (event.type !== 'Paid') return [];
    return [{ collection: 'totals', updateOne: { filter: { _id: event.stream }, update: { $inc: { amount: event.data.amount as number } }, upsert: true } }];
  },
});

async function until(condition: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await sleep(10);
  }
  throw new Error('condition not reached');
}

describe('projection runtime', () => {
  let events: InMemoryEventStore;
  let reads: ReadStore;
  const stream = streamName();
  const amount = async () => (await reads.findOne('totals', { _id: stream }))?.amount;

  beforeEach(() => {
    events = new InMemoryEventStore();
    reads = new EmbeddedReadStore(':memory:');
  });

  it('folds history and live events in batches and records the checkpoint with them', async () => {
    for (let i = 1; i <= 7; i++) await events.append(stream, [newEvent('Paid', { amount: i })], 'ANY');
    const runner = new ProjectionRunner(totals(), events, reads, silent, { batchSize: 3, flushMs: 5 });
    await runner.start();
    await events.append(stream, [newEvent('Paid', { amount: 100 })], 'ANY');
    await until(async () => (await amount()) === 128);
    await runner.stop();
    expect(await reads.checkpoint('totals')).toBe('8');
  });

  it('resumes from its checkpoint after a restart without folding anything twice', async () => {
    for (let i = 1; i <= 4; i++) await events.append(stream, [newEvent('Paid', { amount: 10 })], 'ANY');
    const first = new ProjectionRunner(totals(), events, reads, silent);
    await first.start();
    await until(async () => (await amount()) === 40);
    await first.stop();
    await events.append(stream, [newEvent('Paid', { amount: 1 })], 'ANY');
    const second = new ProjectionRunner(totals(), events, reads, silent);
    await second.start();
    await until(async () => (await amount()) === 41);
    await sleep(30);
    await second.stop();
    expect(await amount()).toBe(41);
  });

  it('stops at an event it cannot project, reports it, and keeps what came before', async () => {
    await events.append(stream, [newEvent('Paid', { amount: 5 }), newEvent('Broken'), newEvent('Paid', { amount: 7 })], 'ANY');
    const runner = new ProjectionRunner(totals('Broken'), events, reads, silent);
    await runner.start();
    await until(() => runner.status().state === 'FAILED');
    expect(runner.status().error).toEqual({ position: '2', type: 'Broken', message: 'cannot project this' });
    expect(await amount()).toBe(5);
    expect(await reads.checkpoint('totals')).toBe('1');
    await runner.stop();

    const fixed = new ProjectionRunner(totals(), events, reads, silent);
    await fixed.start();
    await until(async () => (await amount()) === 12);
    await fixed.stop();
  });
});
