// Runs the totals projection over an existing log in small batches until killed;
// prints "ready" once started.
import { pino } from 'pino';
import { ProjectionRunner } from '../../dist/projections/runtime/projection-runner.js';
import { SqliteEventStore } from '../../dist/src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../dist/src/read-store/embedded/embedded.read-store.js';
import { totalsProjection } from './totals.projection.mjs';

const [eventsFile, readFile] = process.argv.slice(2);
const runner = new ProjectionRunner(
  totalsProjection,
  new SqliteEventStore(eventsFile),
  new EmbeddedReadStore(readFile),
  pino({ level: 'silent' }),
  { batchSize: 25, flushMs: 1 },
);
await runner.start();
process.stdout.write('ready\n');
