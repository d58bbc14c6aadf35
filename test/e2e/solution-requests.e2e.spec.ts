import { randomUUID } from 'node:crypto';
import { chineseWorkingCalendar } from '../../src/domain/policy/chinese-working-calendar.js';
import { endOfShanghaiDay, shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

import { stepsOn, type Hand } from '../support/project-steps.js';
const DAY = 86_400_000;

/** Who keeps the catalogue of standard solutions under each shipped profile, and who may not. */
const KEEPERS: Record<'enterprise-standard' | 'equipment-maker', { keeper: Hand; notKeeper: Hand }> = {
  // document 000 §4: 市场部 统筹, files and archives what the department publishes
  'enterprise-standard': { keeper: ['mk-zhou', 'MARKETING'], notKeeper: ['tm-he', 'TECH_MANAGER'] },
  // document 003: the technical center makes every solution, the standard ones too
  'equipment-maker': { keeper: ['tm-he', 'TECH_MANAGER'], notKeeper: ['mk-zhou', 'MARKETING'] },
};

describe.each(Object.keys(KEEPERS) as Array<keyof typeof KEEPERS>)('方案申请表, 申请派人交流单 and 标准方案 under the %s profile', (profile) => {
  let psm: PsmApp;
  beforeAll(async () => {
    psm = await PsmApp.start({ POLICY_FILE: profile });
  });
  afterAll(() => psm.stop());

  const AM: Hand = ['am-li', 'ACCOUNT_MANAGER'];
  // psm starts in beforeAll: the steps are taken on it when called
  const step = (hand: Hand, mutation: string, input: Record<string, unknown>) => stepsOn(psm).step(hand, mutation, input);
  const refused = (hand: Hand, mutation: string, input: Record<string, unknown>) => stepsOn(psm).refusal(hand, mutation, input);
  const workOf = async ([userId, role]: Hand) =>
    (await psm.graphql('{ myWork { projectId kind assigneeType assignee dueAt overdue } }', {}, psm.tokenFor(userId, role))).data.myWork as Array<Record<string, unknown>>;

  /** A lead approved and exchanged: the project is at PSM030. */
  async function atSolution(productLine: string): Promise<string> {
    const projectId = randomUUID();
    await step(AM, 'registerLead', {
      projectId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'two welding cells',
      channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine,
    });
    await step(['sup-zhao', 'SALES_SUPERVISOR'], 'screenLead', { projectId, decision: 'QUALIFY' });
    await step(['dir-sun', 'SALES_DIRECTOR'], 'approveProject', {
      projectId, sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    });
    await step(['pe-wang', 'PRESALES_ENGINEER'], 'recordExchange', { projectId, summary: 'memo', surveyNeeded: false });
    return projectId;
  }

  it('a request filed by the supervisor with a dispatch: the director signs, the team is due within a working day and late, its manager declines in writing, the sales GM decides and binds', async () => {
    const projectId = await atSolution('ROBOT_CELL');
    // the request was filed ten days ago: the team's working day has long run out
    const filedAt = new Date(Date.now() - 10 * DAY);
    psm.decideAt(filedAt);
    const dispatch = { site: '苏州精工二厂', purpose: '查看工件与场地', wantedOn: shanghaiDate(new Date(filedAt.getTime() + 3 * DAY)), people: 2 };
    const filed = await step(['sup-zhao', 'SALES_SUPERVISOR'], 'requestSolution', { projectId, need: 'two welding cells, 60 s cycle', dispatch });
    expect(filed.events[0].data).toMatchObject({ requestedBy: 'sup-zhao', onBehalfOf: 'am-li', dispatchSigners: ['SALES_DIRECTOR'], deadlines: [] });
    await psm.caughtUp();
    expect(await workOf(['dir-sun', 'SALES_DIRECTOR'])).toContainEqual(expect.objectContaining({ projectId, kind: 'DISPATCH_SIGNATURE', assigneeType: 'ROLE', assignee: 'SALES_DIRECTOR' }));
    // the team has not received it before the director signs
    expect(await refused(['pe-wang', 'PRESALES_ENGINEER'], 'answerSolutionRequest', { projectId, willMake: true })).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    expect(await refused(AM, 'signDispatchRequest', { projectId, approve: true })).toMatchObject({ code: 'FORBIDDEN' });
    await step(['dir-sun', 'SALES_DIRECTOR'], 'signDispatchRequest', { projectId, approve: true });
    psm.decideAt(undefined);
    await psm.caughtUp();

    // due at the end of the next working day on the policy's calendar, and overdue now, for the technical manager's role
    const dueAt = endOfShanghaiDay(chineseWorkingCalendar.addWorkingDays(shanghaiDate(filedAt), 1));
    expect(await workOf(['tm-he', 'TECH_MANAGER'])).toContainEqual({ projectId, kind: 'SOLUTION_REQUEST', assigneeType: 'ROLE', assignee: 'TECH_MANAGER', dueAt, overdue: true });
    expect(await workOf(['dir-sun', 'SALES_DIRECTOR'])).not.toContainEqual(expect.objectContaining({ projectId, kind: 'DISPATCH_SIGNATURE' }));

    // only the team's manager declines, in writing
    expect(await refused(['pe-wang', 'PRESALES_ENGINEER'], 'answerSolutionRequest', { projectId, willMake: false, reason: 'busy' }))
      .toMatchObject({ code: 'FORBIDDEN', domainCode: 'APPROVAL_LEVEL_REQUIRED' });
    await step(['tm-he', 'TECH_MANAGER'], 'answerSolutionRequest', { projectId, willMake: false, reason: '本月方案任务已满', reply: docOf('不制作书面回复') });
    await psm.caughtUp();
    expect(await workOf(['tm-he', 'TECH_MANAGER'])).not.toContainEqual(expect.objectContaining({ projectId, kind: 'SOLUTION_REQUEST' }));

    // sales disputes; the sales GM decides that the solution is made
    await step(AM, 'disputeSolutionAnswer', { projectId, reason: '重点客户，竞争对手已提交方案' });
    await psm.caughtUp();
    expect(await workOf(['gm-qian', 'BU_GENERAL_MANAGER'])).toContainEqual(expect.objectContaining({ projectId, kind: 'SOLUTION_DISPUTE', assignee: 'BU_GENERAL_MANAGER' }));
    expect(await refused(['dir-sun', 'SALES_DIRECTOR'], 'decideSolutionDispute', { projectId, makeSolution: true, reasoning: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
    await step(['gm-qian', 'BU_GENERAL_MANAGER'], 'decideSolutionDispute', { projectId, makeSolution: true, reasoning: '重点客户优先，技术中心调整排期' });
    await psm.caughtUp();
    expect(await workOf(['gm-qian', 'BU_GENERAL_MANAGER'])).not.toContainEqual(expect.objectContaining({ projectId, kind: 'SOLUTION_DISPUTE' }));

    const { data, errors } = await psm.graphql(`query($id: ID!) { project(id: $id) { solutionRequestOpen solutionRequest {
      status need requestedBy onBehalfOf dispatch { site people status signers decidedBy } answer { willMake reason reply { title } answeredBy }
      dispute { raisedBy reason deciders decision { makeSolution reasoning decidedBy } } } } }`, { id: projectId }, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(errors).toBeUndefined();
    expect(data.project).toEqual({
      solutionRequestOpen: false,
      solutionRequest: {
        status: 'ACCEPTED', need: 'two welding cells, 60 s cycle', requestedBy: 'sup-zhao', onBehalfOf: 'am-li',
        dispatch: { site: '苏州精工二厂', people: 2, status: 'SIGNED', signers: ['SALES_DIRECTOR'], decidedBy: 'dir-sun' },
        answer: { willMake: false, reason: '本月方案任务已满', reply: { title: '不制作书面回复' }, answeredBy: 'tm-he' },
        dispute: { raisedBy: 'am-li', reason: '重点客户，竞争对手已提交方案', deciders: ['BU_GENERAL_MANAGER'], decision: { makeSolution: true, reasoning: '重点客户优先，技术中心调整排期', decidedBy: 'gm-qian' } },
      },
    });
  });

  it('the catalogue is kept by the profile\'s keeper; a standard product goes from its reference solution and price to its quotation without a review', async () => {
    const { keeper, notKeeper } = KEEPERS[profile];
    const keep = async (hand: Hand, mutation: string, input: Record<string, unknown>) => {
      const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
      return psm.graphql(`mutation($input: ${type}!) { ${mutation}(input: $input) { entryId revision status versionInForce events { type } } }`,
        { input: { commandId: randomUUID(), ...input } }, psm.tokenFor(hand[0], hand[1]));
    };
    const cell = randomUUID();
    const publish = { entryId: cell, name: '标准双工位弧焊机器人工作站', productLine: 'ROBOT_CELL', document: docOf('标准工作站 v1'), referencePrice: cny(680_000) };
    expect((await keep(notKeeper, 'publishStandardSolution', publish)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
    expect((await keep(keeper, 'publishStandardSolution', publish)).data.publishStandardSolution).toMatchObject({ entryId: cell, status: 'PUBLISHED', versionInForce: 1 });
    expect((await keep(keeper, 'reviseStandardSolution', { entryId: cell, document: docOf('标准工作站 v2'), referencePrice: cny(650_000), changes: '国产变位机' }))
      .data.reviseStandardSolution).toMatchObject({ versionInForce: 2, events: [{ type: 'StandardSolutionRevised' }] });
    const press = randomUUID();
    await keep(keeper, 'publishStandardSolution', { entryId: press, name: '气动点焊机', productLine: 'ROBOT_CELL', document: docOf('点焊机 v1'), referencePrice: cny(90_000) });
    expect((await keep(keeper, 'withdrawStandardSolution', { entryId: press, reason: '停产' })).data.withdrawStandardSolution).toMatchObject({ status: 'WITHDRAWN' });
    await psm.caughtUp();

    const listed = await psm.graphql(`query($line: String) { standardSolutions(productLine: $line) { entryId name status inForce { version referencePrice { amount } document { sha256 } } versions { version } } }`,
      { line: 'ROBOT_CELL' }, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(listed.errors).toBeUndefined();
    expect(listed.data.standardSolutions).toEqual([{
      entryId: cell, name: '标准双工位弧焊机器人工作站', status: 'PUBLISHED', inForce: { version: 2, referencePrice: { amount: 65_000_000 }, document: { sha256: docOf('标准工作站 v2').sha256 } }, versions: [{ version: 1 }, { version: 2 }],
    }]);
    const all = await psm.graphql('{ standardSolutions(productLine: "ROBOT_CELL", includeWithdrawn: true) { entryId status } }', {}, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(all.data.standardSolutions).toHaveLength(2);
    const tooMany = await psm.graphql('{ standardSolutions(limit: 1000) { entryId } }', {}, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const projectId = await atSolution('ROBOT_CELL');
    // a superseded version, a withdrawn entry, and an entry of another product line are refused
    expect(await refused(AM, 'sendStandardSolution', { projectId, entryId: cell, version: 1 })).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'STANDARD_SOLUTION_UNAVAILABLE' });
    expect(await refused(AM, 'sendStandardSolution', { projectId, entryId: press, version: 1 })).toMatchObject({ domainCode: 'STANDARD_SOLUTION_UNAVAILABLE' });
    const lineProject = await atSolution('PRODUCTION_LINE');
    expect(await refused(AM, 'sendStandardSolution', { projectId: lineProject, entryId: cell, version: 2 })).toMatchObject({ domainCode: 'STANDARD_SOLUTION_UNAVAILABLE' });

    const sent = await step(AM, 'sendStandardSolution', { projectId, entryId: cell, version: 2 });
    expect(sent).toMatchObject({ stage: 'PSM040_QUOTATION', events: [{ type: 'StandardSolutionSent', data: { entryId: cell, version: 2, referencePrice: cny(650_000), referenceSolution: docOf('标准工作站 v2') } }] });
    expect((await step(AM, 'submitQuotation', { projectId, amount: cny(650_000), document: docOf('quotation 650000') })).events.map((event) => event.type)).toEqual(['QuotationSubmitted']);
    const { data } = await psm.graphql(`query($id: ID!) { project(id: $id) { stage solution { version } standardSolution { entryId name version referenceSolution { sha256 } referencePrice { amount currency } sentBy } } }`,
      { id: projectId }, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(data.project).toEqual({
      stage: 'PSM040_QUOTATION', solution: null,
      standardSolution: { entryId: cell, name: '标准双工位弧焊机器人工作站', version: 2, referenceSolution: { sha256: docOf('标准工作站 v2').sha256 }, referencePrice: cny(650_000), sentBy: 'am-li' },
    });
  });
});
