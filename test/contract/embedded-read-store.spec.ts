import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedReadStore, type SetAside } from '../../src/read-store/embedded/embedded.read-store.js';
import { quickCheckInWorker } from '../../src/read-store/embedded/quick-check.js';
import { UniqueIndexError } from '../../src/read-store/read-store.errors.js';
import type { CollectionDefinition } from '../../src/read-store/read-store.port.js';

/** Large collections kept in the file from their first document. */
const ON_DISK = { largeInMemory: 0 };
const CARDS: CollectionDefinition = { name: 'cards', indexes: [{ name: 'by_code', key: { code: 1 }, unique: true }] };

// every test on a file of its own
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'psm-read-'));
  file = join(dir, 'read.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('EmbeddedReadStore on its file', () => {
  it('resumes after a restart with its documents and checkpoints, without replaying the log', async () => {
    const store = new EmbeddedReadStore(file);
    await store.defineCollections([CARDS]);
    await store.commit('board', [
      { collection: 'cards', insertOne: { document: { _id: 'a', code: 'A', stage: 'PSM030' } } },
      { collection: 'cards', insertOne: { document: { _id: 'b', code: 'B' } } },
    ], '41');
    await store.commit('board', [{ collection: 'cards', deleteOne: { filter: { _id: 'b' } } }], '42');
    await store.close();

    const reopened = new EmbeddedReadStore(file);
    await reopened.defineCollections([CARDS]);
    expect(await reopened.checkpoint('board')).toBe('42');
    expect(await reopened.find('cards')).toEqual([{ _id: 'a', code: 'A', stage: 'PSM030' }]);
    await expect(
      reopened.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'c', code: 'A' } } }], '43'),
    ).rejects.toBeInstanceOf(UniqueIndexError);
    await reopened.close();
  });

  it('hands out copies: changing a returned document changes nothing stored', async () => {
    const store = new EmbeddedReadStore(':memory:');
    await store.defineCollections([CARDS]);
    await store.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'a', code: 'A', tags: ['x'] } } }], '1');
    const [card] = await store.find('cards');
    (card.tags as string[]).push('y');
    expect(await store.findOne('cards', { _id: 'a' })).toEqual({ _id: 'a', code: 'A', tags: ['x'] });
    await store.close();
  });
});

