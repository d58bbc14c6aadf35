import { StoreUnavailableError } from '../event-store.errors.js';

/** SQLite's primary result codes (extended codes add a suffix: SQLITE_IOERR_WRITE…) for a file that cannot be used now. */
const UNAVAILABLE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|LOCKED|PROTOCOL)(_|$)/;

/** An I/O refusal of the SQLite file as StoreUnavailableError; any other error as it is. */
export function unavailableOr(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNAVAILABLE.test(code)) return error;
  return new StoreUnavailableError('event store', `${code}: ${(error as Error).message}`, { cause: error });
}

/** Runs a synchronous SQLite call, turning an I/O refusal into StoreUnavailableError. */
export function guarded<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw unavailableOr(error);
  }
}
