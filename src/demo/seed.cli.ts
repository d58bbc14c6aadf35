import { parseArgs } from 'node:util';
import { ManualClock } from '../application/clock.js';
import { PolicyProvider } from '../application/policy.provider.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { openEventStore } from '../event-store/open-event-store.js';
import { projectUpcasters } from '../event-store/project-upcasters.js';
import { ExecuteReportCommandHandler } from '../application/execute-report-command.js';
import { StreamCache } from '../application/stream-cache.js';
import { SeedReportFigures } from './demo-report-figures.js';
import { reportSchedule } from './demo-reports.js';
import { DAY, dayOf } from './demo-values.js';
import { demoSchedule } from './demo-schedule.js';
import { commandSide, runSchedule } from './run-schedule.js';

/** npm run seed:demo [-- --projects 300 --months 24 --seed 7]: a populated pipeline, through the command side. */
try {
  const { values } = parseArgs({ options: { projects: { type: 'string', default: '300' }, months: { type: 'string', default: '24' }, seed: { type: 'string', default: '7' } } });
  const [projects, months, seed] = [values.projects, values.months, values.seed].map(Number);
  if (![projects, months, seed].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write('usage: npm run seed:demo -- [--projects 300] [--months 24] [--seed 7] (positive integers)\n');
    process.exit(2);
  }
  const config = loadConfig();
  const events = await openEventStore(config, projectUpcasters);
  const clock = new ManualClock(new Date());
  const schedule = demoSchedule({ projects, months, seed, end: new Date() });
  const started = Date.now();
  const policy = new PolicyProvider(config.policy);
  // the supervisor's monthly reports and the director's quarterly analyses, from the first whole month of the history
  const reports = reportSchedule(dayOf(clock.now().getTime() - months * 30 * DAY).slice(0, 7), clock.now());
  const figures = new SeedReportFigures(events);
  await figures.start();
  const { handler, others } = commandSide(events, policy, clock);
  const count = await runSchedule(handler, clock, schedule, others, {
    handler: new ExecuteReportCommandHandler(events, new StreamCache(events), policy, clock), figures, steps: reports,
  });
  await figures.stop();
  await events.close();
  const tally = (kind: string) => reports.filter((step) => step.report.kind === kind).length;
  process.stdout.write(`seeded ${projects} projects over ${months} months: ${count} commands (${tally('MONTHLY')} on monthly reports, ${tally('QUARTERLY')} on quarterly analyses) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
