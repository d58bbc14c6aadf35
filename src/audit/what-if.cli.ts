import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SystemClock } from '../application/clock.js';
import { PolicyProvider } from '../application/policy.provider.js';
import { PolicyWhatIfReplay } from '../application/what-if/policy-what-if-replay.js';
import { printed, runAuditTool, withEventStore } from './audit-cli.js';
import { whatIfTables } from './what-if-table.js';

const USAGE = 'usage: npm run what-if -- --policy <candidate.json> --from YYYY-MM-DD --to YYYY-MM-DD [--json]\n';

/**
 * npm run what-if: a period of the log the configuration selects replayed under a candidate policy, beside the
 * POLICY_FILE in force. Every project of every unit: whoever holds the store reads them all. Appends nothing.
 */
await runAuditTool(async () => {
  const { values } = parseArgs({ options: { policy: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.policy || !values.from || !values.to) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const candidate = readFileSync(values.policy, 'utf8');
  const answer = await withEventStore((events, config) =>
    new PolicyWhatIfReplay(events, new PolicyProvider(config.policy), new SystemClock()).run(candidate, values.from!, values.to!, () => true));
  process.stdout.write(printed(answer, values.json, whatIfTables));
});
