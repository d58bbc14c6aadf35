// Appends from 32 concurrent callers until killed; prints "ack <stream> <revision> <eventId>" only
// after the store has acknowledged the append.
import { randomUUID } from 'node:crypto';
import { projectUpcasters } from '../../dist/src/event-store/project-upcasters.js';
import { SqliteEventStore } from '../../dist/src/event-store/sqlite/sqlite.event-store.js';

const store = new SqliteEventStore(process.argv[2], projectUpcasters);
const event = () => {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type: 'TrackingNoteAdded',
    data: { note: 'x'.repeat(200) },
    metadata: { actor: { userId: 'u1', roles: ['ACCOUNT_MANAGER'] }, commandId, correlationId: commandId, causationId: commandId, schemaVersion: 1 },
  };
};

async function caller(index) {
  const stream = `project-${index}-${randomUUID()}`;
  for (let revision = 0; ; revision++) {
    const e = event();
    await store.append(stream, [e, event()], revision === 0 ? 'NO_STREAM' : revision * 2 - 1);
    process.stdout.write(`ack ${stream} ${revision * 2 + 1} ${e.id}\n`);
  }
}

for (let i = 0; i < 32; i++) void caller(i);
