import { randomUUID } from 'node:crypto';
import { CheckpointMovedError, InvalidChangeError, UniqueIndexError } from '../../src/read-store/read-store.errors.js';
import type { Change, ReadStore } from '../../src/read-store/read-store.port.js';

export type ReadStoreFactory = () => Promise<ReadStore>;

/**
 * The behaviour every ReadStore adapter must show; runs against each adapter. With `large`, on a
 * collection declared large, which has no unique index and no array in a looked-up field.
 */
export function readStoreContract(open: ReadStoreFactory, { large = false } = {}): void {
  // what a large collection refuses instead: arrays in looked-up fields, unique indexes
  const unlessLarge = (name: string, test: () => Promise<void>) => (large ? undefined : it(name, test));
  let store: ReadStore;
  let cards: string;
  let projection: string;
  const upsert = (id: string, update: Record<string, Record<string, unknown>>): Change => ({
    collection: cards,
    updateOne: { filter: { _id: id }, update, upsert: true },
  });

  beforeEach(async () => {
    store = await open();
    cards = `cards_${randomUUID().slice(0, 8)}`;
    projection = `board_${randomUUID().slice(0, 8)}`;
    const byCode = { name: 'by_code', key: { code: 1 }, ...(large ? {} : { unique: true }) } as const;
    await store.defineCollections([{ name: cards, large, indexes: [byCode, { name: 'by_stage', key: { stage: 1 } }] }]);
  });
  afterEach(async () => {
    await store.close();
  });

  it('applies $set, $inc, $push, $addToSet, $unset, $min, $max, $setOnInsert and upserts, then moves the checkpoint', async () => {
    await store.commit(projection, [
      upsert('p1', { $setOnInsert: { createdAt: 'first' }, $set: { code: 'A', stage: 'PSM030' }, $inc: { reviews: 1 } }),
      upsert('p1', { $setOnInsert: { createdAt: 'second' }, $inc: { reviews: 2 }, $push: { log: 'x' }, $addToSet: { tags: 't' } }),
      upsert('p1', { $addToSet: { tags: 't' }, $min: { low: 5 }, $max: { high: 5 }, $set: { temp: 1 } }),
      upsert('p1', { $min: { low: 3 }, $max: { high: 3 }, $unset: { temp: '' } }),
    ], '7');
    expect(await store.findOne(cards, { _id: 'p1' })).toEqual({
      _id: 'p1', createdAt: 'first', code: 'A', stage: 'PSM030', reviews: 3, log: ['x'], tags: ['t'], low: 3, high: 5,
    });
    expect(await store.checkpoint(projection)).toBe('7');
  });

  it('answers find with sort, skip, limit and projection, count and aggregate in MongoDB language', async () => {
    const stages = ['LEAD', 'PSM030', 'PSM030', 'PSM040', 'PSM030'];
    await store.commit(projection, stages.map((stage, i) => ({
      collection: cards,
      insertOne: { document: { _id: `p${i}`, code: `C${i}`, stage, amount: (i + 1) * 100 } },
    })), '1');
    const found = await store.find(cards, { stage: 'PSM030' }, { sort: { amount: -1 }, skip: 1, limit: 1, projection: { amount: 1 } });
    expect(found).toEqual([{ _id: 'p2', amount: 300 }]);
    const byStages = await store.find(cards, { stage: { $in: ['PSM040', 'LEAD', 'PSM040'] } }, { projection: { code: 1, amount: 1 } });
    expect(byStages.sort((a, b) => a._id.localeCompare(b._id))).toEqual([{ _id: 'p0', code: 'C0', amount: 100 }, { _id: 'p3', code: 'C3', amount: 400 }]);
    expect(await store.find(cards, { stage: 'LEAD' }, { projection: { _id: 0, stage: 1, missing: 1 } })).toEqual([{ stage: 'LEAD' }]);
    // null matches a missing field, as in MongoDB
    expect(await store.find(cards, { stage: 'PSM030', unit: null, amount: 300 }, { projection: { code: 1 } })).toEqual([{ _id: 'p2', code: 'C2' }]);
    expect(await store.find(cards, { stage: 'PSM030', amount: 300, unit: 'A' })).toEqual([]);
    expect(await store.count(cards, { amount: { $gte: 300 } })).toBe(3);
    const totals = await store.aggregate(cards, [
      { $group: { _id: '$stage', count: { $sum: 1 }, amount: { $sum: '$amount' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(totals).toEqual([
      { _id: 'LEAD', count: 1, amount: 100 },
      { _id: 'PSM030', count: 3, amount: 1000 },
      { _id: 'PSM040', count: 1, amount: 400 },
    ]);
  });

  unlessLarge('finds a document holding an array under each element, and hands it out once', async () => {
    await store.commit(projection, [{ collection: cards, insertOne: { document: { _id: 'multi', code: 'M', stage: ['PSM050', 'PSM060'] } } }], '2');
    expect(await store.find(cards, { stage: { $in: ['PSM050', 'PSM060'] } }, { projection: { code: 1 } })).toEqual([{ _id: 'multi', code: 'M' }]);
  });

  it('answers ranges, $in with null and $or, also on fields that hold arrays', async () => {
    await store.commit(projection, [
      { collection: cards, insertOne: { document: { _id: 'a', code: 'A', from: '2026-01-01', to: null, tags: ['x', 'y'], n: 1 } } },
      { collection: cards, insertOne: { document: { _id: 'b', code: 'B', from: '2026-02-01', to: '2026-03-01', tags: 'x', n: 2 } } },
      { collection: cards, insertOne: { document: { _id: 'c', code: 'C', from: '2026-03-01', to: '2026-04-01', n: 3 } } },
    ], '1');
    const ids = async (filter: Record<string, unknown>) => (await store.find(cards, filter, { projection: { _id: 1 }, sort: { _id: 1 } })).map((found) => found._id);
    expect(await ids({ from: { $lte: '2026-02-15' }, $or: [{ to: null }, { to: { $gt: '2026-02-15' } }] })).toEqual(['a', 'b']);
    expect(await ids({ tags: 'x' })).toEqual(['a', 'b']);
    expect(await ids({ tags: { $in: ['y', null] } })).toEqual(['a', 'c']);
    expect(await ids({ n: { $gt: 1, $lt: 3 } })).toEqual(['b']);
    expect(await ids({ $or: [{ n: 1 }, { code: { $regex: '^C' } }] })).toEqual(['a', 'c']);
    expect(await ids({ code: { $in: ['A', 'C'] }, n: { $gte: 2 } })).toEqual(['c']);
    expect(await ids({ _id: { $in: ['a', 'c', 'missing', 'c'] }, n: { $gte: 2 } })).toEqual(['c']);
    expect(await ids({ _id: 'b', tags: 'x' })).toEqual(['b']);
    // the summaries' search and the tracking table's overdue next actions (a string range leaves null out)
    expect(await ids({ $or: [{ code: { $regex: 'c', $options: 'i' } }, { tags: { $regex: 'Y', $options: 'i' } }] })).toEqual(['a', 'c']);
    expect(await ids({ to: { $gt: '', $lt: '2026-03-15' } })).toEqual(['b']);
  });

  it('finds in a batch what the batch itself changed, by any field', async () => {
    await store.commit(projection, [{ collection: cards, insertOne: { document: { _id: 'x', code: 'X', stage: 'LEAD' } } }], '1');
    await store.commit(projection, [
      { collection: cards, updateMany: { filter: { code: 'X' }, update: { $set: { step: 'SOLUTION' } } } },
      { collection: cards, updateMany: { filter: { code: 'X', step: 'SOLUTION', doneAt: null }, update: { $set: { doneAt: 'now' } } } },
      { collection: cards, updateMany: { filter: { stage: 'LEAD', doneAt: 'now' }, update: { $set: { stage: 'QUALIFIED' } } } },
    ], '2');
    expect(await store.findOne(cards, { _id: 'x' })).toEqual({ _id: 'x', code: 'X', stage: 'QUALIFIED', step: 'SOLUTION', doneAt: 'now' });
  });

  it('updates a document by id only while the rest of the filter holds', async () => {
    await store.commit(projection, [upsert('x', { $set: { code: 'X', step: 'SOLUTION', n: 1 } })], '1');
    const done = (at: string) => ({ collection: cards, updateOne: { filter: { _id: 'x', step: 'SOLUTION', doneAt: null }, update: { $set: { doneAt: at } } } });
    await store.commit(projection, [
      done('first'),
      done('second'),
      { collection: cards, updateOne: { filter: { _id: 'x', step: 'BID_CHECK' }, update: { $set: { code: 'wrong step' } } } },
      { collection: cards, updateOne: { filter: { _id: 'x', n: { $gt: 1 } }, update: { $set: { code: 'n too small' } } } },
      { collection: cards, updateOne: { filter: { _id: 'x', n: { $gte: 1 } }, update: { $inc: { n: 1 } } } },
    ], '2');
    expect(await store.findOne(cards, { _id: 'x' })).toEqual({ _id: 'x', code: 'X', step: 'SOLUTION', n: 2, doneAt: 'first' });
  });

  it('updates many, replaces and deletes', async () => {
    await store.commit(projection, ['a', 'b', 'c'].map((id) => upsert(id, { $set: { code: id, stage: 'LEAD' } })), '1');
    await store.commit(projection, [
      { collection: cards, updateMany: { filter: { stage: 'LEAD' }, update: { $set: { stage: 'PSM010' } } } },
      { collection: cards, replaceOne: { filter: { _id: 'b' }, replacement: { _id: 'b', code: 'b2' } } },
      { collection: cards, deleteOne: { filter: { _id: 'c' } } },
    ], '2');
    expect(await store.find(cards, {}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', code: 'a', stage: 'PSM010' },
      { _id: 'b', code: 'b2' },
    ]);
    await store.commit(projection, [{ collection: cards, deleteMany: { filter: {} } }], '3');
    expect(await store.count(cards)).toBe(0);
  });

  it('applies a batch all or nothing: an update that cannot apply leaves neither the batch nor the checkpoint', async () => {
    await store.commit(projection, [upsert('a', { $set: { code: 'A', n: 'one' } })], '1');
    const failing = store.commit(projection, [
      upsert('b', { $set: { code: 'B', stage: 'LEAD' } }),
      { collection: cards, updateMany: { filter: { code: 'A' }, update: { $set: { stage: 'PSM010' } } } },
      upsert('a', { $inc: { n: 1 } }),
    ], '2');
    await expect(failing).rejects.toBeInstanceOf(InvalidChangeError);
    expect(await store.find(cards, {}, { sort: { _id: 1 } })).toEqual([{ _id: 'a', code: 'A', n: 'one' }]);
    expect(await store.find(cards, { stage: 'LEAD' })).toEqual([]);
    expect(await store.checkpoint(projection)).toBe('1');
  });

  unlessLarge('applies a batch all or nothing: a unique key taken in the middle leaves neither the changes nor the checkpoint', async () => {
    await store.commit(projection, [upsert('a', { $set: { code: 'A', n: 1 } })], '1');
    const failing = store.commit(projection, [
      upsert('a', { $inc: { n: 1 } }),
      upsert('b', { $set: { code: 'B' } }),
      upsert('c', { $set: { code: 'A' } }),
    ], '2');
    await expect(failing).rejects.toBeInstanceOf(UniqueIndexError);
    expect(await store.find(cards, {}, { sort: { _id: 1 } })).toEqual([{ _id: 'a', code: 'A', n: 1 }]);
    expect(await store.checkpoint(projection)).toBe('1');
  });

  unlessLarge('reports a unique-index violation as a typed error naming the collection and index', async () => {
    await store.commit(projection, [upsert('a', { $set: { code: 'A' } })], '1');
    const error = await store
      .commit(projection, [{ collection: cards, insertOne: { document: { _id: 'b', code: 'A' } } }], '2')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueIndexError);
    expect(error).toMatchObject({ collection: cards, index: 'by_code' });
    // moving the key away from its owner in the same batch frees it
    await store.commit(projection, [upsert('a', { $set: { code: 'Z' } }), upsert('b', { $set: { code: 'A' } })], '3');
    expect(await store.count(cards)).toBe(2);
  });

  if (large) {
    it('refuses an array in a looked-up field of a large collection, changing nothing', async () => {
      await store.commit(projection, [upsert('a', { $set: { code: 'A' } })], '1');
      const failing = store.commit(projection, [upsert('b', { $set: { code: 'B' } }), upsert('a', { $set: { stage: ['PSM050', 'PSM060'] } })], '2');
      await expect(failing).rejects.toBeInstanceOf(InvalidChangeError);
      expect(await store.find(cards, {}, { sort: { _id: 1 } })).toEqual([{ _id: 'a', code: 'A' }]);
      expect(await store.checkpoint(projection)).toBe('1');
    });

    it('refuses a unique index on a large collection', async () => {
      const unique = { name: `unique_${randomUUID().slice(0, 6)}`, large, indexes: [{ name: 'by_code', key: { code: 1 as const }, unique: true }] };
      await expect(store.defineCollections([unique])).rejects.toBeInstanceOf(InvalidChangeError);
    });
  }

  it('refuses a change to a collection that was never defined', async () => {
    await expect(
      store.commit(projection, [{ collection: `undefined_${randomUUID().slice(0, 6)}`, insertOne: { document: { _id: 'x' } } }], '1'),
    ).rejects.toBeInstanceOf(InvalidChangeError);
    expect(await store.checkpoint(projection)).toBeUndefined();
  });

  it('commits only on the checkpoint the writer expects, when it names one', async () => {
    await store.commit(projection, [upsert('a', { $set: { code: 'A' } })], '5', null);
    await expect(store.commit(projection, [upsert('b', { $set: { code: 'B' } })], '6', '4')).rejects.toBeInstanceOf(CheckpointMovedError);
    await expect(store.commit(projection, [upsert('b', { $set: { code: 'B' } })], '6', null)).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await store.count(cards)).toBe(1);
    await store.commit(projection, [upsert('b', { $set: { code: 'B' } })], '6', '5');
    expect(await store.checkpoint(projection)).toBe('6');
  });

  it('swaps a rebuilt collection in with its checkpoint, and resets one for a fresh start', async () => {
    const shadow = `${cards}__rebuild`;
    await store.defineCollections([{ name: shadow, large, indexes: [{ name: 'by_code', key: { code: 1 }, ...(large ? {} : { unique: true }) }] }]);
    await store.commit(projection, [upsert('old', { $set: { code: 'OLD' } })], '3');
    await store.commit(`${projection}__rebuild`, [{ collection: shadow, insertOne: { document: { _id: 'new', code: 'NEW' } } }], '9');
    await store.swap(projection, [{ from: shadow, to: cards }], '9', `${projection}__rebuild`);
    expect(await store.find(cards)).toEqual([{ _id: 'new', code: 'NEW' }]);
    expect(await store.checkpoint(projection)).toBe('9');
    expect(await store.checkpoint(`${projection}__rebuild`)).toBeUndefined();
    await store.reset(projection, [cards]);
    expect(await store.count(cards)).toBe(0);
    expect(await store.checkpoint(projection)).toBeUndefined();
  });
}
