import { buildSchema, getIntrospectionQuery, isListType, getNullableType, isObjectType, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { REPORT_QUERIES } from '../../bench/report-queries.js';
import { loadConfig } from '../../src/config/app-config.js';
import { requestCost } from '../../src/graphql/document-limits.js';
import { FIELD_COSTS } from '../../src/graphql/field-costs.js';

const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
const { GRAPHQL_MAX_COST, GRAPHQL_EXPENSIVE_COST } = loadConfig({});
const costOf = (query: string, variables: Record<string, unknown> = {}) => requestCost(schema, parse(query), variables);
const aliased = (times: number, field: string) => `{ ${Array.from({ length: times }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const ASOF = { a: '2026-01-01T00:00:00Z' };

describe('what a request costs: the work behind its fields and the items its lists answer', () => {
  it('prices the probe’s requests far over the default cap (review finding 4)', () => {
    expect(costOf(`query($a: DateTime) ${aliased(450, 'pipelineBoard(asOf: $a) { count }')}`, ASOF).cost).toBeGreaterThan(5 * GRAPHQL_MAX_COST);
    expect(costOf(`query($m: String!, $a: DateTime) ${aliased(200, 'monthlyStatistics(month: $m, asOf: $a) { month }')}`, { m: '2026-01', ...ASOF }).cost).toBeGreaterThan(5 * GRAPHQL_MAX_COST);
    expect(costOf(`query($id: ID!) ${aliased(250, 'projectHistory(projectId: $id, limit: 1000) { entries { payload } }')}`, { id: 'x' }).cost).toBeGreaterThan(5 * GRAPHQL_MAX_COST);
  });

  it('prices an as-of replay far above the live read, and a report above a scalar', () => {
    const live = costOf('{ pipelineBoard { count } }').cost;
    expect(costOf('query($a: DateTime) { pipelineBoard(asOf: $a) { count } }', ASOF).cost).toBeGreaterThan(20 * live);
    const report = costOf('{ monthlyStatistics(month: "2026-01") { month } }').cost;
    expect(costOf('query($a: DateTime) { monthlyStatistics(month: "2026-01", asOf: $a) { month } }', ASOF).cost).toBeGreaterThan(5 * report);
    expect(report).toBeGreaterThan(20 * costOf('{ health { eventStore } }').cost);
    expect(costOf('query($a: DateTime) { project(id: "x", asOf: $a) { stage } }', ASOF).cost).toBeGreaterThan(5 * costOf('{ project(id: "x") { stage } }').cost);
  });

  it('prices a list by its page size times what each item selects', () => {
    const board = (n: number, card: string) => costOf(`{ pipelineBoard(cardsPerColumn: ${n}) { count cards { ${card} } } }`).cost;
    expect(board(1000, 'projectId') - board(0, 'projectId')).toBe(9 * 1000);
    expect(board(1000, 'projectId title customer') - board(0, 'projectId title customer')).toBe(9 * 3000);
    const history = (limit: number) => costOf(`{ projectHistory(projectId: "x", limit: ${limit}) { entries { revision payload } } }`).cost;
    expect(history(1000) - history(1)).toBe(999 * 2);
    expect(history(1_000_000)).toBe(history(1000)); // the resolver answers at most 1000
    const projects = (limit: number) => costOf(`{ projects(page: { limit: ${limit} }) { total items { projectId stage } } }`).cost;
    expect(projects(100) - projects(1)).toBe(99 * 2);
    expect(costOf('{ projects { items { projectId } } }').cost).toBe(costOf('{ projects(page: { limit: 20 }) { items { projectId } } }').cost);
  });

  it('counts fields, commands and replays of the whole log beside the cost', () => {
    expect(costOf(`query($a: DateTime) { a: pipelineBoard(asOf: $a) { count } b: winLossAnalysis(from: "2026-01", to: "2026-02", asOf: $a) { key } }`, ASOF))
      .toMatchObject({ fields: 4, commands: 0, wholeLogReplays: 2 });
    expect(costOf('mutation { addTrackingNote(input: { projectId: "x", commandId: "y", kind: CALL, note: "n" }) { revision } }')).toMatchObject({ fields: 2, commands: 1 });
  });

  it('calls as-of replays and reports expensive, live boards, lists and pages not', () => {
    expect(costOf('query($a: DateTime) { pipelineBoard(asOf: $a) { count } }', ASOF).work).toBeGreaterThanOrEqual(GRAPHQL_EXPENSIVE_COST);
    expect(costOf(REPORT_QUERIES.monthlyStatistics).work).toBeGreaterThanOrEqual(GRAPHQL_EXPENSIVE_COST);
    expect(costOf(REPORT_QUERIES.pipelineBoard).work).toBeLessThan(GRAPHQL_EXPENSIVE_COST);
    expect(costOf('{ projectHistory(projectId: "x", limit: 1000) { entries { payload } } }').work).toBeLessThan(GRAPHQL_EXPENSIVE_COST);
  });

  it('keeps what the benches, the tests and GraphiQL ask under the default cap', () => {
    for (const query of Object.values(REPORT_QUERIES)) expect(costOf(query).cost).toBeLessThan(GRAPHQL_MAX_COST);
    const history = `{ projectHistory(projectId: "x", limit: 1000) { headRevision nextFrom entries { revision type label occurredAt recordedAt
      actor { userId name roles } commandId correlationId payload decidedDocument { kind title version sha256 uri filedAt } } } }`;
    expect(costOf(history).cost).toBeLessThan(GRAPHQL_MAX_COST);
    expect(costOf('{ pipelineBoard(cardsPerColumn: 1000) { stage count amount cards { projectId amount { amount } } } }').cost).toBeLessThan(GRAPHQL_MAX_COST);
    const typedProject = `{ project(id: "x") { lead { title contact { name } } solution { reviewers votes { reviewerId vote } document { sha256 } }
      solutionVersions { reviewers votes { reviewerId vote comments scores { rationality innovation completeness } } outcome }
      quotation { requiredApprovals approvals { role approverId } approvalsMissing document { sha256 } } quotationVersions { approvals { role approverId } }
      agreement { reviewers votes { reviewerId vote } signature { signerId capacity } } agreementVersions { votes { reviewerId vote comments } }
      contract { chain { role userId signed signedBy } nextSigner { role userId } } documents { kind title version sha256 uri filedAt }
      openDeadlines { kind dueAt waitingFor { userId role } } milestones { name dueOn } negotiations { notes } handover { items { sha256 } } } }`;
    expect(costOf(typedProject).cost).toBeLessThan(GRAPHQL_MAX_COST);
    expect(costOf(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true })).cost).toBeLessThan(GRAPHQL_MAX_COST);
  });

  it('prices a policy what-if as a replay of the whole log: expensive, its whole answer under the cap, three at once over it', () => {
    const whole = `policyWhatIf(candidate: $c, from: "2026-01-01", to: "2026-06-30") { periodStart periodEnd inForce { profile version } candidate { profile version }
      versionsInPeriod { profile version decisions first last } projects
      approvals { decisions deciders routings differences { projectId at kind decision decidedBy decidedAs inForce candidate policy { profile version } } }
      deadlines { steps overdueInForce overdueUnderCandidate becameOverdue becameOnTime differences { projectId kind startedAt stoppedAt inForce { dueAt overdueAt overdue } candidate { dueAt overdueAt overdue } } }
      classes { projects becameMajor becameGeneral differences { projectId title estimatedAmount { amount currency } quotedAmount { amount currency } inForce candidate } }
      pipeline { currency amount inForceWeighted candidateWeighted stages { stage count amount inForceWeight candidateWeight inForceWeighted candidateWeighted } } }`;
    const one = costOf(`query($c: String!) { ${whole} }`, { c: '{}' });
    expect(one).toMatchObject({ wholeLogReplays: 1 });
    expect(one.work).toBeGreaterThanOrEqual(GRAPHQL_EXPENSIVE_COST);
    expect(one.cost).toBeLessThan(GRAPHQL_MAX_COST);
    expect(costOf(`query($c: String!) { ${[1, 2, 3].map((i) => `a${i}: ${whole}`).join(' ')} }`, { c: '{}' }).cost).toBeGreaterThan(GRAPHQL_MAX_COST);
  });

  it('names every list field of the schema in the cost table, or sizes it by its parent', () => {
    const paged = new Set(Object.values(FIELD_COSTS).flatMap((cost) => (cost.page ? [cost.page.list] : [])));
    const lists = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => !type.name.startsWith('__') && type.name !== 'Subscription')
      .flatMap((type) => Object.values(type.getFields()).filter((field) => isListType(getNullableType(field.type))).map((field) => `${type.name}.${field.name}`));
    expect(lists.filter((coordinate) => !FIELD_COSTS[coordinate]?.items && !paged.has(coordinate))).toEqual([]);
  });
});
