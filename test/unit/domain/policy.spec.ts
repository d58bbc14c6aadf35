import { readFileSync } from 'node:fs';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { RESPONSIBILITIES } from '../../../src/domain/policy/responsibilities.js';
import { validatePolicy } from '../../../src/domain/policy/validate-policy.js';
import { ENTERPRISE_STANDARD, EQUIPMENT_MAKER } from '../../support/policies.js';
import { as, given } from './given-when-then.js';
import { AM, cny, contracting, doc, history, tendering } from './fixtures.js';

const file = (profile: string) => JSON.parse(readFileSync(`policies/${profile}.json`, 'utf8')) as Record<string, any>;

describe('policy 政策: who does what is a profile, validated whole', () => {
  it('ships two profiles, each assigning every responsibility of the step table', () => {
    for (const policy of [ENTERPRISE_STANDARD, EQUIPMENT_MAKER]) {
      expect(Object.keys(policy.responsibilities).sort()).toEqual(Object.keys(RESPONSIBILITIES).sort());
      for (const roles of Object.values(policy.responsibilities)) expect(roles.length).toBeGreaterThan(0);
    }
    expect([ENTERPRISE_STANDARD.profile, EQUIPMENT_MAKER.profile]).toEqual(['enterprise-standard', 'equipment-maker']);
  });

  it('refuses a file that leaves a responsibility unassigned, naming it', () => {
    const missing = file('enterprise-standard');
    delete missing.responsibilities.checkBidDocuments;
    expect(() => validatePolicy(missing)).toThrow('policy.responsibilities.checkBidDocuments is missing');
    const empty = file('equipment-maker');
    empty.responsibilities.decideBid = [];
    expect(() => validatePolicy(empty)).toThrow('policy.responsibilities.decideBid is not assigned: give it at least one role');
    const noApprover = file('enterprise-standard');
    noApprover.projectApprovers.MAJOR = [];
    expect(() => validatePolicy(noApprover)).toThrow('policy.projectApprovers.MAJOR is not assigned');
  });

  it('refuses an unknown role, ADMIN as a decider, an unknown setting and a value of the wrong kind, naming each', () => {
    const cases: Array<[(policy: Record<string, any>) => void, string]> = [
      [(p) => { p.responsibilities.decideBid = ['SALES_BOSS']; }, 'policy.responsibilities.decideBid names an unknown role "SALES_BOSS"'],
      [(p) => { p.terminationDeciders.GENERAL = ['ADMIN']; }, 'policy.terminationDeciders.GENERAL names an unknown role "ADMIN"'],
      [(p) => { p.quotationThreshold = 1; }, 'policy.quotationThreshold is not a policy setting'],
      [(p) => { p.responsibilities.approveEverything = ['SALES_DIRECTOR']; }, 'policy.responsibilities.approveEverything is not a policy setting'],
      [(p) => { p.quotationApprovalLevel = '100000'; }, 'policy.quotationApprovalLevel must be a whole number'],
      [(p) => { p.review.MAJOR.rule = 'LOUDEST'; }, 'policy.review.MAJOR.rule must be one of ONE_APPROVAL, MAJORITY'],
      [(p) => { p.countersignChain = ['ACCOUNT_MANAGER', 'MARKETING']; p.responsibilities.countersign = ['ACCOUNT_MANAGER']; }, 'policy.countersignChain names MARKETING, which policy.responsibilities.countersign does not'],
      [(p) => { delete p.agreementDrafters.complex; }, 'policy.agreementDrafters.complex is missing'],
      [(p) => { p.signingCapacities.TECHNICAL_AGREEMENT = ['CEO']; }, 'policy.signingCapacities.TECHNICAL_AGREEMENT[0] must be one of TECHNICAL_LEAD, ACCOUNT_MANAGER'],
      [(p) => { p.signingCapacities.CONTRACT = []; }, 'policy.signingCapacities.CONTRACT must list at least one signing capacity'],
      [(p) => { p.responsibilities.signContract = ['ACCOUNT_MANAGER']; }, 'policy.signingCapacities.CONTRACT names DEPARTMENT_LEADER, whose role DEPARTMENT_LEADER policy.responsibilities.signContract does not list'],
      [(p) => { delete p.version; }, 'policy.version is missing'],
      [(p) => { delete p.sla.solutionToleranceWorkingDays; }, 'policy.sla.solutionToleranceWorkingDays is missing'],
      [(p) => { delete p.sla.onSiteReviewHours; }, 'policy.sla.onSiteReviewHours is missing'],
      [(p) => { delete p.sla.bondDaysBeforeOpening; }, 'policy.sla.bondDaysBeforeOpening is missing'],
      [(p) => { delete p.sla.summaryWorkingDays; }, 'policy.sla.summaryWorkingDays is missing'],
      [(p) => { p.sla.onSiteReviewHours = 0; }, 'policy.sla.onSiteReviewHours must be a whole number from 1'],
      // 售前考核: the survey's questions and every scale
      [(p) => { delete p.kpis.assessmentScale; }, 'policy.kpis.assessmentScale is missing'],
      [(p) => { p.kpis.collaborationScale = { min: 5, max: 5 }; }, 'policy.kpis.collaborationScale must have max above min'],
      [(p) => { p.kpis.satisfactionSurvey.questions = []; }, 'policy.kpis.satisfactionSurvey.questions must list at least one question'],
      [(p) => { p.kpis.satisfactionSurvey.questions[1].id = p.kpis.satisfactionSurvey.questions[0].id; }, 'policy.kpis.satisfactionSurvey.questions names a question id twice'],
      [(p) => { p.kpis.satisfactionSurvey.questions[0].id = '满意'; }, 'policy.kpis.satisfactionSurvey.questions[0].id must be a short latin identifier'],
      [(p) => { p.kpis.satisfactionSurvey.linkValidDays = 0; }, 'policy.kpis.satisfactionSurvey.linkValidDays must be a whole number from 1 to 365'],
      // document 004: the task book's budget bands, the adjustment's approvers and limits, the monthly report's day
      [(p) => { delete p.salesControl; }, 'policy.salesControl is missing'],
      [(p) => { p.salesControl.presalesBudgetBands = []; }, 'policy.salesControl.presalesBudgetBands must list at least one band'],
      [(p) => { p.salesControl.presalesBudgetBands[0].grossMarginFrom = 100; }, 'policy.salesControl.presalesBudgetBands[0].grossMarginFrom must be 0'],
      [(p) => { p.salesControl.presalesBudgetBands[2].grossMarginFrom = 1; }, 'policy.salesControl.presalesBudgetBands[2].grossMarginFrom must be larger than the band before'],
      [(p) => { p.salesControl.presalesBudgetBands[1].percent = 120; }, 'policy.salesControl.presalesBudgetBands[1].percent must be a whole number from 0 to 100'],
      [(p) => { p.salesControl.executiveApprovers = []; }, 'policy.salesControl.executiveApprovers is not assigned'],
      [(p) => { p.salesControl.adjustmentApprovers = ['ADMIN']; }, 'policy.salesControl.adjustmentApprovers names an unknown role "ADMIN"'],
      [(p) => { delete p.salesControl.executiveAbove.delayDays; }, 'policy.salesControl.executiveAbove.delayDays is missing'],
      [(p) => { p.salesControl.progressReportWorkingDays = 0; }, 'policy.salesControl.progressReportWorkingDays must be a whole number from 1 to 23'],
    ];
    for (const [change, message] of cases) {
      const policy = file('enterprise-standard');
      change(policy);
      expect(() => validatePolicy(policy)).toThrow(message);
    }
  });

  it('a changed policy applies to new decisions only: a submitted quotation keeps the routing it was given', () => {
    const raised = { ...ENTERPRISE_STANDARD, version: 2, quotationApprovalLevel: 500_000_00 };
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

describe('the two profiles decide the same steps with different hands', () => {
  const tender = tendering();
  const decideBid = { type: 'DecideBid' as const, data: { decision: 'BID' as const } };

  it('enterprise-standard (document 000): the account manager decides whether to bid; equipment-maker (003): the sales director', () => {
    expect(given(tender).when(decideBid, as(AM, 'ACCOUNT_MANAGER')).events()[0]).toMatchObject({ type: 'BidDecided' });
    given(tender).when(decideBid, as('dir-sun', 'SALES_DIRECTOR')).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(given(tender).when(decideBid, as('dir-sun', 'SALES_DIRECTOR'), { policy: EQUIPMENT_MAKER }).events()[0]).toMatchObject({ type: 'BidDecided' });
    given(tender).when(decideBid, as(AM, 'ACCOUNT_MANAGER'), { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('enterprise-standard: 市场部 checks the bid documents; equipment-maker: the sales supervisor, who also buys them and pays the bond', () => {
    const bought: ProjectEvent[] = [...tender, { type: 'BidDecided', data: { decision: 'BID', decidedBy: AM } },
      { type: 'TenderDocumentsPurchased', data: { openingOn: '2026-12-31', bidDocumentsCheckDueOn: '2026-12-28' } }];
    const check = { type: 'RecordBidStep' as const, data: { step: 'DOCUMENTS_CHECKED' as const } };
    expect(given(bought).when(check, as('mk-lin', 'MARKETING')).events()[0]).toMatchObject({ type: 'BidDocumentsChecked' });
    given(bought).when(check, as('sup-zhao', 'SALES_SUPERVISOR')).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(given(bought).when(check, as('sup-zhao', 'SALES_SUPERVISOR'), { policy: EQUIPMENT_MAKER }).events()[0]).toMatchObject({ type: 'BidDocumentsChecked' });
    given(bought).when(check, as('mk-lin', 'MARKETING'), { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
    const bond = { type: 'RecordBidStep' as const, data: { step: 'BOND_PAID' as const, amount: cny(5_000) } };
    given(bought).when(bond, as(AM, 'ACCOUNT_MANAGER'), { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(given(bought).when(bond, as('sup-zhao', 'SALES_SUPERVISOR'), { policy: EQUIPMENT_MAKER }).events()[0]).toMatchObject({ type: 'BidBondPaid' });
  });

  it('enterprise-standard: quotations are approved by amount band (tech manager, operations center); equipment-maker: by the sales director', () => {
    const quote = { type: 'SubmitQuotation' as const, data: { amount: cny(200_000), document: doc('quotation') } };
    expect(given(history('QUOTED')).when(quote, as(AM, 'ACCOUNT_MANAGER')).events()[0]).toMatchObject({ data: { requiredApprovals: ['OPERATIONS_CENTER'] } });
    expect(given(history('QUOTED')).when(quote, as(AM, 'ACCOUNT_MANAGER'), { policy: EQUIPMENT_MAKER }).events()[0])
      .toMatchObject({ data: { requiredApprovals: ['SALES_DIRECTOR'] } });
  });

  it('equipment-maker countersigns along its own chain: drafter, sales director, tech manager, BU general manager', () => {
    const draft = { type: 'DraftContract' as const, data: { document: doc('contract'), amount: cny(90_000), extraSigners: [] } };
    const agreed = contracting();
    expect(given(agreed).when(draft, as(AM, 'ACCOUNT_MANAGER'), { policy: EQUIPMENT_MAKER }).events()[0]).toMatchObject({
      data: { chain: [{ role: 'ACCOUNT_MANAGER', userId: AM }, { role: 'SALES_DIRECTOR' }, { role: 'TECH_MANAGER' }, { role: 'BU_GENERAL_MANAGER' }] },
    });
  });
});
