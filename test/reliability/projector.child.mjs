// Runs the totals projection over an existing log in small batches until killed;
// prints "ready" once started.
import { pino } from 'pino';
import { Projector } from '../../dist/projections/runtime/projector.js';
import { projectUpcasters } from '../../dist/src/event-store/project-upcasters.js';
import { SqliteEventStore } from '../../dist/src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../dist/src/read-store/embedded/embedded.read-store.js';
import { totalsProjection } from './totals.projection.mjs';

const [eventsFile, readFile] = process.argv.slice(2);
const projector = new Projector(
  [totalsProjection],
  new SqliteEventStore(eventsFile, projectUpcasters),
  new EmbeddedReadStore(readFile, { writeBehindMs: 2 }),
  pino({ level: 'silent' }),
  { batchSize: 25, flushMs: 1 },
);
await projector.start();
process.stdout.write('ready\n');
