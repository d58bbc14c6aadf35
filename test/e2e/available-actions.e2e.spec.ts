import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/project/vocabulary.js';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

type Answer = { command: string; variant: string | null; label: string; allowed: boolean; refusal: { code: string; message: string } | null };

describe('availableActions: what the caller may do to a project now, over GraphQL', () => {
  let psm: PsmApp;
  let driver: ProcedureDriver;
  const projectId = randomUUID();

  beforeAll(async () => {
    psm = await PsmApp.start();
    driver = new ProcedureDriver(psm);
  });
  afterAll(() => psm.stop());

  const ask = (userId: string, role: Role, includeRefused = false, id = projectId) => psm.graphql<{ availableActions: Answer[] }>(
    'query($id: ID!, $all: Boolean) { availableActions(projectId: $id, includeRefused: $all) { command variant label allowed refusal { code message } } }',
    { id, all: includeRefused }, psm.tokenFor(userId, role),
  );
  const allowed = async (userId: string, role: Role) => {
    const { data, errors } = await ask(userId, role);
    expect(errors).toBeUndefined();
    return data!.availableActions.map(({ command, variant }) => (variant ? `${command} ${variant}` : command));
  };
  const refusalOf = async (userId: string, role: Role, action: string) => {
    const { data } = await ask(userId, role, true);
    return data!.availableActions.find(({ command, variant }) => [command, variant].filter(Boolean).join(' ') === action)?.refusal?.code;
  };

  it('offers a new lead to whoever screens it, and the account manager what else is theirs', async () => {
    await driver.ok(driver.am().do('registerLead', {
      projectId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells',
      channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
    }));
    expect(await allowed('am-li', 'ACCOUNT_MANAGER')).toEqual(['requestTermination', 'addTrackingNote', 'reportWeeklyTracking', 'recordMeetingMemo', 'noteCompetitor', 'attachDocument']);
    expect(await allowed('sup-zhao', 'SALES_SUPERVISOR')).toEqual([
      'screenLead QUALIFY', 'screenLead REJECT', 'screenLead FORWARD', 'assignLead', 'requestLeadEvaluation', 'requestTermination', 'addTrackingNote', 'raiseChallenge', 'recordMeetingMemo', 'attachDocument',
    ]);
  });

  it('gives every step with includeRefused, and the reason for each one refused', async () => {
    const { data } = await ask('am-li', 'ACCOUNT_MANAGER', true);
    const answers = data!.availableActions;
    expect(answers.length).toBeGreaterThan(30);
    expect(answers.every((answer) => answer.allowed === (answer.refusal === null))).toBe(true);
    expect(answers.find((answer) => answer.command === 'screenLead' && answer.variant === 'QUALIFY')).toMatchObject({
      label: '筛选：合格', allowed: false, refusal: { code: 'NOT_ALLOWED_FOR_ROLE' },
    });
    expect(answers.find((answer) => answer.command === 'recordBidStep' && answer.variant === 'BOND_PAID')).toMatchObject({
      label: '缴纳投标保证金', refusal: { code: 'INVALID_TRANSITION' },
    });
  });

  it('offers the director the approval of a qualified lead', async () => {
    await driver.ok(psm.as('sup-zhao', 'SALES_SUPERVISOR').do('screenLead', { projectId, decision: 'QUALIFY' }));
    expect(await allowed('dir-sun', 'SALES_DIRECTOR')).toEqual(['evaluateLead', 'approveProject', 'raiseChallenge', 'attachDocument']);
  });

  it('offers the vote on the solution to its reviewer only, and the engineer a new version', async () => {
    await driver.ok(psm.as('dir-sun', 'SALES_DIRECTOR').do('approveProject', {
      projectId, sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    }));
    const engineer = psm.as('pe-wang', 'PRESALES_ENGINEER');
    await driver.ok(engineer.do('recordExchange', { projectId, summary: 'memo', surveyNeeded: false }));
    await driver.ok(engineer.do('submitSolution', { projectId, document: docOf('solution v1') }));
    // the author's review is convened by 市场部, not by the author
    expect(await allowed('mk-zhou', 'MARKETING')).toEqual(['conveneReview SOLUTION', 'noteCompetitor', 'attachDocument', 'rateCollaboration']);
    expect(await refusalOf('pe-wang', 'PRESALES_ENGINEER', 'conveneReview SOLUTION')).toBe('NOT_ALLOWED_FOR_ROLE');
    await driver.convene(projectId, 'SOLUTION', ['rv-1']);
    expect(await allowed('rv-1', 'REVIEWER')).toEqual(['approveReview SOLUTION', 'rejectReview SOLUTION', 'attachDocument']);
    expect(await refusalOf('rv-1', 'REVIEWER', 'approveReview TECHNICAL_AGREEMENT')).toBe('INVALID_TRANSITION');
    expect(await allowed('pe-wang', 'PRESALES_ENGINEER')).toEqual(['submitSolution', 'addTrackingNote', 'recordMeetingMemo', 'planDemo', 'noteCompetitor', 'attachDocument']);
    expect(await refusalOf('pe-wang', 'PRESALES_ENGINEER', 'approveReview SOLUTION')).toBe('NOT_ALLOWED_FOR_ROLE');
    expect(await allowed('am-li', 'ACCOUNT_MANAGER')).toEqual(['requestSolution', 'setSystemBudget', 'recordCustomerDeclined SOLUTION', 'requestTermination', 'addTrackingNote', 'reportWeeklyTracking', 'recordMeetingMemo', 'noteCompetitor', 'attachDocument', 
      'sendSatisfactionSurvey', 'rateCollaboration', 'fileSalesPlan', 'reportMonthlyProgress']);
  });

  it('follows the quotation through its approval: the approver, then the account manager', async () => {
    await driver.ok(psm.as('rv-1', 'REVIEWER').do('approveReview', { projectId, subject: 'SOLUTION', documentSha256: docOf('solution v1').sha256 }));
    await driver.confirm(projectId, 'SOLUTION', 'solution v1');
    await driver.ok(driver.am().do('submitQuotation', { projectId, amount: cny(90_000), document: docOf('quotation 90000') }));
    expect(await allowed('tm-he', 'TECH_MANAGER')).toEqual(['approveQuotation', 'recordMeetingMemo', 'planDemo', 'attachDocument', 'rateCollaboration']);
    expect(await refusalOf('am-li', 'ACCOUNT_MANAGER', 'chooseProcurement')).toBe('QUOTATION_NOT_APPROVED');
    await driver.approveQuotation(projectId, 90_000, ['tm-he', 'TECH_MANAGER']);
    expect(await allowed('am-li', 'ACCOUNT_MANAGER')).toEqual(['submitQuotation', 'chooseProcurement', 'requestTermination', 'addTrackingNote', 'reportWeeklyTracking', 'recordMeetingMemo', 'noteCompetitor', 'attachDocument', 
      'sendSatisfactionSurvey', 'rateCollaboration', 'fileSalesPlan', 'reportMonthlyProgress']);
    expect(await refusalOf('tm-he', 'TECH_MANAGER', 'approveQuotation')).toBe('ALREADY_VOTED');
  });

  it('answers someone who may not see the project exactly as for a missing one', async () => {
    const missing = randomUUID();
    for (const [userId, role] of [['am-wu', 'ACCOUNT_MANAGER'], ['rv-9', 'REVIEWER'], ['admin', 'ADMIN']] as const) {
      const [hidden, absent] = [await ask(userId, role, true), await ask(userId, role, true, missing)];
      expect(hidden.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(JSON.stringify(hidden).replaceAll(projectId, '<id>')).toBe(JSON.stringify(absent).replaceAll(missing, '<id>'));
    }
  });
});
