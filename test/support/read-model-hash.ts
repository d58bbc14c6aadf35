import { createHash } from 'node:crypto';
import { PROJECTIONS } from '../../projections/projections.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';

/** One sha256 over every read model's documents in _id order: equal hashes, identical read models. */
export async function readModelHash(reads: ReadStore): Promise<string> {
  const hash = createHash('sha256');
  for (const { name } of PROJECTIONS.flatMap((projection) => projection.collections)) {
    const documents = await reads.find(name, {}, { sort: { _id: 1 } });
    hash.update(`${name}\n${JSON.stringify(documents)}\n`);
  }
  return hash.digest('hex');
}
