import { MAX_AMOUNT_FEN } from '../../../src/domain/policy/amount-limit.js';
import type { RegisterLead } from '../../../src/domain/project/commands.js';
import type { LeadRegistered } from '../../../src/domain/project/events.js';
import { fold } from '../../../src/domain/project/state.js';
import { as, given } from './given-when-then.js';
import { AM, cny, dueBy, ENGINEER, history, leadRegistered } from './fixtures.js';

const register = (): RegisterLead => {
  const { ownerId: _owner, ...data } = (leadRegistered() as LeadRegistered).data;
  return { type: 'RegisterLead', data };
};
const approve = (hasMatureReference = true) => ({
  type: 'ApproveProject' as const,
  data: { sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference, milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000) },
});

describe('lead registration 信息登记', () => {
  it('an account manager registers a lead and owns it', () => {
    given([]).when(register(), as(AM, 'ACCOUNT_MANAGER')).then([leadRegistered()]);
  });
  it('a project id is registered once', () => {
    given(history('QUALIFIED')).when(register(), as(AM, 'ACCOUNT_MANAGER')).thenThrows('PROJECT_EXISTS');
  });
  it('only the roles that register leads may do it', () => {
    given([]).when(register(), as('rv-1', 'REVIEWER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
  it('amounts are positive whole fen in the policy currency', () => {
    const command = register();
    given([]).when({ ...command, data: { ...command.data, estimatedAmount: { amount: 10.5, currency: 'CNY' } } }, as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
    given([]).when({ ...command, data: { ...command.data, estimatedAmount: { amount: 100, currency: 'USD' } } }, as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
  });
  it('an amount is at most 1,000,000,000 CNY, so that the sums of read models stay exact', () => {
    const command = register();
    const withAmount = (amount: number) => ({ ...command, data: { ...command.data, estimatedAmount: { amount, currency: 'CNY' } } });
    given([]).when(withAmount(Number.MAX_SAFE_INTEGER), as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
    given([]).when(withAmount(MAX_AMOUNT_FEN + 1), as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
    expect(given([]).when(withAmount(MAX_AMOUNT_FEN), as(AM, 'ACCOUNT_MANAGER')).events()[0]).toMatchObject({ data: { estimatedAmount: { amount: MAX_AMOUNT_FEN } } });
  });
  it('a command on an unknown project is refused', () => {
    given([]).when({ type: 'ScreenLead', data: { decision: 'QUALIFY' } }, as('sup', 'SALES_SUPERVISOR')).thenThrows('PROJECT_NOT_FOUND');
  });
});

describe('screening 筛选', () => {
  const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
  it('qualifies a lead', () => {
    given(history('QUALIFIED')).when({ type: 'ScreenLead', data: { decision: 'QUALIFY' } }, supervisor)
      .then([{ type: 'LeadQualified', data: { screenedBy: 'sup-zhao' } }]);
  });
  it('a rejection needs a reason', () => {
    given(history('QUALIFIED')).when({ type: 'ScreenLead', data: { decision: 'REJECT' } }, supervisor).thenThrows('REASON_REQUIRED');
    given(history('QUALIFIED')).when({ type: 'ScreenLead', data: { decision: 'REJECT', reason: 'out of scope' } }, supervisor)
      .then([{ type: 'LeadRejected', data: { screenedBy: 'sup-zhao', reason: 'out of scope' } }]);
  });
  it('a forward names the other business unit', () => {
    given(history('QUALIFIED')).when({ type: 'ScreenLead', data: { decision: 'FORWARD' } }, supervisor).thenThrows('REASON_REQUIRED');
  });
  it('a lead is screened once', () => {
    given(history('PSM010')).when({ type: 'ScreenLead', data: { decision: 'QUALIFY' } }, supervisor).thenThrows('INVALID_TRANSITION');
  });
});

describe('forwarding needs the forward approver 经部长审核同意后转公司其他事业部', () => {
  const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
  const director = as('dir-sun', 'SALES_DIRECTOR');
  const forward = { type: 'ScreenLead' as const, data: { decision: 'FORWARD' as const, businessUnit: 'Logistics BU', reason: 'conveyors' } };
  const proposed = [...history('QUALIFIED'), { type: 'LeadForwardProposed' as const, data: { proposedBy: 'sup-zhao', businessUnit: 'Logistics BU', reason: 'conveyors' } }];
  it('a screener who may not approve forwards proposes one, and the lead stays a lead', () => {
    given(history('QUALIFIED')).when(forward, supervisor).then([proposed[proposed.length - 1]]);
  });
  it('the forward approver forwards at once when screening', () => {
    given(history('QUALIFIED')).when(forward, director)
      .then([{ type: 'LeadForwarded', data: { screenedBy: 'dir-sun', businessUnit: 'Logistics BU', reason: 'conveyors', approvedBy: 'dir-sun' } }]);
  });
  it('the approver approves a proposed forward, which closes the lead as forwarded', () => {
    given(proposed).when({ type: 'DecideForward', data: { approve: true } }, director)
      .then([{ type: 'LeadForwarded', data: { screenedBy: 'sup-zhao', businessUnit: 'Logistics BU', reason: 'conveyors', approvedBy: 'dir-sun' } }]);
  });
  it('declining a forward needs a reason and gives the lead back to screening', () => {
    given(proposed).when({ type: 'DecideForward', data: { approve: false } }, director).thenThrows('REASON_REQUIRED');
    const declined = given(proposed).when({ type: 'DecideForward', data: { approve: false, comments: 'we make conveyors too' } }, director).events();
    expect(declined).toEqual([{ type: 'LeadForwardDeclined', data: { decidedBy: 'dir-sun', comments: 'we make conveyors too' } }]);
    given([...proposed, ...declined]).when({ type: 'ScreenLead', data: { decision: 'QUALIFY' } }, supervisor).then([{ type: 'LeadQualified', data: { screenedBy: 'sup-zhao' } }]);
  });
  it('while a forward waits, the lead is not screened again, and only the approver decides it', () => {
    given(proposed).when({ type: 'ScreenLead', data: { decision: 'QUALIFY' } }, supervisor).thenThrows('INVALID_TRANSITION');
    given(proposed).when({ type: 'DecideForward', data: { approve: true } }, supervisor).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('QUALIFIED')).when({ type: 'DecideForward', data: { approve: true } }, director).thenThrows('INVALID_TRANSITION');
  });
});

describe('assignment 分派', () => {
  const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
  const assign = (ownerId: string, reason?: string) => ({ type: 'AssignLead' as const, data: { ownerId, ...(reason ? { reason } : {}) } });
  it('the assigner hands the lead to an account manager, who owns it from then on', () => {
    const events = given(history('QUALIFIED')).when(assign('am-zhou'), supervisor).events();
    expect(events).toEqual([{ type: 'LeadAssigned', data: { ownerId: 'am-zhou', previousOwnerId: AM, assignedBy: 'sup-zhao' } }]);
    const after = fold([...history('QUALIFIED'), ...events]);
    expect(after.stage !== 'NONE' && after.lead.ownerId).toBe('am-zhou');
  });
  it('a reassignment later in the procedure is recorded with its reason', () => {
    given(history('PSM040')).when(assign('am-zhou', 'am-li left the region'), supervisor)
      .then([{ type: 'LeadAssigned', data: { ownerId: 'am-zhou', previousOwnerId: AM, assignedBy: 'sup-zhao', reason: 'am-li left the region' } }]);
  });
  it('the owner is not assigned to themselves, a closed project not at all, and only by the assigner', () => {
    given(history('QUALIFIED')).when(assign(AM), supervisor).thenThrows('INVALID_INPUT');
    given([...history('QUALIFIED'), { type: 'LeadRejected', data: { screenedBy: 'sup-zhao', reason: 'no budget' } }]).when(assign('am-zhou'), supervisor).thenThrows('INVALID_TRANSITION');
    given(history('QUALIFIED')).when(assign('am-zhou'), as(AM, 'ACCOUNT_MANAGER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});

describe('evaluation of an unclear lead 评估', () => {
  const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
  const director = as('dir-sun', 'SALES_DIRECTOR');
  const asked = [...history('QUALIFIED'), { type: 'LeadEvaluationRequested' as const, data: { requestedBy: 'sup-zhao', question: 'a new market?' } }];
  it('a screener sends the lead to the evaluator with the question, once', () => {
    given(history('QUALIFIED')).when({ type: 'RequestLeadEvaluation', data: { question: 'a new market?' } }, supervisor).then([asked[asked.length - 1]]);
    given(asked).when({ type: 'RequestLeadEvaluation', data: { question: 'again?' } }, supervisor).thenThrows('INVALID_TRANSITION');
    given(history('QUALIFIED')).when({ type: 'RequestLeadEvaluation', data: { question: ' ' } }, supervisor).thenThrows('REASON_REQUIRED');
  });
  it('the evaluator sets the importance, which the project keeps', () => {
    const events = given(asked).when({ type: 'EvaluateLead', data: { importance: 'HIGH', comments: 'strategic customer' } }, director).events();
    expect(events).toEqual([{ type: 'LeadEvaluated', data: { importance: 'HIGH', evaluatedBy: 'dir-sun', comments: 'strategic customer' } }]);
    const after = fold([...asked, ...events]);
    expect(after.stage !== 'NONE' && [after.importance, after.evaluationRequested]).toEqual(['HIGH', false]);
  });
  it('only the evaluator evaluates, before 立项, with a known importance', () => {
    given(asked).when({ type: 'EvaluateLead', data: { importance: 'HIGH' } }, supervisor).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('PSM030')).when({ type: 'EvaluateLead', data: { importance: 'HIGH' } }, director).thenThrows('INVALID_TRANSITION');
    given(asked).when({ type: 'EvaluateLead', data: { importance: 'URGENT' as never } }, director).thenThrows('INVALID_INPUT');
  });
});

describe('approval 立项', () => {
  const director = as('dir-sun', 'SALES_DIRECTOR');
  const manager = as('gm-qian', 'BU_GENERAL_MANAGER');
  it('a project up to 5,000,000 CNY with a mature reference is GENERAL and the sales director approves it', () => {
    const [event] = given(history('PSM010')).when(approve(), director).events();
    expect(event).toMatchObject({ type: 'ProjectApproved', data: { projectClass: 'GENERAL', approvedBy: 'dir-sun', sponsorId: 'dir-sun' } });
  });
  it('above 5,000,000 CNY a project is MAJOR and needs the BU general manager', () => {
    const major = [leadRegistered(5_000_001), { type: 'LeadQualified' as const, data: { screenedBy: 'sup' } }];
    given(major).when(approve(), director).thenThrows('APPROVAL_LEVEL_REQUIRED');
    expect(given(major).when(approve(), manager).events()[0]).toMatchObject({ data: { projectClass: 'MAJOR' } });
  });
  it('without a mature reference case a project is MAJOR', () => {
    given(history('PSM010')).when(approve(false), director).thenThrows('APPROVAL_LEVEL_REQUIRED');
    expect(given(history('PSM010')).when(approve(false), manager).events()[0]).toMatchObject({ data: { projectClass: 'MAJOR' } });
  });
  it('a project that needs R&D changes (研发中心参与修改软件) is MAJOR, whatever its amount and reference case', () => {
    const rnd = { ...approve(true), data: { ...approve(true).data, needsRndChanges: true } };
    given(history('PSM010')).when(rnd, director).thenThrows('APPROVAL_LEVEL_REQUIRED');
    expect(given(history('PSM010')).when(rnd, manager).events()[0]).toMatchObject({ data: { projectClass: 'MAJOR', needsRndChanges: true } });
  });
  it('the plan names a sponsor and has dated milestones', () => {
    given(history('PSM010')).when({ ...approve(), data: { ...approve().data, sponsorId: ' ' } }, director).thenThrows('REASON_REQUIRED');
    given(history('PSM010')).when({ ...approve(), data: { ...approve().data, milestones: [] } }, director).thenThrows('INVALID_INPUT');
  });
  it('only a qualified lead is approved', () => {
    given([leadRegistered()]).when(approve(), director).thenThrows('INVALID_TRANSITION');
  });
});

describe('PSM010 exchange and PSM020 survey', () => {
  const engineer = as('pe-wang', 'PRESALES_ENGINEER');
  it('an exchange that asks for a survey leads to PSM020; the survey sets the solution due date', () => {
    given(history('PSM030')).when({ type: 'RecordExchange', data: { summary: 'memo', surveyNeeded: true } }, engineer)
      .then([{ type: 'ExchangeRecorded', data: { summary: 'memo', surveyNeeded: true } }]);
    const surveying = [...history('PSM030'), { type: 'ExchangeRecorded' as const, data: { summary: 'memo', surveyNeeded: true } }];
    // robot cells: 3 working days after Tuesday 2026-11-24
    given(surveying).when({ type: 'RecordSurvey', data: { summary: 'site report' } }, engineer)
      .then([{ type: 'SurveyCompleted', data: { summary: 'site report', solutionDueOn: '2026-11-27', deadlines: [dueBy('SOLUTION', '2026-11-27', [{ userId: ENGINEER }], '2026-12-01')] } }]);
  });
  it('without a survey request there is no survey step', () => {
    given(history('REVIEW')).when({ type: 'RecordSurvey', data: { summary: 'x' } }, engineer).thenThrows('INVALID_TRANSITION');
  });
  it('the solution is due in working days per product line, skipping public holidays', () => {
    // 2026-09-30 + 2 working days for single equipment: National Day holidays push it to 2026-10-09
    const singleEquipment = [leadRegistered(800_000, 'SINGLE_EQUIPMENT'), ...history('PSM030').slice(1)];
    given(singleEquipment).when({ type: 'RecordExchange', data: { summary: 'memo', surveyNeeded: false } }, engineer, { now: new Date('2026-09-30T02:00:00Z') })
      .then([{
        type: 'ExchangeRecorded',
        // overdue only after the 2 working days' tolerance: Saturday 10-10 is an in-lieu working day
        data: { summary: 'memo', surveyNeeded: false, solutionDueOn: '2026-10-09', deadlines: [dueBy('SOLUTION', '2026-10-09', [{ userId: ENGINEER }], '2026-10-12')] },
      }]);
  });
});
