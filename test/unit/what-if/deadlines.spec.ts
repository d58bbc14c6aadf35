import { policyWhatIf } from '../../../src/application/what-if/policy-what-if.js';
import type { DecidedEvent } from '../../../src/application/what-if/decided-history.js';
import { chineseWorkingCalendar } from '../../../src/domain/policy/chinese-working-calendar.js';
import type { Policy } from '../../../src/domain/policy/policy.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';
import { doc } from '../domain/fixtures.js';
import { approved, changed, MARCH } from './play.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
/** Tuesday 2026-03-03, 10:00 in Shanghai: a ROBOT_CELL solution is due in 3 working days (Friday 03-06), overdue after 2 more (end of Tuesday 03-10). */
const MARCH_3 = '2026-03-03T02:00:00.000Z';

const whatIf = (histories: DecidedEvent[][], candidate: Policy) =>
  policyWhatIf({ histories, period: MARCH, inForce: ENTERPRISE_STANDARD, candidate, calendar: chineseWorkingCalendar });

/** Exchanged on March 3rd (the solution's clock starts), the solution submitted at `submittedAt` (never: undefined). */
function solutionWritten(projectId: string, submittedAt?: string) {
  const project = approved(projectId, 800_000, MARCH_3).do({ type: 'RecordExchange', data: { summary: 'met', surveyNeeded: false } }, 'pe-wang', ['PRESALES_ENGINEER'], MARCH_3);
  return (submittedAt ? project.do({ type: 'SubmitSolution', data: { document: doc('solution') } }, 'pe-wang', ['PRESALES_ENGINEER'], submittedAt) : project).events;
}

/** One working day for a robot cell's solution and no tolerance: due and overdue at the end of Wednesday 03-04. */
const STRICT = changed((policy) => {
  policy.sla.solutionWorkingDays.ROBOT_CELL = 1;
  policy.sla.solutionToleranceWorkingDays = 0;
});

describe('what-if: time-limited steps overdue or not under the candidate\'s limits and the working calendar', () => {
  it('a solution submitted on Thursday was on time under the policy in force and would be overdue under a one-day limit', () => {
    const { deadlines } = whatIf([solutionWritten(A, '2026-03-05T02:00:00.000Z')], STRICT);
    expect(deadlines.differences).toEqual([{
      projectId: A, kind: 'SOLUTION', startedAt: MARCH_3, stoppedAt: '2026-03-05T02:00:00.000Z',
      inForce: { dueAt: '2026-03-06T16:00:00.000Z', overdueAt: '2026-03-10T16:00:00.000Z', overdue: false },
      candidate: { dueAt: '2026-03-04T16:00:00.000Z', overdueAt: '2026-03-04T16:00:00.000Z', overdue: true },
    }]);
    expect(deadlines).toMatchObject({ steps: 1, overdueInForce: 0, overdueUnderCandidate: 1, becameOverdue: 1, becameOnTime: 0 });
  });

  it('counts working days on the calendar: a five-day limit from Tuesday runs over the weekend to the next Tuesday', () => {
    const lenient = changed((policy) => (policy.sla.solutionToleranceWorkingDays = 5));
    // submitted Thursday 03-12: overdue in force (after 03-10), within the candidate's tolerance (end of 03-13)
    const { deadlines } = whatIf([solutionWritten(A, '2026-03-12T02:00:00.000Z')], lenient);
    expect(deadlines.differences).toMatchObject([{ kind: 'SOLUTION', inForce: { overdue: true }, candidate: { overdueAt: '2026-03-13T16:00:00.000Z', overdue: false } }]);
    expect(deadlines).toMatchObject({ becameOverdue: 0, becameOnTime: 1 });
  });

  it('a step overdue under both is counted, not listed; one started before the period is neither', () => {
    const early = approved(B, 800_000, '2026-02-24T02:00:00.000Z').do({ type: 'RecordExchange', data: { summary: 'met', surveyNeeded: false } }, 'pe-wang', ['PRESALES_ENGINEER'], '2026-02-24T02:00:00.000Z').events;
    const { deadlines } = whatIf([solutionWritten(A), early], STRICT);
    expect(deadlines).toEqual({ steps: 1, overdueInForce: 1, overdueUnderCandidate: 1, becameOverdue: 0, becameOnTime: 0, differences: [] });
  });

  it('a verdict is as of the period\'s end: a step still running then with its limit not yet passed is on time', () => {
    const period = { from: MARCH.from, to: '2026-03-04T04:00:00.000Z' };
    const answer = policyWhatIf({ histories: [solutionWritten(A)], period, inForce: ENTERPRISE_STANDARD, candidate: STRICT, calendar: chineseWorkingCalendar });
    expect(answer.deadlines).toMatchObject({ steps: 1, overdueInForce: 0, overdueUnderCandidate: 0, differences: [] });
  });

  it('the policy in force as the candidate changes no verdict', () => {
    const { deadlines } = whatIf([solutionWritten(A, '2026-03-05T02:00:00.000Z'), solutionWritten(B, '2026-03-12T02:00:00.000Z')], ENTERPRISE_STANDARD);
    expect(deadlines).toMatchObject({ steps: 2, overdueInForce: 1, overdueUnderCandidate: 1, differences: [] });
  });
});
