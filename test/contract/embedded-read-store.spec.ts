import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { UniqueIndexError } from '../../src/read-store/read-store.errors.js';
import type { CollectionDefinition } from '../../src/read-store/read-store.port.js';

const CARDS: CollectionDefinition = { name: 'cards', indexes: [{ name: 'by_code', key: { code: 1 }, unique: true }] };

describe('EmbeddedReadStore on its file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'psm-read-'));
    file = join(dir, 'read.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