describe('EmbeddedReadStore beside a rebuild writing shadow collections into its file', () => {
  it('the rebuild loads only its collections, and a swap takes the rebuilt collection from the file', async () => {
    const service = new EmbeddedReadStore(file, { writeBehindMs: 0 });
    await service.defineCollections([CARDS]);
    await service.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'old', code: 'A' } } }], '1');
    await service.reset('board__rebuild', ['cards__rebuild']);
    const rebuilding = new EmbeddedReadStore(file, { only: ['cards__rebuild'] });
    expect(await rebuilding.find('cards')).toEqual([]);
    await rebuilding.defineCollections([{ ...CARDS, name: 'cards__rebuild' }]);
    await rebuilding.commit('board__rebuild', [{ collection: 'cards__rebuild', insertOne: { document: { _id: 'new', code: 'A' } } }], '5');
    // the service keeps writing meanwhile
    await service.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'newer', code: 'B' } } }], '2');
    await rebuilding.close();
    await service.swap('board', [{ from: 'cards__rebuild', to: 'cards' }], '5', 'board__rebuild');
    expect(await service.find('cards', { code: 'A' })).toEqual([{ _id: 'new', code: 'A' }]);
    expect(await service.find('cards')).toEqual([{ _id: 'new', code: 'A' }]);
    expect(await service.checkpoint('board')).toBe('5');
    await service.close();
  });

  it('the rebuild writes its shadows once, at close, the checkpoint with them', async () => {
    const service = new EmbeddedReadStore(file, { writeBehindMs: 0 });
    await service.defineCollections([CARDS]);
    await service.reset('board__rebuild', ['cards__rebuild']);
    const rebuilding = new EmbeddedReadStore(file, { only: ['cards__rebuild'] });
    await rebuilding.defineCollections([{ ...CARDS, name: 'cards__rebuild' }]);
    // more than one part of the 25,000 documents written per transaction, one changed again in a later commit
    const ids = Array.from({ length: 30_000 }, (_, i) => `c${i}`);
    await rebuilding.commit('board__rebuild', ids.map((_id) => ({ collection: 'cards__rebuild', insertOne: { document: { _id, code: _id } } })), '1');
    await rebuilding.commit('board__rebuild', [{ collection: 'cards__rebuild', updateOne: { filter: { _id: 'c0' }, update: { $set: { n: 2 } } } }], '2');
    const peek = new Database(file, { readonly: true });
    const rows = () => peek.prepare('SELECT COUNT(*) FROM documents').pluck().get();
    expect(rows()).toBe(0);
    await rebuilding.close();
    expect(rows()).toBe(30_000);
    expect(peek.prepare('SELECT position FROM checkpoints WHERE projection = ?').pluck().get('board__rebuild')).toBe('2');
    peek.close();
    await service.swap('board', [{ from: 'cards__rebuild', to: 'cards' }], '2', 'board__rebuild');
    expect(await service.findOne('cards', { _id: 'c0' })).toEqual({ _id: 'c0', code: 'c0', n: 2 });
    expect(await service.count('cards')).toBe(30_000);
    await service.close();
  });

  it('the rebuild keeps a large collection that outgrows memory in the file, writing what it holds then', async () => {
    const INTERVALS: CollectionDefinition = { name: 'intervals', large: true, indexes: [{ name: 'by_project', key: { projectId: 1 } }] };
    const service = new EmbeddedReadStore(file, { writeBehindMs: 0, largeInMemory: 2 });
    await service.defineCollections([INTERVALS, { ...INTERVALS, name: 'intervals__rebuild' }]);
    const rebuilding = new EmbeddedReadStore(file, { only: ['intervals__rebuild'], largeInMemory: 2 });
    await rebuilding.defineCollections([{ ...INTERVALS, name: 'intervals__rebuild' }]);
    const insert = (_id: string) => ({ collection: 'intervals__rebuild', insertOne: { document: { _id, projectId: 'p' } } });
    await rebuilding.commit('history__rebuild', [insert('a'), insert('b'), insert('c')], '1');
    await rebuilding.commit('history__rebuild', [insert('d'), { collection: 'intervals__rebuild', updateOne: { filter: { _id: 'a' }, update: { $set: { to: 'x' } } } }], '2');
    expect(await rebuilding.count('intervals__rebuild', { projectId: 'p' })).toBe(4);
    await rebuilding.close();
    await service.swap('history', [{ from: 'intervals__rebuild', to: 'intervals' }], '2', 'history__rebuild');
    expect(await service.find('intervals', { projectId: 'p' }, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', projectId: 'p', to: 'x' }, { _id: 'b', projectId: 'p' }, { _id: 'c', projectId: 'p' }, { _id: 'd', projectId: 'p' },
    ]);
    await service.close();
  });

  it('a swap of a collection rebuilt through this store takes its documents over, found by their lookups, and the file holds them', async () => {
    const store = new EmbeddedReadStore(file, { writeBehindMs: 0 });
    await store.defineCollections([CARDS, { ...CARDS, name: 'cards__rebuild' }]);
    await store.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'old', code: 'A' } } }], '1');
    await store.reset('board__rebuild', ['cards__rebuild']);
    await store.commit('board__rebuild', [{ collection: 'cards__rebuild', insertOne: { document: { _id: 'new', code: 'A' } } }], '5');
    await store.commit('board__rebuild', [{ collection: 'cards__rebuild', insertOne: { document: { _id: 'other', code: 'B' } } }], '6');
    await store.swap('board', [{ from: 'cards__rebuild', to: 'cards' }], '6', 'board__rebuild');
    expect(await store.find('cards', { code: 'A' })).toEqual([{ _id: 'new', code: 'A' }]);
    expect(await store.find('cards', { code: 'B' })).toEqual([{ _id: 'other', code: 'B' }]);
    expect(await store.find('cards__rebuild')).toEqual([]);
    // the live writer goes on from the swapped-in documents and lookups
    await store.commit('board', [{ collection: 'cards', updateMany: { filter: { code: 'A' }, update: { $set: { code: 'C' } } } }], '7');
    expect(await store.find('cards', { code: 'C' })).toEqual([{ _id: 'new', code: 'C' }]);
    await store.close();
    const reopened = new EmbeddedReadStore(file);
    expect(await reopened.find('cards', {}, { sort: { _id: 1 } })).toEqual([{ _id: 'new', code: 'C' }, { _id: 'other', code: 'B' }]);
    expect(await reopened.find('cards__rebuild')).toEqual([]);
    await reopened.close();
  });
});

