import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TokenService } from '../../src/auth/token.service.js';
import { COMMAND_ROLES } from '../support/policies.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { ROLES, type Role } from '../../src/domain/project/vocabulary.js';
import { validValue } from '../support/fuzz/edge-valid-values.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

type Cell = 'yes' | 'no' | 'member' | 'unit';
/** A column of the table: a role, or a valid token none of whose roles is PSM's. */
type Caller = Role | 'no role';

/** SECURITY.md's "Who reads what" table: operation → caller → cell. */
function ruleTable(): { callers: Caller[]; rules: Record<string, Record<string, Cell>> } {
  const section = readFileSync('SECURITY.md', 'utf8').split('### Who reads what')[1].split('\n### ')[0].split('\n## ')[0];
  const [header, , ...rows] = section.split('\n').filter((line) => line.startsWith('|'));
  const callers = header.split('|').slice(2, -1).map((cell) => cell.trim().replace(/`/g, '') as Caller);
  const rules = Object.fromEntries(rows.map((row) => {
    const [operation, ...cells] = row.split('|').slice(1, -1).map((cell) => cell.trim());
    return [operation.replace(/`/g, ''), Object.fromEntries(callers.map((caller, i) => [caller, cells[i] as Cell]))];
  }));
  return { callers, rules };
}

const UNIT_A = 'BU-A';
const UNIT_B = 'BU-B';
const MEMBER_USERS: Partial<Record<Role, string>> = { ACCOUNT_MANAGER: 'am-a', PRESALES_ENGINEER: 'pe-a', REVIEWER: 'rv-a', DELIVERY_ENGINEER: 'de-a' };
const month = shanghaiDate(new Date()).slice(0, 7);
const daysAgo = (days: number) => shanghaiDate(new Date(Date.now() - days * 86_400_000));
/** A note whose next action was due yesterday: the project is on the tracking table's overdue rows. */
/** A quarter over by now, whose monthly reports and analysis unit A has. */
const REPORTED_QUARTER = '2026-Q3';
const REPORTED_QUARTER_MONTHS = ['2026-07', '2026-08', '2026-09'];
const OVERDUE_NOTE = { kind: 'CALL', note: 'called', contactedOn: daysAgo(2), nextAction: 'visit', nextActionOn: daysAgo(1) };

