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