describe('EmbeddedReadStore swapping by stored names', () => {
  it('swaps rebuilt collections in again and again without moving their rows, and finds each after a restart', async () => {
    const store = new EmbeddedReadStore(file, { writeBehindMs: 0 });
    await store.defineCollections([CARDS, { ...CARDS, name: 'cards__rebuild' }]);
    await store.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'v0', code: 'A' } } }], '1');
    for (const version of ['v1', 'v2', 'v3']) {
      await store.reset('board__rebuild', ['cards__rebuild']);
      await store.commit('board__rebuild', [{ collection: 'cards__rebuild', insertOne: { document: { _id: version, code: 'A' } } }], '9');
      await store.swap('board', [{ from: 'cards__rebuild', to: 'cards' }], '9', 'board__rebuild');
      expect(await store.find('cards')).toEqual([{ _id: version, code: 'A' }]);
    }
    await store.close();
    const reopened = new EmbeddedReadStore(file);
    expect(await reopened.find('cards', { code: 'A' })).toEqual([{ _id: 'v3', code: 'A' }]);
    expect(await reopened.find('cards__rebuild')).toEqual([]);
    await reopened.defineCollections([CARDS]);
    await reopened.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'w', code: 'B' } } }], '10');
    await reopened.close();
    const rows = new Database(file, { readonly: true });
    expect(rows.prepare('SELECT collection, id FROM documents ORDER BY id').all()).toEqual([
      { collection: 'cards__rebuild', id: 'v3' },
      { collection: 'cards__rebuild', id: 'w' },
    ]);
    rows.close();
  });
});

describe('EmbeddedReadStore with large collections', () => {
  const INTERVALS: CollectionDefinition = { name: 'intervals', large: true, indexes: [{ name: 'by_project', key: { projectId: 1, to: 1 } }] };
  const interval = (id: string, projectId: string, to: string | null) => ({ collection: 'intervals', insertOne: { document: { _id: id, projectId, to } } });

  it('keeps them in the file, found again after a restart through their indexes, and changed there', async () => {
    const store = new EmbeddedReadStore(file, ON_DISK);
    await store.defineCollections([INTERVALS, CARDS]);
    await store.commit('history', [interval('i1', 'p1', '2026-01-02'), interval('i2', 'p1', null), interval('i3', 'p2', null)], '10');
    await store.close();

    const reopened = new EmbeddedReadStore(file, ON_DISK);
    // read before the projector defines it again: the file says it is large
    expect(await reopened.find('intervals', { projectId: 'p1' }, { sort: { _id: 1 } })).toEqual([
      { _id: 'i1', projectId: 'p1', to: '2026-01-02' },
      { _id: 'i2', projectId: 'p1', to: null },
    ]);
    await reopened.defineCollections([INTERVALS]);
    // one batch: closes p1's open interval (on disk), opens another, then closes that one (staged) too
    await reopened.commit('history', [
      { collection: 'intervals', updateMany: { filter: { projectId: 'p1', to: null }, update: { $set: { to: '2026-02-01' } } } },
      interval('i4', 'p1', null),
      { collection: 'intervals', updateMany: { filter: { projectId: 'p1', to: null }, update: { $set: { to: '2026-03-01' } } } },
      { collection: 'intervals', deleteOne: { filter: { _id: 'i3' } } },
    ], '11');
    const expected = [
      { _id: 'i1', projectId: 'p1', to: '2026-01-02' },
      { _id: 'i2', projectId: 'p1', to: '2026-02-01' },
      { _id: 'i4', projectId: 'p1', to: '2026-03-01' },
    ];
    expect(await reopened.find('intervals', {}, { sort: { _id: 1 } })).toEqual(expected);
    await reopened.close();
    const again = new EmbeddedReadStore(file, ON_DISK);
    expect(await again.find('intervals', { to: { $ne: null } }, { sort: { _id: 1 } })).toEqual(expected);
    expect(await again.count('intervals', { projectId: 'p2' })).toBe(0);
    expect(await again.checkpoint('history')).toBe('11');
    await again.close();
  });

  it('holds a large collection in memory while it is small, and in the file once it outgrows memory, answering the same', async () => {
    const written = () => {
      const db = new Database(file, { readonly: true });
      const count = db.prepare("SELECT count(*) FROM documents WHERE collection = 'intervals'").pluck().get();
      db.close();
      return count;
    };
    const store = new EmbeddedReadStore(file, { largeInMemory: 3, writeBehindMs: 60_000 });
    await store.defineCollections([INTERVALS]);
    await store.commit('history', [interval('i1', 'p1', '2026-01-02'), interval('i2', 'p1', null)], '1');
    // held in memory: nothing written yet
    expect(written()).toBe(0);
    await store.commit('history', [interval('i3', 'p2', null), interval('i4', 'p2', null)], '2');
    // outgrown: written out at once, and kept in the file
    expect(written()).toBe(4);
    await store.commit('history', [{ collection: 'intervals', updateMany: { filter: { projectId: 'p1', to: null }, update: { $set: { to: '2026-02-01' } } } }], '3');
    expect(await store.find('intervals', { projectId: 'p1' }, { sort: { _id: 1 } })).toEqual([
      { _id: 'i1', projectId: 'p1', to: '2026-01-02' },
      { _id: 'i2', projectId: 'p1', to: '2026-02-01' },
    ]);
    await store.close();
    // a start loads a large collection only while it fits
    for (const largeInMemory of [3, 10]) {
      const reopened = new EmbeddedReadStore(file, { largeInMemory });
      await reopened.defineCollections([INTERVALS]);
      expect(await reopened.count('intervals', { to: null })).toBe(2);
      expect(await reopened.checkpoint('history')).toBe('3');
      await reopened.close();
    }
  });

  it('moves a collection between memory and the file with its documents when its definition changes', async () => {
    const store = new EmbeddedReadStore(file, ON_DISK);
    await store.defineCollections([{ ...INTERVALS, large: false }]);
    await store.commit('history', [interval('i1', 'p1', null)], '1');
    await store.defineCollections([INTERVALS]);
    await store.commit('history', [interval('i2', 'p1', null)], '2');
    expect(await store.count('intervals', { projectId: 'p1' })).toBe(2);
    await store.defineCollections([{ ...INTERVALS, large: false }]);
    expect(await store.find('intervals', { projectId: 'p1' }, { projection: { _id: 1 }, sort: { _id: 1 } })).toEqual([{ _id: 'i1' }, { _id: 'i2' }]);
    await store.close();
  });

  it('swaps a rebuilt large collection in', async () => {
    const store = new EmbeddedReadStore(file, ON_DISK);
    await store.defineCollections([INTERVALS, { ...INTERVALS, name: 'intervals__rebuild' }]);
    await store.commit('history', [interval('old', 'p1', null)], '1');
    await store.commit('history__rebuild', [{ ...interval('new', 'p1', null), collection: 'intervals__rebuild' }], '5');
    await store.swap('history', [{ from: 'intervals__rebuild', to: 'intervals' }], '5', 'history__rebuild');
    expect(await store.find('intervals', { projectId: 'p1' })).toEqual([{ _id: 'new', projectId: 'p1', to: null }]);
    expect(await store.find('intervals__rebuild')).toEqual([]);
    await store.close();
  });
});

