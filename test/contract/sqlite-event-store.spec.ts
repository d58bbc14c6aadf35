import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError } from '../../src/event-store/event-store.errors.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { UpcasterRegistry } from '../../src/event-store/upcasters.js';
import { newEvent, streamName } from '../support/events.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

describe('SqliteEventStore on its file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'psm-sqlite-'));
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is durable by configuration: WAL journal and synchronous=FULL', async () => {
    const store = new SqliteEventStore(file, projectUpcasters);
    await store.append(streamName(), [newEvent()], 'NO_STREAM');
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const store2 = new SqliteEventStore(file, projectUpcasters);
    expect((store2 as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
    await store2.close();
  });

  it('skips, for a subscription of some types, every other event but the last one it reached', async () => {
    const store = new SqliteEventStore(file, projectUpcasters);
    await store.append(streamName(), ['A', 'B', 'B', 'A', 'B', 'B'].map((type) => newEvent(type)), 'NO_STREAM');
    const subscription = store.subscribe({ types: ['A'] });
    const received: string[] = [];
    for await (const page of subscription) {
      received.push(...page.map((event) => `${event.type}${event.position}`));
      if (page.at(-1)!.position === '6') break;
    }
    await subscription.close();
    await store.close();
    expect(received).toEqual(['A1', 'A4', 'B6']);
  });

  it('finds everything again after a restart from its file, and continues the positions', async () => {
    const stream = streamName();
    const store = new SqliteEventStore(file, projectUpcasters);
    await store.append(stream, [newEvent('A'), newEvent('B')], 'NO_STREAM');
    await store.close();

    const reopened = new SqliteEventStore(file, projectUpcasters);
    expect((await reopened.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
    const result = await reopened.append(stream, [newEvent('C')], 1);
    expect(result).toEqual({ nextRevision: 2, position: '3' });
    await reopened.close();
  });

  it('commits appends arriving together in one transaction, each checked on its own', async () => {
    const store = new SqliteEventStore(file, projectUpcasters);
    const stream = streamName();
    const others = Array.from({ length: 20 }, () => streamName());
    const outcomes = await Promise.allSettled([
      store.append(stream, [newEvent()], 'NO_STREAM'),
      store.append(stream, [newEvent()], 'NO_STREAM'),
      ...others.map((s) => store.append(s, [newEvent()], 'NO_STREAM')),
    ]);
    await store.close();
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(21);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);

    const db = new Database(file, { readonly: true });
    const recordedAts = db.prepare('SELECT DISTINCT recorded_at FROM events').pluck().all();
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(21);
    db.close();
    // one transaction stamps one commit time on all of its events
    expect(recordedAts).toHaveLength(1);
  });

  it('keeps the stored event as written when it is upcast on read', async () => {
    const upcasters = new UpcasterRegistry({ Renamed: 2 }, [{ type: 'Renamed', fromVersion: 1, upcast: (d) => ({ name: d.title }) }]);
    const store = new SqliteEventStore(file, upcasters);
    const stream = streamName();
    await store.append(stream, [newEvent('Renamed', { title: 'x' })], 'NO_STREAM');
    expect((await store.readStream(stream))[0].data).toEqual({ name: 'x' });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT data FROM events').pluck().get()).toBe('{"title":"x"}');
    db.close();
  });
});
