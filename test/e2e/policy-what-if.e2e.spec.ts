import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectEventMetadata } from '../../src/application/project-event-metadata.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../../src/event-store/event-store.port.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { READ_STORE, type ReadStore } from '../../src/read-store/read-store.port.js';
import { DEMO, seed } from '../support/demo-world.js';
import { PsmApp } from '../support/psm-app.js';
import { readModelHash } from '../support/read-model-hash.js';

const IN_FORCE = readFileSync('policies/enterprise-standard.json', 'utf8');
const policyWith = (change: (policy: any) => void): string => {
  const policy = JSON.parse(IN_FORCE);
  change(policy);
  return JSON.stringify(policy);
};
/** The MAJOR threshold and the quotation approval level both at 2,000,000 CNY, no tolerance on a solution's limit, PSM030 weighted 90%. */
const TWO_MILLION = 200_000_000;
const CANDIDATE = policyWith((policy) => {
  policy.profile = 'our-company';
  policy.version = 1;
  policy.majorProjectAbove = TWO_MILLION;
  policy.quotationApprovalLevel = TWO_MILLION;
  policy.sla.solutionToleranceWorkingDays = 0;
  policy.stageProbability.PSM030_SOLUTION = 90;
});

const WHAT_IF = `query($candidate: String!, $from: String!, $to: String!) { policyWhatIf(candidate: $candidate, from: $from, to: $to) {
  periodStart periodEnd inForce { profile version } candidate { profile version } versionsInPeriod { profile version decisions } projects
  approvals { decisions deciders routings differences { projectId kind decision decidedBy decidedAs inForce candidate } }
  deadlines { steps overdueInForce overdueUnderCandidate becameOverdue becameOnTime differences { projectId kind startedAt stoppedAt inForce { dueAt overdueAt overdue } candidate { dueAt overdueAt overdue } } }
  classes { projects becameMajor becameGeneral differences { projectId inForce candidate } }
  pipeline { amount inForceWeighted candidateWeighted stages { stage count amount inForceWeighted candidateWeighted } }
} }`;

const metadataOf = (event: StoredEvent) => event.metadata as ProjectEventMetadata;
/** The events that stop a solution's clock: the solution itself, or the project's close. */
const STOPS_SOLUTION = ['SolutionSubmitted', 'StandardSolutionSent', 'LeadRejected', 'LeadForwarded', 'BidLost', 'ProjectTerminated', 'CustomerDeclined', 'ContractSigned'];

