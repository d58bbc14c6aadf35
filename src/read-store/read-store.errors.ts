/** A change would give two documents the same key in a unique index; nothing of its batch was applied. */
export class UniqueIndexError extends Error {
  readonly code = 'UNIQUE_INDEX';
  constructor(
    readonly collection: string,
    readonly index: string,
    readonly key: string,
  ) {
    super(`${collection}: duplicate key ${key} in unique index ${index}`);
    this.name = 'UniqueIndexError';
  }
}

/** A change the store cannot apply (an unknown collection, a malformed update); nothing of its batch was applied. */
export class InvalidChangeError extends Error {
  readonly code = 'INVALID_CHANGE';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidChangeError';
  }
}

/** The projection's checkpoint is not the one the writer last committed: a rebuild replaced the read model. */
export class CheckpointMovedError extends Error {
  readonly code = 'CHECKPOINT_MOVED';
  constructor(
    readonly projection: string,
    readonly expected: string | null,
    readonly actual: string | null,
  ) {
    super(`${projection}: checkpoint is ${actual ?? 'none'}, not ${expected ?? 'none'}`);
    this.name = 'CheckpointMovedError';
  }
}