describe('the authorization matrix: every query and mutation × every role × member / non-member', () => {
  let psm: PsmApp;
  let project: string;
  /** A project of unit A, with the same members, terminated and summarized. */
  let summarized: string;
  const { callers, rules } = ruleTable();

  /**
   * A user of the role who is a member of the project (unit roles: of its unit), or one who is not (unit
   * roles: of another unit). A caller with no role of PSM's holds a token with a role of another service.
   */
  const userFor = (caller: Caller, member: boolean) => {
    const name = caller === 'no role' ? 'norole' : caller.toLowerCase();
    const memberRole = caller !== 'no role' && MEMBER_USERS[caller];
    const userId = member ? (memberRole || `${name}-a`) : `${name}-${memberRole ? 'x' : 'b'}`;
    const inUnitB = !member && !memberRole;
    const roles = (caller === 'no role' ? ['VIEWER'] : [caller]) as Role[];
    return { userId, token: psm.app.get(TokenService).sign({ userId, roles, businessUnit: inUnitB ? UNIT_B : UNIT_A }) };
  };
  const as = (role: Role, userId?: string) =>
    psm.app.get(TokenService).sign({ userId: userId ?? MEMBER_USERS[role] ?? `${role.toLowerCase()}-a`, roles: [role], businessUnit: UNIT_A });
  const report = async (token: string, mutation: string, input: Record<string, unknown>) => {
    const name = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    const { errors } = await psm.graphql(`mutation($input: ${name}!) { ${mutation}(input: $input) { revision } }`, { input: { commandId: randomUUID(), ...input } }, token);
    if (errors) throw new Error(`${mutation} refused: ${JSON.stringify(errors)}`);
  };
  const run = async (token: string, mutation: string, input: Record<string, unknown>) => {
    const name = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    const { errors } = await psm.graphql(`mutation($input: ${name}!) { ${mutation}(input: $input) { revision } }`, { input: { commandId: randomUUID(), ...input } }, token);
    if (errors) throw new Error(`${mutation} refused: ${JSON.stringify(errors)}`);
  };
  const lead = (projectId: string) => ({
    projectId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells',
    channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
  });

  beforeAll(async () => {
    psm = await PsmApp.start();
    // a project of unit A at its solution review, and a terminated one for the win/loss figures
    project = randomUUID();
    await run(as('ACCOUNT_MANAGER'), 'registerLead', lead(project));
    await run(as('SALES_SUPERVISOR'), 'screenLead', { projectId: project, decision: 'QUALIFY' });
    await run(as('SALES_DIRECTOR'), 'approveProject', {
      projectId: project, sponsorId: 'sales_director-a', presalesEngineerId: 'pe-a', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    });
    await run(as('PRESALES_ENGINEER'), 'recordExchange', { projectId: project, summary: 'memo', surveyNeeded: false });
    await run(as('PRESALES_ENGINEER'), 'submitSolution', { projectId: project, document: docOf('solution v1') });
    // the delivery team's engineer is named too (S1-DY 6.2.3 has one in the project group; a handover would name them as well)
    await run(as('MARKETING'), 'conveneReview', { projectId: project, subject: 'SOLUTION', reviewers: ['rv-a', 'de-a'] });
    await run(as('ACCOUNT_MANAGER'), 'addTrackingNote', { projectId: project, ...OVERDUE_NOTE });
    // over its task book's budget (document 004): the board's flag filter finds it
    await run(as('ACCOUNT_MANAGER'), 'fileSalesPlan', {
      projectId: project, strengths: '案例', weaknesses: '价格', goals: '签约', risks: '预算', withdrawalCriteria: '公开招标', participants: [], workItems: [{ task: '交流', ownerId: 'pe-a', dueOn: '2026-12-31' }],
    });
    await run(as('ACCOUNT_MANAGER'), 'fileTaskBook', { projectId: project, expectedGrossMargin: cny(200_000), budget: cny(10_000), milestones: [{ name: 'solution', dueOn: '2027-01-15' }] });
    await run(as('SALES_DIRECTOR'), 'confirmTaskBook', { projectId: project, version: 1 });
    await run(as('ACCOUNT_MANAGER'), 'bookPresalesCost', { projectId: project, category: 'TRAVEL', amount: cny(12_000), spentOn: '2026-11-02', note: '差旅' });
    summarized = randomUUID();
    await run(as('ACCOUNT_MANAGER'), 'registerLead', lead(summarized));
    await run(as('SALES_SUPERVISOR'), 'screenLead', { projectId: summarized, decision: 'QUALIFY' });
    await run(as('SALES_DIRECTOR'), 'approveProject', {
      projectId: summarized, sponsorId: 'sales_director-a', presalesEngineerId: 'pe-a', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    });
    await run(as('PRESALES_ENGINEER'), 'recordExchange', { projectId: summarized, summary: 'memo', surveyNeeded: false });
    await run(as('PRESALES_ENGINEER'), 'submitSolution', { projectId: summarized, document: docOf('solution v1') });
    await run(as('MARKETING'), 'conveneReview', { projectId: summarized, subject: 'SOLUTION', reviewers: ['rv-a', 'de-a'] });
    await run(as('ACCOUNT_MANAGER'), 'requestTermination', { projectId: summarized, reason: 'budget cut' });
    await run(as('SALES_DIRECTOR'), 'decideTermination', { projectId: summarized, approve: true });
    await run(as('ACCOUNT_MANAGER'), 'summarizeProject', { projectId: summarized, reasons: ['BUDGET_CUT'], text: 'the budget was cut', lessons: 'ask for the budget early' });
    // an entry of the catalogue of standard solutions, which is no project's
    const { errors } = await psm.graphql('mutation($input: PublishStandardSolutionInput!) { publishStandardSolution(input: $input) { revision } }', { input: {
      commandId: randomUUID(), name: '标准工作站', productLine: 'ROBOT_CELL', document: docOf('standard cell'), referencePrice: cny(650_000),
    } }, as('MARKETING'));
    if (errors) throw new Error(JSON.stringify(errors));
    const closed = randomUUID();
    await run(as('ACCOUNT_MANAGER'), 'registerLead', lead(closed));
    await run(as('ACCOUNT_MANAGER'), 'requestTermination', { projectId: closed, reason: 'budget cut' });
    await run(as('SALES_DIRECTOR'), 'decideTermination', { projectId: closed, approve: true });
    // unit A's monthly reports of a past quarter, acknowledged, and its analysis with an action for a 销售策划 of unit A
    for (const reported of REPORTED_QUARTER_MONTHS) {
      await report(as('SALES_SUPERVISOR'), 'prepareMonthlyReport', { month: reported, analysis: '本月分析' });
      await report(as('SALES_SUPERVISOR'), 'submitMonthlyReport', { month: reported });
      await report(as('SALES_DIRECTOR'), 'acknowledgeMonthlyReport', { month: reported });
    }
    await report(as('SALES_DIRECTOR'), 'prepareQuarterlyAnalysis', {
      quarter: REPORTED_QUARTER, analysis: '季度分析', actions: [{ title: '展会推广', ownerId: 'sales_planner-a', dueOn: '2099-12-31' }],
    });
    await psm.caughtUp();
  }, 60_000);
  afterAll(() => psm.stop());

  /** Whether the caller was served with the project (or, for reports, figures that count it); never a server error. */
  const onBoard = async (token: string, args: string, variables: Record<string, unknown> = {}) => {
    const declared = args.includes('$at') ? '($at: DateTime)' : args.includes('$filter') ? '($filter: BoardFilterInput)' : '';
    const { data } = await psm.graphql(`query${declared} { pipelineBoard${args} { cards { projectId } } }`, variables, token);
    return data.pipelineBoard.some((column: { cards: Array<{ projectId: string }> }) => column.cards.some((card) => card.projectId === project));
  };
  const listed = async (token: string, filter: Record<string, unknown> = {}) => {
    const { data } = await psm.graphql('query($filter: ProjectsFilterInput) { projects(page: { offset: 0, limit: 100 }, filter: $filter) { items { projectId } } }', { filter }, token);
    return data.projects.items.some((item: { projectId: string }) => item.projectId === project);
  };
  const state = async (token: string, args: string, variables: Record<string, unknown>) => {
    const declared = args.includes('$at') ? ', $at: DateTime' : args.includes('$revision') ? ', $revision: Int' : '';
    return (await psm.graphql(`query($id: ID!${declared}) { project(id: $id${args}) { id } }`, { id: project, ...variables }, token)).data?.project?.id === project;
  };
  const tracked = async (token: string, args: string, variables: Record<string, unknown>) => {
    const declared = args.includes('$at') ? '($at: DateTime)' : args.includes('$filter') ? '($filter: TrackingTableFilterInput)' : '';
    const { data } = await psm.graphql(`query${declared} { trackingTable(page: { offset: 0, limit: 100 }${args}) { items { projectId nextActionOverdue } } }`, variables, token);
    return (data?.trackingTable?.items ?? []).some((row: { projectId: string; nextActionOverdue: boolean }) => row.projectId === project && row.nextActionOverdue);
  };
  const known = async (token: string, search: Record<string, unknown> = {}) => {
    const { data } = await psm.graphql('query($search: SummarySearchInput) { projectSummaries(page: { offset: 0, limit: 100 }, search: $search) { items { projectId } } }', { search }, token);
    return (data?.projectSummaries?.items ?? []).some((item: { projectId: string }) => item.projectId === summarized);
  };
  const quarter = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
  const monthly = async (token: string, args = '') =>
    ((await psm.graphql(`query${args ? '($at: DateTime)' : ''} { monthlyStatistics(month: "${month}"${args}) { rows { leads } } }`, args ? { at: new Date().toISOString() } : {}, token)).data?.monthlyStatistics?.rows[0]?.leads ?? 0) > 0;
  const quarterly = async (token: string, args = '') =>
    ((await psm.graphql(`query${args ? '($at: DateTime)' : ''} { quarterlyAnalysis(quarter: "${quarter}"${args}) { totals { leads } } }`, args ? { at: new Date().toISOString() } : {}, token)).data?.quarterlyAnalysis?.totals.leads ?? 0) > 0;
  const winLoss = async (token: string, args = '') =>
    ((await psm.graphql(`query${args.includes('$at') ? '($at: DateTime)' : ''} { winLossAnalysis(from: "${month}", to: "${month}"${args}) { closed } }`, args.includes('$at') ? { at: new Date().toISOString() } : {}, token)).data?.winLossAnalysis[0]?.closed ?? 0) > 0;

  const today = daysAgo(0);
  const month1st = `${month}-01`;
  const classedMajor = async (token: string, change: Record<string, number>, from: string, to: string) => {
    const candidate = JSON.stringify({ ...JSON.parse(readFileSync('policies/enterprise-standard.json', 'utf8')), ...change });
    const { data } = await psm.graphql('query($c: String!, $from: String!, $to: String!) { policyWhatIf(candidate: $c, from: $from, to: $to) { classes { differences { projectId } } } }', { c: candidate, from, to }, token);
    return (data?.policyWhatIf?.classes.differences ?? []).some((difference: { projectId: string }) => difference.projectId === project);
  };
  /** Whether the caller was served unit A's management report the query names (null for another unit: none prepared there). */
  const reported = async (token: string, query: string, asOf = false) => {
    const { data } = await psm.graphql(`query${asOf ? '($at: DateTime)' : ''} { ${query} }`, asOf ? { at: new Date().toISOString() } : {}, token);
    return Object.values(data ?? {}).some((value) => value !== null);
  };
  const at = (args: string) => (args.includes('$at') ? { declared: '($at: DateTime)', variables: { at: new Date().toISOString() } } : { declared: '', variables: {} });
  const followed = async (token: string, args: string) => {
    const { declared, variables } = at(args);
    return ((await psm.graphql(`query${declared} { presalesKpis(person: "pe-a", ${args}) { success { of } } }`, variables, token)).data?.presalesKpis?.success.of ?? 0) > 0;
  };
  const listedForMonth = async (token: string, args: string) => {
    const { declared, variables } = at(args);
    const { data } = await psm.graphql(`query${declared} { presalesKpisOfMonth(month: "${month}"${args}) { person success { of } } }`, variables, token);
    return (data?.presalesKpisOfMonth ?? []).some((row: { person: string; success: { of: number } }) => row.person === 'pe-a' && row.success.of > 0);
  };
  const drilled = async (token: string, args: string) => {
    const { declared, variables } = at(args);
    const { data } = await psm.graphql(`query${declared} { presalesKpiEvents(person: "pe-a", figure: FOLLOWED, ${args}) { items { projectId } } }`, variables, token);
    return (data?.presalesKpiEvents?.items ?? []).some((item: { projectId: string }) => item.projectId === project);
  };

  const SEES: Record<string, (token: string) => Promise<boolean>> = {
    pipelineBoard: (token) => onBoard(token, ''),
    'pipelineBoard(asOf)': (token) => onBoard(token, '(asOf: $at)', { at: new Date().toISOString() }),
    'pipelineBoard(filter)': (token) => onBoard(token, '(filter: $filter)', { filter: { ownerId: 'am-a', region: 'EAST' } }),
    'pipelineBoard(flag)': (token) => onBoard(token, '(flag: OVER_BUDGET)'),
    projects: (token) => listed(token),
    'projects(filter)': (token) => listed(token, { customer: '苏州', ownerId: 'am-a' }),
    project: (token) => state(token, '', {}),
    'project(asOf)': (token) => state(token, ', asOf: $at', { at: new Date().toISOString() }),
    'project(atRevision)': (token) => state(token, ', atRevision: $revision', { revision: 2 }),
    projectHistory: async (token) => {
      const { data } = await psm.graphql('query($id: ID!) { projectHistory(projectId: $id) { entries { revision } } }', { id: project }, token);
      return (data?.projectHistory?.entries.length ?? 0) > 0;
    },
    projectDiff: async (token) => {
      const { data } = await psm.graphql('query($id: ID!) { projectDiff(id: $id, from: { atRevision: 0 }, to: { atRevision: 4 }) { changes { field } } }', { id: project }, token);
      return (data?.projectDiff?.changes.length ?? 0) > 0;
    },
    availableActions: async (token) => {
      const { data } = await psm.graphql('query($id: ID!) { availableActions(projectId: $id, includeRefused: true) { command } }', { id: project }, token);
      return (data?.availableActions?.length ?? 0) > 0;
    },
    trackingTable: (token) => tracked(token, '', {}),
    'trackingTable(filter)': (token) => tracked(token, ', filter: $filter', { filter: { ownerId: 'am-a', region: 'EAST', overdueOnly: true } }),
    'trackingTable(asOf)': (token) => tracked(token, ', asOf: $at', { at: new Date().toISOString() }),
    projectSummaries: (token) => known(token),
    'projectSummaries(search)': (token) => known(token, { customer: '苏州', productLine: 'ROBOT_CELL', reason: 'BUDGET_CUT', outcome: 'TERMINATED', text: 'BUDGET' }),
    'GET /projects/:id/archive': async (token) => (await get(`/projects/${project}/archive`, token)).status === 200,
    verifyProject: async (token) => (await psm.graphql('query($id: ID!) { verifyProject(id: $id) { status } }', { id: project }, token)).data?.verifyProject?.status === 'INTACT',
    'myWork(userId)': async (token) => {
      const { data } = await psm.graphql('{ myWork(userId: "rv-a") { projectId } }', {}, token);
      return (data?.myWork ?? []).some((item: { projectId: string }) => item.projectId === project);
    },
    monthlyStatistics: (token) => monthly(token),
    'monthlyStatistics(asOf)': (token) => monthly(token, ', asOf: $at'),
    quarterlyAnalysis: (token) => quarterly(token),
    'quarterlyAnalysis(asOf)': (token) => quarterly(token, ', asOf: $at'),
    winLossAnalysis: (token) => winLoss(token),
    'winLossAnalysis(asOf)': (token) => winLoss(token, ', asOf: $at'),
    'winLossAnalysis(filter)': (token) => winLoss(token, ', filter: { region: "EAST" }'),
    'GET /reports/monthly.csv': async (token) => csvCountsALead(await get(`/reports/monthly.csv?month=${month}`, token)),
    'GET /reports/quarterly.csv': async (token) => csvCountsALead(await get(`/reports/quarterly.csv?quarter=${quarter}`, token)),
    rebuildReadModels: async (token) => !(await psm.graphql('mutation { rebuildReadModels(names: ["my-work"]) { name } }', {}, token)).errors,
    health: async (token) => (await psm.graphql('{ health { eventStore } }', {}, token)).data?.health?.eventStore === 'UP',
    standardSolutions: async (token) => ((await psm.graphql('{ standardSolutions { entryId } }', {}, token)).data?.standardSolutions?.length ?? 0) > 0,
    // policy what-if: a candidate under which the project (800,000 CNY, approved this month) is MAJOR counts it among the classes that differ
    'policyWhatIf(candidate)': (token) => classedMajor(token, { majorProjectAbove: 50_000_000 }, month1st, today),
    'policyWhatIf(from)': (token) => classedMajor(token, { majorProjectAbove: 70_000_000 }, daysAgo(300), today),
    'policyWhatIf(to)': (token) => classedMajor(token, { majorProjectAbove: 70_000_000 }, month1st, daysAgo(-30)),
    monthlyReport: (token) => reported(token, 'monthlyReport(month: "2026-08") { status }'),
    'monthlyReport(asOf)': (token) => reported(token, 'monthlyReport(month: "2026-08", asOf: $at) { status }', true),
    monthlyReports: async (token) => ((await psm.graphql('{ monthlyReports(year: 2026) { month } }', {}, token)).data?.monthlyReports?.length ?? 0) > 0,
    monthlyReportRestatement: (token) => reported(token, 'monthlyReportRestatement(month: "2026-08") { version }'),
    'monthlyReportRestatement(asOf)': (token) => reported(token, 'monthlyReportRestatement(month: "2026-08", asOf: $at) { version }', true),
    'GET /reports/monthly-restatement.csv': async (token) => (await get('/reports/monthly-restatement.csv?month=2026-08', token)).status === 200,
    quarterlyAnalysisReport: (token) => reported(token, `quarterlyAnalysisReport(quarter: "${REPORTED_QUARTER}") { quarter }`),
    'quarterlyAnalysisReport(asOf)': (token) => reported(token, `quarterlyAnalysisReport(quarter: "${REPORTED_QUARTER}", asOf: $at) { quarter }`, true),
    followUpActions: async (token) => ((await psm.graphql('{ followUpActions { action } }', {}, token)).data?.followUpActions?.length ?? 0) > 0,
    'followUpActions(filter)': async (token) =>
      ((await psm.graphql(`{ followUpActions(quarter: "${REPORTED_QUARTER}", status: OPEN, limit: 10) { action } }`, {}, token)).data?.followUpActions?.length ?? 0) > 0,
    // 售前考核: pe-a followed the project (its engineer, its exchange and solution); a figure counting it, or an event of it, is served
    presalesKpis: (token) => followed(token, `month: "${month}"`),
    'presalesKpis(year)': (token) => followed(token, `year: "${month.slice(0, 4)}"`),
    'presalesKpis(asOf)': (token) => followed(token, `month: "${month}", asOf: $at`),
    presalesKpisOfMonth: (token) => listedForMonth(token, ''),
    'presalesKpisOfMonth(asOf)': (token) => listedForMonth(token, ', asOf: $at'),
    presalesKpiEvents: (token) => drilled(token, `month: "${month}"`),
    'presalesKpiEvents(year)': (token) => drilled(token, `year: "${month.slice(0, 4)}"`),
    'presalesKpiEvents(asOf)': (token) => drilled(token, `month: "${month}", asOf: $at`),
  };
  const expected = (cell: Cell, member: boolean) => cell === 'yes' || ((cell === 'member' || cell === 'unit') && member);
  const eventsOf = async (projectId: string) => (await psm.graphql('query($id: ID!) { verifyProject(id: $id) { events } }', { id: projectId }, as('SALES_DIRECTOR'))).data?.verifyProject?.events;
  function subscription(token: string) {
    const client = createClient({ url: psm.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const received: string[] = [];
    const connected = new Promise((resolve) => client.on('connected', resolve));
    client.subscribe<{ boardChanged: { projectId: string } }>({ query: 'subscription { boardChanged { projectId } }' }, {
      next: ({ data }) => data && received.push(data.boardChanged.projectId), error: () => undefined, complete: () => undefined,
    });
    return { client, received, connected };
  }
  const get = (path: string, token: string) => fetch(`${psm.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  async function csvCountsALead(response: Response): Promise<boolean> {
    if (response.status !== 200) return false;
    const [, row] = (await response.text()).split('\n');
    return Number(row?.split(',')[1] ?? 0) > 0;
  }

  it('classifies every query and every read route of the service', () => {
    const queries = Object.keys(psm.app.get(GraphQLSchemaHost).schema.getQueryType()!.getFields());
    expect(Object.keys(rules).sort()).toEqual([...Object.keys(SEES), 'boardChanged'].sort());
    expect([...callers].sort()).toEqual([...ROLES, 'no role'].sort());
    for (const query of queries) expect(Object.keys(rules).some((operation) => operation.startsWith(query))).toBe(true);
  });

  it('serves every allowed cell and refuses every forbidden one, as SECURITY.md says', async () => {
    const mismatches: string[] = [];
    for (const [operation, byCaller] of Object.entries(rules)) {
      if (operation === 'boardChanged') continue;
      for (const caller of callers) {
        for (const member of [true, false]) {
          const seen = await SEES[operation](userFor(caller, member).token);
          if (seen !== expected(byCaller[caller], member)) mismatches.push(`${operation} × ${caller} × ${member ? 'member' : 'non-member'}: ${byCaller[caller]} but ${seen ? 'served' : 'not served'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 90_000);

  it('pushes the project\'s card through boardChanged to every allowed cell and to no other', async () => {
    const sockets = callers.flatMap((caller) => [true, false].map((member) => ({ caller, member, ...subscription(userFor(caller, member).token) })));
    await Promise.all(sockets.map(({ connected }) => connected));
    const pushedTo = ({ received }: { received: string[] }) => received.includes(project);
    const allowed = sockets.filter(({ caller, member }) => expected(rules.boardChanged[caller], member));
    // a subscription starts a moment after its socket is acknowledged: change the project again until every allowed one has heard
    for (let attempt = 0; attempt < 5 && !allowed.every(pushedTo); attempt++) {
      await run(as('ACCOUNT_MANAGER'), 'addTrackingNote', { projectId: project, ...OVERDUE_NOTE, note: 'pushed to whom?' });
      for (let i = 0; i < 100 && !allowed.every(pushedTo); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all(sockets.map(({ client }) => client.dispose()));
    const mismatches = sockets.filter((socket) => pushedTo(socket) !== allowed.includes(socket))
      .map(({ caller, member }) => `boardChanged × ${caller} × ${member ? 'member' : 'non-member'}: ${rules.boardChanged[caller]}`);
    expect(mismatches).toEqual([]);
    expect(allowed.length).toBeGreaterThan(0);
  });

  it('answers every command on a project its caller may not see exactly as on a missing project, and appends nothing', async () => {
    const mutations = psm.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields();
    const before = await eventsOf(project);
    const mismatches: string[] = [];
    for (const command of Object.keys(COMMAND_ROLES).filter((type) => type !== 'RegisterLead')) {
      const field = mutations[`${command[0].toLowerCase()}${command.slice(1)}`];
      const [input] = fc.sample(validValue(field.args[0].type, 'input', { projectId: project }), { seed: 11, numRuns: 1 });
      const send = (projectId: string, token: string) => psm.graphql(
        `mutation($input: ${String(field.args[0].type)}) { ${field.name}(input: $input) { revision } }`,
        { input: { ...(input as object), projectId, commandId: randomUUID() } }, token,
      ).then(({ errors }) => JSON.stringify(errors ?? 'served').replaceAll(projectId, '<id>'));
      for (const caller of callers) {
        // unit roles of another unit; account managers, engineers and reviewers named nowhere on it; ADMIN; no role
        const { token } = userFor(caller, false);
        const [onHidden, onMissing] = [await send(project, token), await send(randomUUID(), token)];
        if (onHidden !== onMissing) mismatches.push(`${field.name} × ${caller}: ${onHidden} where a missing project answers ${onMissing}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(await eventsOf(project)).toBe(before);
  }, 120_000);

  it('tells whoever registers a lead under a taken id only that it is taken, member or not', async () => {
    const answers = await Promise.all([userFor('ACCOUNT_MANAGER', true), userFor('ACCOUNT_MANAGER', false), userFor('SALES_SUPERVISOR', false)].map(async ({ token }) => {
      const { errors } = await psm.graphql('mutation($input: RegisterLeadInput!) { registerLead(input: $input) { revision } }', { input: { commandId: randomUUID(), ...lead(project) } }, token);
      return errors?.map((error) => [error.message, error.extensions.code, error.extensions.domainCode]);
    }));
    expect(answers).toEqual(Array(3).fill([[`project ${project} already exists`, 'CONFLICT', 'PROJECT_EXISTS']]));
  });

  it('refuses every mutation of the procedure to a role not allowed to issue it, member or not, and to no other', async () => {
    const mutations = psm.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields();
    const mismatches: string[] = [];
    for (const [command, allowed] of Object.entries(COMMAND_ROLES)) {
      const field = mutations[`${command[0].toLowerCase()}${command.slice(1)}`];
      const [input] = fc.sample(validValue(field.args[0].type, 'input', { projectId: project }), { seed: 7, numRuns: 1 });
      for (const role of callers) {
        for (const member of [true, false]) {
          const { errors } = await psm.graphql(
            `mutation($input: ${String(field.args[0].type)}) { ${field.name}(input: $input) { revision } }`,
            { input: { ...(input as object), commandId: randomUUID() } },
            userFor(role, member).token,
          );
          const refusedForRole = errors?.some((error) => error.extensions.domainCode === 'NOT_ALLOWED_FOR_ROLE' && error.extensions.code === 'FORBIDDEN') ?? false;
          const serverError = errors?.some((error) => error.extensions.code === 'INTERNAL_SERVER_ERROR') ?? false;
          if (refusedForRole === allowed.includes(role as Role) || serverError) {
            mismatches.push(`${field.name} × ${role} × ${member ? 'member' : 'non-member'}: ${JSON.stringify(errors ?? 'served')}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
