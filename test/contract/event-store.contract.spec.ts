import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb.event-store.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { eventStoreContract } from './event-store.contract.js';
import { describeWhenConfigured } from '../support/real-servers.js';

describe('InMemoryEventStore', () => {
  eventStoreContract(async (upcasters) => new InMemoryEventStore(upcasters));
});

describe('SqliteEventStore', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'psm-events-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  eventStoreContract(async (upcasters) => new SqliteEventStore(join(dir, 'events.db'), upcasters));
});

describeWhenConfigured('EventStoreDbEventStore', 'EVENTSTORE_CONNECTION_STRING', (connectionString) => {
  eventStoreContract(async (upcasters) => new EventStoreDbEventStore(connectionString, upcasters));
});
