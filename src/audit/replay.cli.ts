import { parseArgs } from 'node:util';
import { ProjectAudit } from '../application/audit/project-audit.js';
import { printed, runAuditTool, withEventStore } from './audit-cli.js';
import { timelineTable } from './timeline-table.js';

const USAGE = 'usage: npm run replay -- <projectId> [--as-of 2026-11-01T00:00:00Z] [--json]\n';

/** npm run replay -- <projectId> [--as-of ISO] [--json]: a project's timeline from the event store the configuration selects. */
await runAuditTool(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } } });
  const asOf = values['as-of'] === undefined ? undefined : new Date(values['as-of']);
  if (positionals.length !== 1 || (asOf && Number.isNaN(asOf.getTime()))) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const replay = await withEventStore((events) => new ProjectAudit(events).replay(positionals[0], { asOf }));
  process.stdout.write(printed(replay, values.json, timelineTable));
});
