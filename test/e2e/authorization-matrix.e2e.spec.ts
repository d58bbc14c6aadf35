import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TokenService } from '../../src/auth/token.service.js';
import { COMMAND_ROLES } from '../../src/domain/project/commands.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { ROLES, type Role } from '../../src/domain/project/vocabulary.js';
import { validValue } from '../support/fuzz/edge-valid-values.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

type Cell = 'yes' | 'no' | 'member' | 'unit';

/** SECURITY.md's "Who reads what" table: operation → role → cell. */
function ruleTable(): Record<string, Record<string, Cell>> {
  const section = readFileSync('SECURITY.md', 'utf8').split('### Who reads what')[1].split('\n## ')[0];
  const [header, , ...rows] = section.split('\n').filter((line) => line.startsWith('|'));
  const roles = header.split('|').slice(2, -1).map((cell) => cell.trim() as Role);
  return Object.fromEntries(rows.map((row) => {
    const [operation, ...cells] = row.split('|').slice(1, -1).map((cell) => cell.trim());
    return [operation.replace(/`/g, ''), Object.fromEntries(roles.map((role, i) => [role, cells[i] as Cell]))];
  }));
}

const UNIT_A = 'BU-A';
const UNIT_B = 'BU-B';
const MEMBER_USERS: Partial<Record<Role, string>> = { ACCOUNT_MANAGER: 'am-a', PRESALES_ENGINEER: 'pe-a', REVIEWER: 'rv-a' };
const month = shanghaiDate(new Date()).slice(0, 7);

describe('the authorization matrix: every query and mutation × every role × member / non-member', () => {
  let psm: PsmApp;
  let project: string;
  const rules = ruleTable();

  /** A user of the role who is a member of the project (unit roles: of its unit), or one who is not. */
  const userFor = (role: Role, member: boolean) => {
    const userId = member ? (MEMBER_USERS[role] ?? `${role.toLowerCase()}-a`) : `${role.toLowerCase()}-${MEMBER_USERS[role] ? 'x' : 'b'}`;
    const inUnitB = !member && !MEMBER_USERS[role];
    return { userId, token: psm.app.get(TokenService).sign({ userId, roles: [role], businessUnit: inUnitB ? UNIT_B : UNIT_A }) };
  };
  const as = (role: Role, userId?: string) =>
    psm.app.get(TokenService).sign({ userId: userId ?? MEMBER_USERS[role] ?? `${role.toLowerCase()}-a`, roles: [role], businessUnit: UNIT_A });
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
    await run(as('PRESALES_ENGINEER'), 'submitSolution', { projectId: project, document: docOf('solution v1'), systemBudget: cny(600_000), reviewers: ['rv-a'] });
    const closed = randomUUID();
    await run(as('ACCOUNT_MANAGER'), 'registerLead', lead(closed));
    await run(as('ACCOUNT_MANAGER'), 'requestTermination', { projectId: closed, reason: 'budget cut' });
    await run(as('SALES_DIRECTOR'), 'decideTermination', { projectId: closed, approve: true });
    await psm.caughtUp();
  }, 60_000);
  afterAll(() => psm.stop());

  /** Whether the caller was served with the project (or, for reports, figures that count it); never a server error. */
  const SEES: Record<string, (token: string) => Promise<boolean>> = {
    pipelineBoard: async (token) => {
      const { data } = await psm.graphql('{ pipelineBoard { cards { projectId } } }', {}, token);
      return data.pipelineBoard.some((column: { cards: Array<{ projectId: string }> }) => column.cards.some((card) => card.projectId === project));
    },
    projects: async (token) => {
      const { data } = await psm.graphql('{ projects(page: { offset: 0, limit: 100 }) { items { projectId } } }', {}, token);
      return data.projects.items.some((item: { projectId: string }) => item.projectId === project);
    },
    project: async (token) => (await psm.graphql('query($id: ID!) { project(id: $id) { id } }', { id: project }, token)).data?.project?.id === project,
    projectHistory: async (token) => {
      const { data } = await psm.graphql('query($id: ID!) { projectHistory(projectId: $id) { entries { revision } } }', { id: project }, token);
      return (data?.projectHistory?.entries.length ?? 0) > 0;
    },
    projectDiff: async (token) => {
      const { data } = await psm.graphql('query($id: ID!) { projectDiff(id: $id, from: { atRevision: 0 }, to: { atRevision: 4 }) { changes { field } } }', { id: project }, token);
      return (data?.projectDiff?.changes.length ?? 0) > 0;
    },
    'GET /projects/:id/archive': async (token) => (await get(`/projects/${project}/archive`, token)).status === 200,
    verifyProject: async (token) => (await psm.graphql('query($id: ID!) { verifyProject(id: $id) { status } }', { id: project }, token)).data?.verifyProject?.status === 'INTACT',
    'myWork (the reviewer\'s)': async (token) => {
      const { data } = await psm.graphql('{ myWork(userId: "rv-a") { projectId } }', {}, token);
      return (data?.myWork ?? []).some((item: { projectId: string }) => item.projectId === project);
    },
    monthlyStatistics: async (token) => ((await psm.graphql(`{ monthlyStatistics(month: "${month}") { rows { leads } } }`, {}, token)).data?.monthlyStatistics?.rows[0]?.leads ?? 0) > 0,
    quarterlyAnalysis: async (token) => {
      const quarter = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
      return ((await psm.graphql(`{ quarterlyAnalysis(quarter: "${quarter}") { totals { leads } } }`, {}, token)).data?.quarterlyAnalysis?.totals.leads ?? 0) > 0;
    },
    winLossAnalysis: async (token) => ((await psm.graphql(`{ winLossAnalysis(from: "${month}", to: "${month}") { closed } }`, {}, token)).data?.winLossAnalysis[0]?.closed ?? 0) > 0,
    'GET /reports/monthly.csv': async (token) => csvCountsALead(await get(`/reports/monthly.csv?month=${month}`, token)),
    'GET /reports/quarterly.csv': async (token) => csvCountsALead(await get(`/reports/quarterly.csv?quarter=${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`, token)),
    rebuildReadModels: async (token) => !(await psm.graphql('mutation { rebuildReadModels(names: ["my-work"]) { name } }', {}, token)).errors,
    health: async (token) => (await psm.graphql('{ health { eventStore } }', {}, token)).data?.health?.eventStore === 'UP',
  };
  const get = (path: string, token: string) => fetch(`${psm.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  async function csvCountsALead(response: Response): Promise<boolean> {
    if (response.status !== 200) return false;
    const [, row] = (await response.text()).split('\n');
    return Number(row?.split(',')[1] ?? 0) > 0;
  }

  it('classifies every query and every read route of the service', () => {
    const queries = Object.keys(psm.app.get(GraphQLSchemaHost).schema.getQueryType()!.getFields());
    expect(Object.keys(rules).sort()).toEqual(Object.keys(SEES).sort());
    for (const query of queries) expect(Object.keys(rules).some((operation) => operation.startsWith(query))).toBe(true);
  });

  it('serves every allowed cell and refuses every forbidden one, as SECURITY.md says', async () => {
    const mismatches: string[] = [];
    for (const [operation, byRole] of Object.entries(rules)) {
      for (const role of ROLES) {
        for (const member of [true, false]) {
          const cell = byRole[role];
          const expected = cell === 'yes' || ((cell === 'member' || cell === 'unit') && member);
          const seen = await SEES[operation](userFor(role, member).token);
          if (seen !== expected) mismatches.push(`${operation} × ${role} × ${member ? 'member' : 'non-member'}: ${cell} but ${seen ? 'served' : 'not served'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('refuses every mutation of the procedure to a role not allowed to issue it, member or not, and to no other', async () => {
    const mutations = psm.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields();
    const mismatches: string[] = [];
    for (const [command, allowed] of Object.entries(COMMAND_ROLES)) {
      const field = mutations[`${command[0].toLowerCase()}${command.slice(1)}`];
      const [input] = fc.sample(validValue(field.args[0].type, 'input', { projectId: project }), { seed: 7, numRuns: 1 });
      for (const role of ROLES) {
        for (const member of [true, false]) {
          const { errors } = await psm.graphql(
            `mutation($input: ${String(field.args[0].type)}) { ${field.name}(input: $input) { revision } }`,
            { input: { ...(input as object), commandId: randomUUID() } },
            userFor(role, member).token,
          );
          const refusedForRole = errors?.some((error) => error.extensions.domainCode === 'NOT_ALLOWED_FOR_ROLE' && error.extensions.code === 'FORBIDDEN') ?? false;
          const serverError = errors?.some((error) => error.extensions.code === 'INTERNAL_SERVER_ERROR') ?? false;
          if (refusedForRole === allowed.includes(role) || serverError) {
            mismatches.push(`${field.name} × ${role} × ${member ? 'member' : 'non-member'}: ${JSON.stringify(errors ?? 'served')}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
