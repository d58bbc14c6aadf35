import { policyWhatIf } from '../../../src/application/what-if/policy-what-if.js';
import { chineseWorkingCalendar } from '../../../src/domain/policy/chinese-working-calendar.js';
import type { Policy } from '../../../src/domain/policy/policy.js';
import type { DecidedEvent } from '../../../src/application/what-if/decided-history.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';
import { doc } from '../domain/fixtures.js';
import { accepted, approved, changed, cny, MARCH } from './play.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const MARCH_3 = '2026-03-03T02:00:00.000Z';

const whatIf = (histories: DecidedEvent[][], candidate: Policy) =>
  policyWhatIf({ histories, period: MARCH, inForce: ENTERPRISE_STANDARD, candidate, calendar: chineseWorkingCalendar });

describe('what-if: approvals the candidate would have routed to other roles', () => {
  it('a project approved as GENERAL by the director would be MAJOR under a lower threshold: approved by the BU general manager', () => {
    const project = approved(A, 4_000_000, MARCH_3).events;
    const answer = whatIf([project], changed((policy) => (policy.majorProjectAbove = 300_000_000)));
    expect(answer.approvals.differences).toEqual([{
      projectId: A, at: MARCH_3, kind: 'DECIDER', decision: 'ApproveProject', decidedBy: 'dir-sun', decidedAs: ['SALES_DIRECTOR'],
      inForce: ['SALES_DIRECTOR', 'BU_GENERAL_MANAGER'], candidate: ['BU_GENERAL_MANAGER'], policy: { profile: 'enterprise-standard', version: ENTERPRISE_STANDARD.version },
    }]);
    expect(answer.approvals).toMatchObject({ decisions: 3, deciders: 1, routings: 0 });
  });

  it('a quotation approved by the technical manager would go to the operations centre under a lower approval level: its routing and its approval differ', () => {
    const project = accepted(A, 800_000, MARCH_3)
      .do({ type: 'SubmitQuotation', data: { amount: cny(80_000), document: doc('quotation') } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3)
      .do({ type: 'ApproveQuotation', data: { documentSha256: doc('quotation').sha256 } }, 'tm-he', ['TECH_MANAGER'], MARCH_3).events;
    const { approvals } = whatIf([project], changed((policy) => (policy.quotationApprovalLevel = 5_000_000)));
    expect(approvals.differences.map(({ kind, decision, decidedAs, candidate }) => ({ kind, decision, decidedAs, candidate }))).toEqual([
      { kind: 'ROUTING', decision: 'SubmitQuotation', decidedAs: ['TECH_MANAGER'], candidate: ['OPERATIONS_CENTER'] },
      { kind: 'DECIDER', decision: 'ApproveQuotation', decidedAs: ['TECH_MANAGER'], candidate: ['OPERATIONS_CENTER'] },
    ]);
    expect(approvals).toMatchObject({ deciders: 1, routings: 1 });
  });

  it('a quotation that makes a project MAJOR under the candidate also needs the BU general manager', () => {
    const project = accepted(A, 800_000, MARCH_3)
      .do({ type: 'SubmitQuotation', data: { amount: cny(4_000_000), document: doc('quotation') } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3).events;
    const { approvals } = whatIf([project], changed((policy) => (policy.majorProjectAbove = 300_000_000)));
    expect(approvals.differences).toMatchObject([{ kind: 'ROUTING', decision: 'SubmitQuotation', decidedAs: ['OPERATIONS_CENTER'], candidate: ['OPERATIONS_CENTER', 'BU_GENERAL_MANAGER'] }]);
  });

  it('a termination the director decided would go to the BU general manager: the request\'s routing and the decision differ', () => {
    const project = approved(A, 800_000, MARCH_3)
      .do({ type: 'RequestTermination', data: { reason: 'budget cut' } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3)
      .do({ type: 'DecideTermination', data: { approve: true } }, 'dir-sun', ['SALES_DIRECTOR'], MARCH_3).events;
    const { approvals } = whatIf([project], changed((policy) => (policy.terminationDeciders.GENERAL = ['BU_GENERAL_MANAGER'])));
    expect(approvals.differences.map(({ kind, decision, inForce, candidate }) => ({ kind, decision, inForce, candidate }))).toEqual([
      { kind: 'ROUTING', decision: 'RequestTermination', inForce: ['SALES_DIRECTOR'], candidate: ['BU_GENERAL_MANAGER'] },
      { kind: 'DECIDER', decision: 'DecideTermination', inForce: ['SALES_DIRECTOR'], candidate: ['BU_GENERAL_MANAGER'] },
    ]);
  });

  it('a responsibility given to other roles lists each decision taken by a role the candidate no longer names', () => {
    const histories = [approved(A, 800_000, MARCH_3).events, approved(B, 900_000, MARCH_3).events];
    const { approvals } = whatIf(histories, changed((policy) => (policy.responsibilities.screenLead = ['SALES_DIRECTOR'])));
    expect(approvals.differences.map(({ projectId, decision, decidedBy }) => [projectId, decision, decidedBy])).toEqual([[A, 'ScreenLead', 'sup-zhao'], [B, 'ScreenLead', 'sup-zhao']]);
    expect(approvals.decisions).toBe(6);
  });

  it('a decision taken before the period is not compared', () => {
    const project = approved(A, 4_000_000, '2026-02-27T02:00:00.000Z').events;
    const { approvals } = whatIf([project], changed((policy) => (policy.majorProjectAbove = 300_000_000)));
    expect(approvals).toEqual({ decisions: 0, deciders: 0, routings: 0, differences: [] });
  });

  it('the policy in force as the candidate routes nothing elsewhere', () => {
    const project = accepted(A, 800_000, MARCH_3)
      .do({ type: 'SubmitQuotation', data: { amount: cny(80_000), document: doc('quotation') } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3)
      .do({ type: 'ApproveQuotation', data: { documentSha256: doc('quotation').sha256 } }, 'tm-he', ['TECH_MANAGER'], MARCH_3)
      .do({ type: 'RequestTermination', data: { reason: 'budget cut' } }, 'am-li', ['ACCOUNT_MANAGER'], MARCH_3).events;
    const { approvals } = whatIf([project], ENTERPRISE_STANDARD);
    expect(approvals.differences).toEqual([]);
    expect(approvals.decisions).toBe(10);
  });
});
