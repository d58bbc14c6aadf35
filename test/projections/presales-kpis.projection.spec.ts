import { randomUUID } from 'node:crypto';
import { presalesKpisProjection } from '../../projections/presales-kpis/presales-kpis.projection.js';
import { boundBy, outcomeOf, PresalesKpiReport } from '../../projections/presales-kpis/presales-kpis.query.js';
import { stageHistoryProjection } from '../../projections/stage-history/stage-history.projection.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { AM, cny, doc, ENGINEER, leadRegistered, PROJECT } from '../unit/domain/fixtures.js';
import { storedEvents } from '../support/stored-events.js';

const SCALE = { min: 1, max: 5 };
const B = randomUUID();
/** Events of a project at the instants given, each sent by the actor given (the pre-sales engineer's steps in that role). */
function at(projectId: string, steps: Array<[ProjectEvent, string, string?, string?]>): StoredEvent[] {
  return storedEvents(projectId, steps.map(([event]) => event)).map((stored, index) => {
    const [, instant, userId = AM, role = 'ACCOUNT_MANAGER'] = steps[index];
    return { ...stored, recordedAt: instant, metadata: { ...stored.metadata, occurredAt: instant, actor: { userId, roles: [role] }, dimensions: { ownerId: AM, region: 'EAST', productLine: 'ROBOT_CELL', projectClass: 'GENERAL', businessUnit: null } } };
  });
}
const approved = (presalesEngineerId = ENGINEER): ProjectEvent => ({
  type: 'ProjectApproved', data: { projectClass: 'GENERAL', approvedBy: 'dir-sun', sponsorId: 'dir-sun', presalesEngineerId, hasMatureReference: true, milestones: [], presalesBudget: cny(20_000) },
});
const engineer = [ENGINEER, 'PRESALES_ENGINEER'] as const;
const A = PROJECT;
const registered = leadRegistered() as Extract<ProjectEvent, { type: 'LeadRegistered' }>;
const projectA = at(A, [
  [leadRegistered(), '2026-11-02T02:00:00Z'],
  [approved(), '2026-11-03T02:00:00Z', 'dir-sun', 'SALES_DIRECTOR'],
  [{ type: 'ExchangeRecorded', data: { summary: 'memo', surveyNeeded: false } }, '2026-11-04T02:00:00Z', ...engineer],
  [{ type: 'SolutionSubmitted', data: { version: 1, document: doc('solution'), authorId: ENGINEER } }, '2026-11-05T02:00:00Z', ...engineer],
  [{ type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-1', vote: 'APPROVE', documentSha256: doc('solution').sha256, scores: { rationality: 5, innovation: 4, completeness: 3 } } }, '2026-11-06T02:00:00Z', 'rv-1', 'REVIEWER'],
  [{ type: 'SatisfactionSurveyAnswered', data: { number: 1, rates: [ENGINEER], scale: SCALE, answers: [5, 5, 3, 3].map((score, i) => ({ questionId: `q${i}`, score })) } }, '2026-11-07T02:00:00Z', 'system:survey-link', 'ADMIN'],
  [{ type: 'CollaborationRated', data: { person: ENGINEER, score: 4, scale: SCALE, comment: 'ok', ratedBy: AM } }, '2026-11-08T02:00:00Z'],
  [{ type: 'DemoHeld', data: { number: 1, presenters: [ENGINEER, 'pe-li'], heldOn: '2026-11-30' } }, '2026-12-01T02:00:00Z', ...engineer],
  [{ type: 'ContractSigned', data: { version: 1, amount: cny(90_000), signedOn: '2026-12-10', document: doc('contract') } }, '2026-12-10T02:00:00Z'],
]);
// an exchange the account manager records is not pre-sales work; the engineer's is
const projectB = at(B, [
  [{ ...registered, data: { ...registered.data, projectId: B } }, '2026-12-02T02:00:00Z'],
  [approved('pe-li'), '2026-12-03T02:00:00Z', 'dir-sun', 'SALES_DIRECTOR'],
  [{ type: 'ExchangeRecorded', data: { summary: 'memo', surveyNeeded: true } }, '2026-12-04T02:00:00Z'],
  [{ type: 'SurveyCompleted', data: { summary: 'site', solutionDueOn: '2026-12-20' } }, '2026-12-05T02:00:00Z', ...engineer],
]);

async function readModels(events: StoredEvent[], twice = false) {
  const reads = new EmbeddedReadStore(':memory:');
  for (const projection of [presalesKpisProjection, stageHistoryProjection]) {
    await reads.defineCollections(projection.collections);
    for (const event of events) {
      await reads.commit(projection.name, projection.project(event), event.position);
      if (twice) await reads.commit(projection.name, projection.project(event), event.position);
    }
  }
  return new PresalesKpiReport(reads);
}
const NOW = new Date('2027-01-15T00:00:00Z');

describe('售前考核 read model: every KPI from the facts its events give', () => {
  it('success rate: projects won (signed in the period) over projects followed, a won project counting as followed in the month it is won', async () => {
    const report = await readModels([...projectA, ...projectB]);
    const [november] = await report.kpis(['2026-11'], null, NOW, [ENGINEER]);
    expect(november.success).toEqual({ count: 0, of: 1, rate: 0 });
    const [december] = await report.kpis(['2026-12'], null, NOW, [ENGINEER]);
    expect(december.success).toEqual({ count: 1, of: 2, rate: 0.5 });
    const year = await report.kpis(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`), null, NOW, [ENGINEER]);
    expect(year[0].success).toEqual({ count: 1, of: 2, rate: 0.5 });
  });

  it('scores out of 100: the survey\'s mean answer, the reviewers\' scores of the solutions the person wrote, the departments\' ratings', async () => {
    const [kpis] = await (await readModels(projectA)).kpis(['2026-11'], null, NOW, [ENGINEER]);
    expect(kpis.satisfaction).toEqual({ count: 1, total: 75, score: 75 });
    expect(kpis.solutionQuality).toEqual({ count: 1, total: 75, score: 75 });
    expect(kpis.collaboration).toEqual({ count: 1, total: 75, score: 75 });
    expect(kpis.demos).toBe(1);
  });

  it('lists everyone who did pre-sales work, presented or was rated; a presenter follows the project; the account manager\'s own exchange makes nobody a pre-sales person', async () => {
    const people = (await (await readModels([...projectA, ...projectB])).kpis(['2026-12'], null, NOW)).map((row) => [row.person, row.success.of, row.demos]);
    expect(people).toEqual([['pe-li', 2, 0], [ENGINEER, 2, 0]]);
    const november = (await (await readModels([...projectA, ...projectB])).kpis(['2026-11'], null, NOW)).map((row) => [row.person, row.demos]);
    expect(november).toEqual([['pe-li', 1], [ENGINEER, 1]]);
  });

  it('a redelivered event changes nothing', async () => {
    const once = await (await readModels([...projectA, ...projectB])).kpis(['2026-11', '2026-12'], null, NOW);
    expect(await (await readModels([...projectA, ...projectB], true)).kpis(['2026-11', '2026-12'], null, NOW)).toEqual(once);
  });

  it('each figure opens to the events that make it', async () => {
    const report = await readModels([...projectA, ...projectB]);
    const rows = async (figure: Parameters<PresalesKpiReport['events']>[4], month: string) =>
      (await report.events(ENGINEER, [month], null, NOW, figure)).map((event) => [event.projectId, event.revision, event.type, event.value]);
    expect(await rows('FOLLOWED', '2026-12')).toEqual([[A, 7, 'DemoHeld', undefined], [B, 3, 'SurveyCompleted', undefined], [A, 8, 'ContractSigned', undefined]]);
    expect(await rows('SATISFACTION', '2026-11')).toEqual([[A, 5, 'SatisfactionSurveyAnswered', 75]]);
    expect(await rows('SOLUTION_QUALITY', '2026-11')).toEqual([[A, 4, 'ReviewVoteCast', 75]]);
    expect(await rows('DEMOS', '2026-11')).toEqual([[A, 7, 'DemoHeld', undefined]]);
  });

  it('an SLA step binds who did it, else whom it waits for by name; done by its limit is on time, past it late, not yet due counts nowhere', () => {
    const clock = { waitingFor: [{ userId: ENGINEER }, { role: 'TECH_MANAGER' as const }], overdueAt: '2026-12-01T16:00:00.000Z' };
    expect(boundBy(clock)).toEqual([ENGINEER]);
    expect(boundBy({ ...clock, doneBy: 'pe-li' })).toEqual(['pe-li']);
    expect(outcomeOf({ ...clock, doneBy: ENGINEER, stoppedAt: '2026-12-01T15:00:00.000Z' }, NOW.toISOString())).toBe('ON_TIME');
    expect(outcomeOf({ ...clock, doneBy: ENGINEER, stoppedAt: '2026-12-02T15:00:00.000Z' }, NOW.toISOString())).toBe('LATE');
    expect(outcomeOf({ ...clock, stoppedAt: null }, NOW.toISOString())).toBe('LATE');
    expect(outcomeOf({ ...clock, stoppedAt: null }, '2026-12-01T00:00:00.000Z')).toBeUndefined();
    expect(outcomeOf({ ...clock, stoppedAt: '2026-11-30T00:00:00.000Z' }, NOW.toISOString())).toBeUndefined();
  });
});