describe('opening a read-model file with its quick_check on a worker thread', () => {
  async function written(): Promise<void> {
    const store = new EmbeddedReadStore(file, ON_DISK);
    await store.defineCollections([CARDS, { name: 'history', large: true, indexes: [{ name: 'by_project', key: { projectId: 1 } }] }]);
    await store.commit('board', [{ collection: 'cards', insertOne: { document: { _id: 'a', code: 'A' } } }], '1');
    await store.commit('history', Array.from({ length: 2000 }, (_, i) => ({ collection: 'history', insertOne: { document: { _id: `h${i}`, projectId: `p${i % 50}`, note: 'x'.repeat(200) } } })), '2');
    await store.close();
  }

  it('loads a sound file, its documents as they were', async () => {
    await written();
    expect(await quickCheckInWorker(file)).toBe('ok');
    const reports: SetAside[] = [];
    const store = await EmbeddedReadStore.open(file, { ...ON_DISK, onSetAside: (report) => reports.push(report) });
    expect(reports).toEqual([]);
    expect(await store.count('history', { projectId: 'p7' })).toBe(40);
    await store.close();
  });

  it('sets aside a file whose damage only the check finds (a page of a large collection the load never reads)', async () => {
    await written();
    const bytes = readFileSync(file);
    const pageSize = 4096;
    // the last pages hold the large collection's rows and its index, which a start does not read
    bytes.fill(0xa5, bytes.length - 4 * pageSize, bytes.length - 3 * pageSize);
    writeFileSync(file, bytes);
    expect(await quickCheckInWorker(file)).not.toBe('ok');
    const reports: SetAside[] = [];
    // loading alone does not notice
    const unchecked = new EmbeddedReadStore(file, { ...ON_DISK, quickCheck: false, onSetAside: (report) => reports.push(report) });
    await unchecked.close();
    expect(reports).toEqual([]);
    const store = await EmbeddedReadStore.open(file, { ...ON_DISK, onSetAside: (report) => reports.push(report) });
    expect(reports).toHaveLength(1);
    expect(readdirSync(dir).some((name) => name.startsWith('read.db.damaged-'))).toBe(true);
    expect(await store.count('history')).toBe(0);
    await store.close();
  });
});
