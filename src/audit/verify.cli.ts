import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyChain, type ChainVerification } from '../application/audit/event-chain.js';
import { ProjectAudit, type ProjectArchive } from '../application/audit/project-audit.js';
import { projectStream } from '../application/project-stream.js';
import { runAuditTool, withEventStore } from './audit-cli.js';
import { visibleOnTerminal } from './terminal-text.js';

const USAGE = 'usage: npm run audit:verify [-- <projectId>] | [-- --file archive.json]\n';

function describe(projectId: string, { status, events, unchained, headHash, firstBreak }: ChainVerification): string {
  const head = `${projectId}  ${status}  ${events} events${unchained ? `, ${unchained} written before the chain (not verified)` : ''}`;
  if (!firstBreak) return `${head}  head ${headHash ?? '-'}`;
  const { revision, eventId, type, reason, expected, actual } = firstBreak;
  return `${head}  first broken link: revision ${revision} (event ${eventId}, ${type}): ${reason}, expected ${expected}, found ${actual}`;
}

/** An archive is checked offline from its own events, each hashed as an event of the project it names. */
function verifyArchive(file: string): Array<[string, ChainVerification]> {
  const { projectId, events } = JSON.parse(readFileSync(file, 'utf8')) as ProjectArchive;
  return [[projectId, verifyChain(events.map((event) => ({ ...event, stream: projectStream(projectId) })))]];
}

/**
 * npm run audit:verify [-- projectId] [--file archive.json]: recomputes the hash chains of one project,
 * every project of the configured event store, or an exported archive; exits 1 when one is broken.
 */
await runAuditTool(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { file: { type: 'string' } } });
  if (positionals.length > 1 || (values.file && positionals.length > 0)) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const results = values.file ? verifyArchive(values.file) : await withEventStore(async (events) => {
    const audit = new ProjectAudit(events);
    const verified: Array<[string, ChainVerification]> = [];
    for (const id of positionals.length ? positionals : await audit.projectIds()) verified.push([id, await audit.verify(id)]);
    return verified;
  });
  // an archive file, or the log, may carry any text in its ids and types: shown, never obeyed by the terminal
  for (const [projectId, verification] of results) process.stdout.write(`${visibleOnTerminal(describe(projectId, verification))}\n`);
  const broken = results.filter(([, verification]) => verification.status === 'BROKEN').length;
  process.stdout.write(`${results.length} project(s) verified, ${broken} broken\n`);
  process.exitCode = broken > 0 ? 1 : 0;
});
