import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { mergePolicy } from '../../../src/domain/policy/merge-policy.js';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy.js';
import { as, given } from './given-when-then.js';
import { AM, cny, doc, history } from './fixtures.js';

describe('policy 政策', () => {
  it('is data with defaults, overridden from configuration', () => {
    const policy = mergePolicy({ quotationApprovalLevel: 200_000_00, sla: { solutionWorkingDays: { AGV: 5 } } });
    expect(policy.quotationApprovalLevel).toBe(200_000_00);
    expect(policy.sla.solutionWorkingDays).toEqual({ ...DEFAULT_POLICY.sla.solutionWorkingDays, AGV: 5 });
    expect(policy.majorProjectAbove).toBe(DEFAULT_POLICY.majorProjectAbove);
  });

  it('refuses settings it does not know and values of the wrong kind', () => {
    expect(() => mergePolicy({ quotationThreshold: 1 })).toThrow('policy.quotationThreshold is not a policy setting');
    expect(() => mergePolicy({ quotationApprovalLevel: '100000' })).toThrow('policy.quotationApprovalLevel must be a number');
    expect(() => mergePolicy({ countersignChain: 'MARKETING' })).toThrow('policy.countersignChain must be a list');
    expect(() => mergePolicy({ majorProjectAbove: -1 })).toThrow('non-negative');
  });

  it('a changed policy applies to new decisions only: a submitted quotation keeps the routing it was given', () => {
    const raised = mergePolicy({ quotationApprovalLevel: 500_000_00 });
    const quoted: ProjectEvent[] = [
      ...history('QUOTED'),
      { type: 'QuotationSubmitted', data: { version: 1, amount: cny(200_000), document: doc('quotation'), requiredApprovals: ['OPERATIONS_CENTER'] } },
    ];
    given(quoted).when({ type: 'ApproveQuotation', data: { documentSha256: doc('quotation').sha256 } }, as('tm-he', 'TECH_MANAGER'), { policy: raised })
      .thenThrows('APPROVAL_LEVEL_REQUIRED');
    const requote = given(quoted).when({ type: 'SubmitQuotation', data: { amount: cny(200_000), document: doc('quotation', 2) } }, as(AM, 'ACCOUNT_MANAGER'), { policy: raised });
    expect(requote.events()[0]).toMatchObject({ data: { requiredApprovals: ['TECH_MANAGER'] } });
  });
});
