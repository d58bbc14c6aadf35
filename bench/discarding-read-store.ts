import type { Position } from '../src/event-store/event-store.port.js';
import type { Change, ReadStore } from '../src/read-store/read-store.port.js';

/**
 * A read store that keeps checkpoints and nothing else: a projector writing into it costs the read of
 * the log and the projections' own work, which is the floor under any store's rebuild speed.
 */
export class DiscardingReadStore implements ReadStore {
  private readonly checkpoints = new Map<string, Position>();
  async defineCollections(): Promise<void> {}
  async find<T>(): Promise<T[]> {
    return [];
  }
  async findOne<T>(): Promise<T | null> {
    return null;
  }
  async count(): Promise<number> {
    return 0;
  }
  async aggregate<T>(): Promise<T[]> {
    return [];
  }
  async commit(projection: string, _changes: Change[], checkpoint: Position): Promise<void> {
    this.checkpoints.set(projection, checkpoint);
  }
  async checkpoint(projection: string): Promise<Position | undefined> {
    return this.checkpoints.get(projection);
  }
  async reset(projection: string): Promise<void> {
    this.checkpoints.delete(projection);
  }
  async swap(): Promise<void> {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
