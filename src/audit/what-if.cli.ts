import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SystemClock } from '../application/clock.js';
import { PolicyProvider } from '../application/policy.provider.js';
import { PolicyWhatIfReplay } from '../application/what-if/policy-what-if-replay.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { DomainError } from '../domain/project/errors.js';
import { UnreadableEventError } from '../event-store/event-store.errors.js';
import { openEventStore } from '../event-store/open-event-store.js';
import { projectUpcasters } from '../event-store/project-upcasters.js';
import { visibleOnTerminal } from './terminal-text.js';
import { whatIfTables } from './what-if-table.js';

const USAGE = 'usage: npm run what-if -- --policy <candidate.json> --from YYYY-MM-DD --to YYYY-MM-DD [--json]\n';

/**
 * npm run what-if: a period of the log the configuration selects replayed under a candidate policy, beside the
 * POLICY_FILE in force. Every project of every unit: whoever holds the store reads them all. Appends nothing.
 */
try {
  const { values } = parseArgs({ options: { policy: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.policy || !values.from || !values.to) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const candidate = readFileSync(values.policy, 'utf8');
  const events = await openEventStore(config, projectUpcasters);
  try {
    const answer = await new PolicyWhatIfReplay(events, new PolicyProvider(config.policy), new SystemClock()).run(candidate, values.from, values.to, () => true);
    process.stdout.write(values.json ? `${visibleOnTerminal(JSON.stringify(answer, null, 2), { keepLineBreaks: true })}\n` : whatIfTables(answer));
  } finally {
    await events.close();
  }
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof DomainError || error instanceof UnreadableEventError)) throw error;
  process.stderr.write(`${visibleOnTerminal(error.message)}\n`);
  process.exit(1);
}
