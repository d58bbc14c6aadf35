import { policyWhatIf } from '../../../src/application/what-if/policy-what-if.js';
import type { DecidedEvent } from '../../../src/application/what-if/decided-history.js';
import { chineseWorkingCalendar } from '../../../src/domain/policy/chinese-working-calendar.js';
import type { Policy } from '../../../src/domain/policy/policy.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';
import { doc } from '../domain/fixtures.js';
import { accepted, approved, changed, cny, MARCH } from './play.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const MARCH_3 = '2026-03-03T02:00:00.000Z';

const whatIf = (histories: DecidedEvent[][], candidate: Policy) =>
  policyWhatIf({ histories, period: MARCH, inForce: ENTERPRISE_STANDARD, candidate, calendar: chineseWorkingCalendar });

const LOWER_MAJOR = changed((policy) => (policy.majorProjectAbove = 300_000_000));

describe('what-if: MAJOR/GENERAL classes under the candidate\'s thresholds', () => {
  it('lists a project approved in the period above the candidate\'s threshold, and one a quotation above it would raise', () => {
    const quoted = accepted(B, 800_000, MARCH_3).do({ type: 'SubmitQuotation', data: { amount: cny(4_000_000), document: doc('quotation') } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3).events;
    const { classes } = whatIf([approved(A, 4_000_000, MARCH_3).events, quoted, approved(C, 2_000_000, MARCH_3).events], LOWER_MAJOR);
    expect(classes).toEqual({
      projects: 3, becameMajor: 2, becameGeneral: 0,
      differences: [
        { projectId: A, title: 'project aaaa', estimatedAmount: cny(4_000_000), quotedAmount: null, inForce: 'GENERAL', candidate: 'MAJOR' },
        { projectId: B, title: 'project bbbb', estimatedAmount: cny(800_000), quotedAmount: cny(4_000_000), inForce: 'GENERAL', candidate: 'MAJOR' },
      ],
    });
  });

  it('a higher threshold makes a project MAJOR by its quotation GENERAL again', () => {
    const quoted = accepted(B, 800_000, MARCH_3).do({ type: 'SubmitQuotation', data: { amount: cny(6_000_000), document: doc('quotation') } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3).events;
    const { classes } = whatIf([quoted], changed((policy) => (policy.majorProjectAbove = 700_000_000)));
    expect(classes).toMatchObject({ projects: 1, becameMajor: 0, becameGeneral: 1, differences: [{ projectId: B, inForce: 'MAJOR', candidate: 'GENERAL' }] });
  });

  it('a project approved before the period is not compared; the policy in force as the candidate changes no class', () => {
    const before = approved(A, 4_000_000, '2026-02-20T02:00:00.000Z').events;
    expect(whatIf([before], LOWER_MAJOR).classes).toEqual({ projects: 0, becameMajor: 0, becameGeneral: 0, differences: [] });
    expect(whatIf([approved(A, 4_000_000, MARCH_3).events], ENTERPRISE_STANDARD).classes.differences).toEqual([]);
  });
});

describe('what-if: the weighted pipeline at the period\'s end', () => {
  it('weighs each open stage by the policy in force and by the candidate; closed projects are not in it', () => {
    const exchanged = approved(A, 800_000, MARCH_3).do({ type: 'RecordExchange', data: { summary: 'met', surveyNeeded: false } }, 'pe-wang', ['PRESALES_ENGINEER'], MARCH_3).events;
    const quoted = accepted(B, 800_000, MARCH_3).do({ type: 'SubmitQuotation', data: { amount: cny(900_000), document: doc('quotation') } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3).events;
    const terminated = approved(C, 500_000, MARCH_3)
      .do({ type: 'RequestTermination', data: { reason: 'budget cut' } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3)
      .do({ type: 'DecideTermination', data: { approve: true } }, 'dir-sun', ['SALES_DIRECTOR'], MARCH_3).events;
    const { pipeline } = whatIf([exchanged, quoted, terminated], changed((policy) => (policy.stageProbability.PSM030_SOLUTION = 50)));
    const stage = (name: string) => pipeline.stages.find((column) => column.stage === name);
    expect(stage('PSM030_SOLUTION')).toEqual({ stage: 'PSM030_SOLUTION', count: 1, amount: 80_000_000, inForceWeight: 30, candidateWeight: 50, inForceWeighted: 24_000_000, candidateWeighted: 40_000_000 });
    expect(stage('PSM040_QUOTATION')).toEqual({ stage: 'PSM040_QUOTATION', count: 1, amount: 90_000_000, inForceWeight: 40, candidateWeight: 40, inForceWeighted: 36_000_000, candidateWeighted: 36_000_000 });
    expect(pipeline).toMatchObject({ currency: 'CNY', amount: 170_000_000, inForceWeighted: 60_000_000, candidateWeighted: 76_000_000 });
    expect(pipeline.stages.map((column) => column.stage)).toEqual(Object.keys(ENTERPRISE_STANDARD.stageProbability));
  });
});

describe('what-if: which policy versions it compared', () => {
  it('names the versions the period\'s decisions recorded, with how many and when, beside the file in force and the candidate', () => {
    const older = { ...ENTERPRISE_STANDARD, version: ENTERPRISE_STANDARD.version - 1 };
    const early = approved(A, 4_000_000, '2026-03-02T02:00:00.000Z', older).events;
    const late = approved(B, 4_000_000, '2026-03-20T02:00:00.000Z').events;
    const candidate = { ...LOWER_MAJOR, profile: 'our-company', version: 1 };
    const answer = whatIf([early, late], candidate);
    expect(answer.inForce).toEqual({ profile: 'enterprise-standard', version: ENTERPRISE_STANDARD.version });
    expect(answer.candidate).toEqual({ profile: 'our-company', version: 1 });
    expect(answer.versionsInPeriod).toEqual([
      { profile: 'enterprise-standard', version: older.version, decisions: 3, first: '2026-03-02T02:00:00.000Z', last: '2026-03-02T02:00:00.000Z' },
      { profile: 'enterprise-standard', version: ENTERPRISE_STANDARD.version, decisions: 3, first: '2026-03-20T02:00:00.000Z', last: '2026-03-20T02:00:00.000Z' },
    ]);
    // a decision under a version whose file is not at hand names the candidate's roles, not the ones in force then
    expect(answer.approvals.differences.map(({ projectId, inForce }) => [projectId, inForce])).toEqual([[A, null], [B, ['SALES_DIRECTOR', 'BU_GENERAL_MANAGER']]]);
    expect(answer.projects).toBe(2);
  });
});