describe('policyWhatIf: a period of the demo world replayed under a candidate policy', () => {
  let psm: PsmApp;
  let dir: string;
  let log: StoredEvent[];
  const today = shanghaiDate(new Date());
  const director = () => psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
  const whatIf = (candidate: string, from = '2026-01-01', to = today, token = director()) => psm.graphql(WHAT_IF, { candidate, from, to }, token);
  const streams = () => {
    const byProject = new Map<string, StoredEvent[]>();
    for (const event of log.filter(({ stream }) => stream.startsWith('project-'))) byProject.set(event.stream.slice('project-'.length), [...(byProject.get(event.stream.slice('project-'.length)) ?? []), event]);
    return byProject;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'psm-what-if-'));
    const events = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
    await seed(events, { ...DEMO, projects: 40, months: 6 });
    await events.close();
    psm = await PsmApp.start({ DATA_DIR: dir });
    await psm.caughtUp();
    log = await psm.app.get<EventStore>(EVENT_STORE).readAll({ limit: 100_000 });
  }, 60_000);
  afterAll(async () => {
    await psm.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the policy in force, the candidate and the versions the period\'s decisions recorded', async () => {
    const { data, errors } = await whatIf(CANDIDATE);
    expect(errors).toBeUndefined();
    const commands = new Set(log.filter((event) => event.stream.startsWith('project-') && metadataOf(event).policy).map((event) => metadataOf(event).commandId));
    const version = JSON.parse(IN_FORCE).version;
    expect(data.policyWhatIf).toMatchObject({
      inForce: { profile: 'enterprise-standard', version }, candidate: { profile: 'our-company', version: 1 },
      versionsInPeriod: [{ profile: 'enterprise-standard', version, decisions: commands.size }], projects: 40, periodStart: '2025-12-31T16:00:00.000Z',
    });
  });

  it('lists the projects MAJOR under the lower threshold, by estimate or by a quotation above it, and the approvals routed elsewhere', async () => {
    const { approvals, classes } = (await whatIf(CANDIDATE)).data.policyWhatIf;
    const becomeMajor = [...streams()].filter(([, events]) => {
      const approved = events.find((event) => event.type === 'ProjectApproved');
      const raised = events.some((event) => event.type === 'ProjectClassRaised');
      const amounts = events.filter((event) => event.type === 'LeadRegistered' || event.type === 'QuotationSubmitted')
        .map((event) => ((event.data.estimatedAmount ?? event.data.amount) as { amount: number }).amount);
      return approved?.data.projectClass === 'GENERAL' && !raised && amounts.some((amount) => amount > TWO_MILLION);
    }).map(([projectId]) => projectId).sort();
    expect(becomeMajor.length).toBeGreaterThan(3);
    expect(classes.differences).toEqual(becomeMajor.map((projectId) => ({ projectId, inForce: 'GENERAL', candidate: 'MAJOR' })));
    expect(classes).toMatchObject({ becameMajor: becomeMajor.length, becameGeneral: 0 });

    const decided = (decision: string) => approvals.differences.filter((difference: { kind: string; decision: string }) => difference.kind === 'DECIDER' && difference.decision === decision);
    // the director approved a GENERAL project the candidate makes MAJOR by its estimate: the BU general manager would have
    const approvedByDirector = [...streams()].filter(([, events]) => events.some((event) => event.type === 'ProjectApproved' && event.data.projectClass === 'GENERAL')
      && (events[0].data.estimatedAmount as { amount: number }).amount > TWO_MILLION).map(([projectId]) => projectId).sort();
    expect(decided('ApproveProject').map((difference: { projectId: string }) => difference.projectId).sort()).toEqual(approvedByDirector);
    expect(decided('ApproveProject')[0]).toMatchObject({ decidedAs: ['SALES_DIRECTOR'], inForce: ['SALES_DIRECTOR', 'BU_GENERAL_MANAGER'], candidate: ['BU_GENERAL_MANAGER'] });
    // the operations centre approved quotations of 2,000,000 CNY or less: the candidate sends them to the technical manager
    const quotations = new Map(log.filter((event) => event.type === 'QuotationSubmitted').map((event) => [`${event.stream}|${event.data.version}`, (event.data.amount as { amount: number }).amount]));
    const belowLevel = log.filter((event) => event.type === 'QuotationApproved' && event.data.role === 'OPERATIONS_CENTER' && quotations.get(`${event.stream}|${event.data.version}`)! <= TWO_MILLION);
    expect(belowLevel.length).toBeGreaterThan(3);
    expect(decided('ApproveQuotation')).toHaveLength(belowLevel.length);
    for (const difference of decided('ApproveQuotation')) expect(difference.decidedAs).toEqual(['OPERATIONS_CENTER']);
    expect(decided('ApproveQuotation').every((difference: { candidate: string[] }) => difference.candidate.includes('TECH_MANAGER'))).toBe(true);
    const kinds = new Set<string>(approvals.differences.map((difference: { kind: string; decision: string }) => `${difference.kind} ${difference.decision}`));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['DECIDER ApproveProject', 'DECIDER ApproveQuotation', 'ROUTING SubmitQuotation']));
    expect([...kinds].every((kind) => ['DECIDER ApproveProject', 'DECIDER ApproveQuotation', 'DECIDER DecideTermination', 'ROUTING SubmitQuotation', 'ROUTING RequestTermination'].includes(kind))).toBe(true);
    expect(approvals.deciders + approvals.routings).toBe(approvals.differences.length);
  });

  it('lists the solutions on time only by the tolerance, overdue without it, and counts them', async () => {
    const { deadlines } = (await whatIf(CANDIDATE)).data.policyWhatIf;
    const now = new Date().toISOString();
    const late = [...streams()].flatMap(([projectId, events]) => events.flatMap((event, i): Array<{ projectId: string; startedAt: string }> => {
      const clock = (event.data.deadlines as Array<{ kind: string; dueAt: string; overdueAt: string }> | undefined)?.find((deadline) => deadline.kind === 'SOLUTION');
      if (!clock) return [];
      const stop = events.slice(i + 1).find((later) => STOPS_SOLUTION.includes(later.type) || (later.type === 'BidDecided' && later.data.decision === 'NO_BID'));
      const stoppedAt = stop ? metadataOf(stop).occurredAt : now;
      return stoppedAt > clock.dueAt && stoppedAt <= clock.overdueAt ? [{ projectId, startedAt: metadataOf(event).occurredAt }] : [];
    }));
    expect(late.length).toBeGreaterThan(0);
    expect(deadlines.differences.map(({ projectId, startedAt }: { projectId: string; startedAt: string }) => ({ projectId, startedAt })).sort((a: any, b: any) => a.startedAt.localeCompare(b.startedAt)))
      .toEqual(late.sort((a, b) => a.startedAt.localeCompare(b.startedAt)));
    for (const difference of deadlines.differences) {
      expect(difference).toMatchObject({ kind: 'SOLUTION', inForce: { overdue: false }, candidate: { overdue: true, dueAt: difference.inForce.dueAt, overdueAt: difference.inForce.dueAt } });
    }
    expect(deadlines).toMatchObject({ becameOverdue: late.length, becameOnTime: 0, overdueUnderCandidate: deadlines.overdueInForce + late.length });
  });

  it('weighs the pipeline at the period\'s end as the board does, and by the candidate\'s weights', async () => {
    const { pipeline } = (await whatIf(CANDIDATE)).data.policyWhatIf;
    const board = (await psm.graphql('{ pipelineBoard(cardsPerColumn: 0) { stage count amount weightedAmount } }', {}, director())).data.pipelineBoard;
    expect(pipeline.stages.map(({ stage, count, amount, inForceWeighted }: any) => ({ stage, count, amount, weightedAmount: inForceWeighted }))).toEqual(board);
    for (const stage of pipeline.stages) expect(stage.candidateWeighted).toBe(stage.stage === 'PSM030_SOLUTION' ? Math.round(stage.amount * 0.9) : stage.inForceWeighted);
    const solution = pipeline.stages.find((stage: { stage: string }) => stage.stage === 'PSM030_SOLUTION');
    expect(solution.count).toBeGreaterThan(0);
    expect(pipeline.candidateWeighted - pipeline.inForceWeighted).toBe(solution.candidateWeighted - solution.inForceWeighted);
  });

  it('finds no difference with the policy in force as the candidate', async () => {
    const { data, errors } = await whatIf(IN_FORCE);
    expect(errors).toBeUndefined();
    const { approvals, deadlines, classes, pipeline } = data.policyWhatIf;
    expect([approvals.differences, deadlines.differences, classes.differences]).toEqual([[], [], []]);
    expect(approvals.decisions).toBeGreaterThan(100);
    expect(deadlines.overdueUnderCandidate).toBe(deadlines.overdueInForce);
    expect(pipeline.candidateWeighted).toBe(pipeline.inForceWeighted);
  });

  it('appends nothing and leaves every read model as it was', async () => {
    const reads = psm.app.get<ReadStore>(READ_STORE);
    const [head, models] = [await psm.logHead(), await readModelHash(reads)];
    expect((await whatIf(CANDIDATE)).errors).toBeUndefined();
    expect((await whatIf('{}')).errors).toBeDefined();
    expect(await psm.logHead()).toBe(head);
    expect(await readModelHash(reads)).toBe(models);
  });

  it('refuses an invalid candidate with the validator\'s error and its path', async () => {
    const refusal = async (candidate: string) => (await whatIf(candidate)).errors?.map(({ message, extensions }) => ({ message, ...extensions }));
    expect(await refusal(policyWith((policy) => (policy.sla.reviewWorkingDays = -1)))).toEqual([{
      message: 'policy.sla.reviewWorkingDays must be a whole number from 0 to 365', code: 'BAD_USER_INPUT', domainCode: 'INVALID_POLICY', path: 'policy.sla.reviewWorkingDays',
    }]);
    expect(await refusal(policyWith((policy) => (policy.responsibilities.approveForward = ['ADMIN'])))).toMatchObject([{ domainCode: 'INVALID_POLICY', path: 'policy.responsibilities.approveForward' }]);
    expect(await refusal(policyWith((policy) => (policy.currency = 'USD')))).toMatchObject([{ domainCode: 'INVALID_POLICY', path: 'policy.currency' }]);
    expect(await refusal('{ "profile": ')).toMatchObject([{ code: 'BAD_USER_INPUT', domainCode: 'INVALID_POLICY', path: 'policy' }]);
    expect(await refusal(IN_FORCE + ' '.repeat(65_536))).toMatchObject([{ code: 'BAD_USER_INPUT', domainCode: 'INVALID_INPUT' }]);
  });

  it('refuses a period over 24 months, reversed or not a day', async () => {
    const refusal = async (from: string, to: string) => (await whatIf(CANDIDATE, from, to)).errors?.map(({ extensions }) => extensions.domainCode);
    expect(await refusal('2024-01-01', '2026-01-01')).toEqual(['PERIOD_TOO_LONG']);
    expect(await refusal('2024-01-01', '2025-12-31')).toBeUndefined();
    expect(await refusal('2026-03-01', '2026-02-28')).toEqual(['INVALID_INPUT']);
    expect(await refusal('2026-02-30', '2026-03-01')).toEqual(['INVALID_INPUT']);
  });

  it('prints the same differences as tables from the command line (npm run what-if), and refuses an invalid file', async () => {
    const file = join(dir, 'candidate.json');
    writeFileSync(file, CANDIDATE);
    const cli = (policy: string) => spawnSync(process.execPath, ['dist/src/audit/what-if.cli.js', '--policy', policy, '--from', '2026-01-01', '--to', today], {
      env: { PATH: process.env.PATH, DATA_DIR: dir }, encoding: 'utf8',
    });
    const printed = cli(file);
    expect(printed.status).toBe(0);
    const { classes, approvals } = (await whatIf(CANDIDATE)).data.policyWhatIf;
    expect(printed.stdout).toContain(`${classes.becameMajor} become MAJOR, 0 GENERAL`);
    expect(printed.stdout).toContain(`${approvals.deciders} by other roles, ${approvals.routings} routed elsewhere`);
    for (const { projectId } of classes.differences) expect(printed.stdout).toContain(projectId);
    const refused = cli('package.json');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('policy.name is not a policy setting\n');
  });

  it('is management\'s: refused to a supervisor, an account manager and ADMIN', async () => {
    for (const role of ['SALES_SUPERVISOR', 'ACCOUNT_MANAGER', 'ADMIN'] as const) {
      const { data, errors } = await whatIf(CANDIDATE, '2026-01-01', today, psm.tokenFor('someone', role));
      expect(data).toBeNull();
      expect(errors?.map(({ extensions }) => extensions.code)).toEqual(['FORBIDDEN']);
    }
  });
});
