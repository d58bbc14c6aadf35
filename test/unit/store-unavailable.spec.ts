import { DeadlineExceededError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { StoreUnavailableError } from '../../src/event-store/event-store.errors.js';
import { unavailableOr as fromEventStoreDb } from '../../src/event-store/eventstoredb/eventstoredb-unavailable.js';
import { unavailableOr as fromSqlite } from '../../src/event-store/sqlite/sqlite-unavailable.js';

const sqliteError = (code: string) => Object.assign(new Error(code.toLowerCase()), { code });

describe('which store errors mean UNAVAILABLE', () => {
  it.each(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED'])(
    'SQLite %s: the file cannot be used now',
    (code) => expect(fromSqlite(sqliteError(code))).toBeInstanceOf(StoreUnavailableError),
  );

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_FULLY_INVENTED', 'SQLITE_CORRUPT'])('SQLite %s: reported as it is', (code) => {
    const error = sqliteError(code);
    expect(fromSqlite(error)).toBe(error);
  });

  it('EventStoreDB: no connection, a passed deadline or a raw gRPC UNAVAILABLE status; not a wrong expected version', () => {
    expect(fromEventStoreDb(new UnavailableError())).toBeInstanceOf(StoreUnavailableError);
    expect(fromEventStoreDb(new DeadlineExceededError())).toBeInstanceOf(StoreUnavailableError);
    expect(fromEventStoreDb(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))).toBeInstanceOf(StoreUnavailableError);
    const conflict = Object.create(WrongExpectedVersionError.prototype) as Error;
    expect(fromEventStoreDb(conflict)).toBe(conflict);
    const other = Object.assign(new Error('permission denied'), { code: 7 });
    expect(fromEventStoreDb(other)).toBe(other);
  });
});
