import { parseArgs } from 'node:util';
import { ProjectAudit } from '../application/audit/project-audit.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { DomainError } from '../domain/project/errors.js';
import { UnreadableEventError } from '../event-store/event-store.errors.js';
import { openEventStore } from '../event-store/open-event-store.js';
import { projectUpcasters } from '../event-store/project-upcasters.js';
import { visibleOnTerminal } from './terminal-text.js';
import { timelineTable } from './timeline-table.js';

const USAGE = 'usage: npm run replay -- <projectId> [--as-of 2026-11-01T00:00:00Z] [--json]\n';

/** npm run replay -- <projectId> [--as-of ISO] [--json]: a project's timeline from the event store the configuration selects. */
try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } } });
  const asOf = values['as-of'] === undefined ? undefined : new Date(values['as-of']);
  if (positionals.length !== 1 || (asOf && Number.isNaN(asOf.getTime()))) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const events = await openEventStore(loadConfig(), projectUpcasters);
  try {
    const replay = await new ProjectAudit(events).replay(positionals[0], { asOf });
    process.stdout.write(values.json ? `${visibleOnTerminal(JSON.stringify(replay, null, 2), { keepLineBreaks: true })}\n` : timelineTable(replay));
  } finally {
    await events.close();
  }
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof DomainError || error instanceof UnreadableEventError)) throw error;
  process.stderr.write(`${visibleOnTerminal(error.message)}\n`);
  process.exit(1);
}
