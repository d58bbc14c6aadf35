// The real projector over an existing log, until killed; prints "ready" once started.
import { pino } from 'pino';
import { PROJECTIONS } from '../../dist/projections/projections.js';
import { Projector } from '../../dist/projections/runtime/projector.js';
import { projectUpcasters } from '../../dist/src/event-store/project-upcasters.js';
import { SqliteEventStore } from '../../dist/src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../dist/src/read-store/embedded/embedded.read-store.js';

const [eventsFile, readFile] = process.argv.slice(2);
const projector = new Projector(PROJECTIONS, new SqliteEventStore(eventsFile, projectUpcasters), new EmbeddedReadStore(readFile, { writeBehindMs: 2 }), pino({ level: 'silent' }));
await projector.start();
process.stdout.write('ready\n');
