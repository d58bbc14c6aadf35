import type { Policy } from '../../../src/domain/policy/policy.js';
import { CONFIRMED_SUBJECTS, SENT_DOCUMENTS, SIGNED_DOCUMENTS, SIGNING_CAPACITIES, type Role } from '../../../src/domain/project/vocabulary.js';
import { cny, docOf } from '../psm-app.js';
import { CLOSED, issuers, judge, MODEL_CATALOGUE, type Judgement, type ModelCommand, type ModelProject } from './project-model.js';

/** The people of the model's department, one role each. */
export const CAST: ReadonlyArray<{ userId: string; role: Role }> = [
  { userId: 'm-am-1', role: 'ACCOUNT_MANAGER' }, { userId: 'm-am-2', role: 'ACCOUNT_MANAGER' },
  { userId: 'm-sup', role: 'SALES_SUPERVISOR' }, { userId: 'm-dir', role: 'SALES_DIRECTOR' },
  { userId: 'm-gm', role: 'BU_GENERAL_MANAGER' }, { userId: 'm-pe-1', role: 'PRESALES_ENGINEER' },
  { userId: 'm-pe-2', role: 'PRESALES_ENGINEER' }, { userId: 'm-rv-1', role: 'REVIEWER' },
  { userId: 'm-rv-2', role: 'REVIEWER' }, { userId: 'm-rv-3', role: 'REVIEWER' }, { userId: 'm-rv-4', role: 'REVIEWER' },
  { userId: 'm-tm', role: 'TECH_MANAGER' }, { userId: 'm-oc', role: 'OPERATIONS_CENTER' },
  { userId: 'm-mk', role: 'MARKETING' }, { userId: 'm-dl', role: 'DEPARTMENT_LEADER' }, { userId: 'm-sa', role: 'SALES_ASSISTANT' }, { userId: 'm-admin', role: 'ADMIN' },
  { userId: 'm-ex', role: 'EXECUTIVE' }, { userId: 'm-de-1', role: 'DELIVERY_ENGINEER' }, { userId: 'm-de-2', role: 'DELIVERY_ENGINEER' },
];

/** A day in Asia/Shanghai, `days` from today: the service dates bid openings on that calendar. */
/** The Monday of a day's week. */
const mondayOf = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};
const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const STALE = docOf('a version nobody is looking at any more').sha256;

type Variant = Pick<ModelCommand, 'type' | 'input'>;

/** The sha256 the customer is shown for each subject now (the contract intent is stated on the agreement). */
const shownToCustomer = (project: ModelProject, subject: string): string | undefined => ({
  EXCHANGE_MEMO: project.memo, SOLUTION: project.solution?.sha, QUOTATION: project.quotation?.sha,
  TECHNICAL_AGREEMENT: project.agreement?.sha, CONTRACT_INTENT: project.agreement?.sha, CONTRACT: project.contract?.sha,
} as Record<string, string | undefined>)[subject];

/** Every command the procedure knows, in the forms worth trying on this project now (`nonce` makes new documents new). */
function variants(project: ModelProject, projectId: string, nonce: number): Variant[] {
  const v = (type: ModelCommand['type'], input: Record<string, unknown>): Variant => ({ type, input });
  const fresh = (what: string) => docOf(`${projectId} ${what} ${nonce}`);
  const current = (sha?: string) => [sha ?? STALE, STALE];
  // the list's sheets (S1-DY 6.7, S2), and an oral agreement put in writing; without the first two it is incomplete
  const handoverItems = (oral: boolean) => [
    ...['CONTRACT_REVIEW_SHEET', 'PRODUCT_CONFIGURATION', 'REVIEW_ISSUES_SHEET', 'CUSTOMER_NEEDS', ...(oral ? ['ORAL_AGREEMENT'] : [])]
      .map((kind) => ({ kind, version: '1', ...fresh(`handover ${kind}`) })),
  ];
  const quotationFen = project.quotation?.fen ?? 9_000_000;
  const panels = [['m-rv-1'], ['m-rv-1', 'm-rv-2', 'm-rv-3'], ['m-rv-1', 'm-rv-2', 'm-rv-3', 'm-rv-4']];
  return [
    ...([[cny(800_000), 'ROBOT_CELL'], [cny(800_000), 'SINGLE_EQUIPMENT'], [cny(6_000_000), 'PRODUCTION_LINE']] as const).map(([estimatedAmount, productLine]) => v('RegisterLead', {
      title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells', channel: 'EXHIBITION',
      estimatedAmount, region: 'EAST', productLine,
    })),
    v('ScreenLead', { decision: 'QUALIFY' }), v('ScreenLead', { decision: 'REJECT', reason: 'no budget' }),
    v('ScreenLead', { decision: 'FORWARD', businessUnit: 'BU-South' }),
    v('DecideForward', { approve: true }), v('DecideForward', { approve: false, comments: 'keep it here' }),
    ...['m-am-1', 'm-am-2'].map((ownerId) => v('AssignLead', { ownerId })),
    v('RequestLeadEvaluation', { question: 'worth pursuing?' }), v('EvaluateLead', { importance: 'HIGH' }),
    ...[true, false].flatMap((hasMatureReference) => ['m-pe-1', 'm-pe-2'].map((presalesEngineerId) => v('ApproveProject', {
      sponsorId: 'm-dir', hasMatureReference, milestones: [{ name: 'solution', dueOn: '2027-03-01' }], presalesBudget: cny(20_000), presalesEngineerId,
    }))),
    v('RequestSolution', { need: 'two welding cells' }),
    v('RequestSolution', { need: 'two welding cells', dispatch: { site: 'the customer\'s plant', purpose: 'see the line', wantedOn: shanghaiDay(3), people: 2 } }),
    v('SignDispatchRequest', { approve: true }), v('SignDispatchRequest', { approve: false, comments: 'a call will do' }),
    v('AnswerSolutionRequest', { willMake: true }), v('AnswerSolutionRequest', { willMake: false, reason: 'no capacity this month' }),
    v('DisputeSolutionAnswer', { reason: 'a key account' }),
    v('DecideSolutionDispute', { makeSolution: true, reasoning: 'the account matters' }), v('DecideSolutionDispute', { makeSolution: false, reasoning: 'no capacity indeed' }),
    // the version in force of each entry, one superseded and one that never was
    ...MODEL_CATALOGUE.flatMap(({ entryId, versionInForce }) => [versionInForce, versionInForce - 1, versionInForce + 1].filter((version) => version > 0)
      .map((version) => v('SendStandardSolution', { entryId, version }))),
    v('RecordExchange', { summary: 'memo', surveyNeeded: true }), v('RecordExchange', { summary: 'memo', surveyNeeded: false, memo: fresh('memo') }),
    v('RecordSurvey', { summary: 'site report' }),
    v('SubmitSolution', { document: fresh('solution') }), v('SetSystemBudget', { systemBudget: cny(600_000) }),
    // the author on their own committee is refused: tried only as a refusal
    ...(['SOLUTION', 'TECHNICAL_AGREEMENT'] as const).flatMap((subject) => {
      const author = (subject === 'SOLUTION' ? project.solution : project.agreement)?.author ?? 'm-pe-1';
      return [...panels, [author, 'm-rv-1', 'm-rv-2']].map((reviewers) => v('ConveneReview', { subject, reviewers }));
    }),
    ...(['SOLUTION', 'TECHNICAL_AGREEMENT'] as const).flatMap((subject) =>
      current((subject === 'SOLUTION' ? project.solution : project.agreement)?.sha).flatMap((documentSha256) => [
        v('ApproveReview', { subject, documentSha256 }), v('RejectReview', { subject, documentSha256, comments: 'not convincing' }),
      ])),
    ...[90_000, 400_000].map((yuan) => v('SubmitQuotation', { amount: cny(yuan), document: fresh('quotation') })),
    ...current(project.quotation?.sha).map((documentSha256) => v('ApproveQuotation', { documentSha256 })),
    v('ChooseProcurement', { method: 'TENDER' }), v('ChooseProcurement', { method: 'NEGOTIATION' }),
    v('AdviseBid', { advice: 'BID' }), v('AdviseBid', { advice: 'NO_BID', reason: 'tight deadline' }),
    v('DecideBid', { decision: 'BID' }), v('DecideBid', { decision: 'NO_BID', reason: 'no qualification' }),
    v('RecordBidStep', { step: 'LOAN_SIGNED', amount: cny(500) }),
    ...[30, 1, 0, -5].map((days) => v('RecordBidStep', { step: 'DOCUMENTS_PURCHASED', openingOn: shanghaiDay(days), amount: cny(500), _openingInDays: days })),
    v('EvaluateTenderDocuments', { findings: 'terms acceptable', evaluators: ['m-dir', 'm-pe-1'] }),
    v('HoldBidKickOff', { attendees: ['m-am-1', 'm-pe-1'], assignments: [{ assignee: 'm-pe-1', task: 'technical bid' }] }),
    v('SubmitTechnicalBid', { document: fresh('technical bid'), cost: cny(60_000) }),
    v('RecordBidStep', { step: 'BOND_PAID', amount: cny(5_000) }), v('RecordBidStep', { step: 'DOCUMENTS_CHECKED' }),
    v('RecordBidStep', { step: 'DOCUMENTS_SEALED', delivery: 'COURIER' }),
    ...[quotationFen, 9_000_000].map((fen) => v('RecordBidStep', { step: 'BID_SUBMITTED', amount: { amount: fen, currency: 'CNY' } })),
    v('RecordBidOpening', { attendees: ['m-am-1'], presentation: 'ten minutes', technicalQuestions: 'cycle time', bidders: [{ bidder: '甲公司', price: cny(85_000) }] }),
    v('RecordBidResult', { result: 'WON', competitors: ['甲公司'], reasons: ['TECHNICAL'] }),
    v('RecordBidResult', { result: 'LOST', winner: '甲公司', winningPrice: cny(80_000), ourPrice: cny(90_000), reasons: ['PRICE'] }),
    v('RecordNegotiation', { notes: 'terms agreed' }),
    v('SubmitTechnicalAgreement', { document: fresh('agreement') }),
    ...current(project.agreement?.sha).flatMap((documentSha256) => SIGNING_CAPACITIES.map((capacity) => v('SignTechnicalAgreement', { documentSha256, capacity }))),
    ...[[], [{ role: 'TECH_MANAGER' }], [{ role: 'REVIEWER', userId: 'm-rv-4' }], [{ role: 'REVIEWER' }]].flatMap((extraSigners) =>
      [quotationFen, quotationFen + 100].map((fen) => v('DraftContract', { document: fresh('contract'), amount: { amount: fen, currency: 'CNY' }, extraSigners }))),
    ...current(project.contract?.sha).flatMap((documentSha256) => [
      v('Countersign', { decision: 'SIGN', documentSha256 }), v('Countersign', { decision: 'REJECT', documentSha256, comments: 'penalty clause' }),
    ]),
    ...current(project.contract?.sha).flatMap((sha256) => SIGNING_CAPACITIES.map((capacity) => v('SignContract', { signedOn: shanghaiDay(0), document: { ...fresh('signed'), sha256 }, capacity }))),
    ...SIGNED_DOCUMENTS.flatMap((document) => ['m-am-1', 'm-dir'].map((userId) => v('NameSigningRepresentative', { document, userId }))),
    ...SIGNED_DOCUMENTS.flatMap((document) => {
      const signed = document === 'CONTRACT' ? project.contract?.sha : project.agreement?.sha;
      return [fresh(`${document} scan`), { ...fresh('not a scan'), sha256: signed ?? STALE }].map((scan) => v('ArchiveSignedScan', { document, scan }));
    }),
    ...['SOLUTION', 'TECHNICAL_AGREEMENT', 'CONTRACT_INTENT'].map((subject) => v('RecordCustomerDeclined', { subject, reason: 'the customer chose another supplier' })),
    v('RequestTermination', { reason: 'customer postponed' }),
    v('DecideTermination', { approve: true }), v('DecideTermination', { approve: false, comments: 'keep going' }),
    ...[handoverItems(false), handoverItems(true), handoverItems(true).slice(2)].map((items) => v('HandOver', { receivedBy: 'm-de-1', items })),
    ...current(project.handover?.oral.find((oral) => !oral.confirmed)?.sha).map((sha256) => v('ConfirmOralAgreement', { sha256 })),
    v('ReceiveHandover', {}),
    v('SummarizeProject', { reasons: ['TECHNICAL'], text: 'summary', participants: ['m-am-1', 'm-sponsor'], meetingOn: shanghaiDay(0), lessons: 'start the survey sooner' }),
    v('AddTrackingNote', { kind: 'CALL', note: 'called the customer' }),
    v('AddTrackingNote', { kind: 'MEETING', note: 'met the plant manager', place: '客户会议室', participants: ['m-am-1', '陈工'], customerFeedback: 'wants a demo', nextAction: 'plan a demo', nextActionOn: shanghaiDay(-1) }),
    // a next action dated before its contact
    v('AddTrackingNote', { kind: 'VISIT', note: 'visited', contactedOn: shanghaiDay(0), nextAction: 'call back', nextActionOn: shanghaiDay(-3) }),
    ...[mondayOf(shanghaiDay(0)), mondayOf(shanghaiDay(-7)), shanghaiDay(0) === mondayOf(shanghaiDay(0)) ? shanghaiDay(1) : shanghaiDay(0)]
      .map((weekStartingOn) => v('ReportWeeklyTracking', { weekStartingOn, summary: 'two calls, a visit' })),
    v('RaiseChallenge', { question: 'why no visit this month?' }),
    ...[1, 2].map((number) => v('AnswerChallenge', { number, answer: 'the plant was shut for the holiday' })),
    v('RecordMeetingMemo', { heldOn: shanghaiDay(0), participants: ['m-am-1', 'm-pe-1'], subject: 'bid strategy', decisions: 'bid at the approved price' }),
    v('PlanDemo', { audience: 'plant manager', environment: 'our showroom cell', agenda: 'weld two parts', durationMinutes: 90 }),
    ...[1, 2].flatMap((number) => [v('RecordDemoHeld', { number, presenters: ['m-pe-1'], heldOn: shanghaiDay(0) }), v('RecordDemoFeedback', { number, feedback: 'liked the cycle time' })]),
    v('NoteCompetitor', { competitor: '甲公司', strengths: 'cheaper', price: cny(70_000) }),
    // 售前考核 once a project is closed, as the department asks for them: the open projects' sequences stay as they were
    ...(CLOSED.includes(project.stage) ? [
      ...[['m-pe-1'], ['m-pe-1', 'm-am-1']].map((rates) => v('SendSatisfactionSurvey', { contact: { name: '陈工', email: 'chen@example.cn' }, rates })),
      ...[['m-pe-1', 4], ['m-pe-2', 5], ['m-pe-1', 9]].map(([person, score]) => v('RateCollaboration', { person, score, comment: 'answered the delivery team within a day' })),
    ] : []),
    v('AttachDocument', { kind: 'MINUTES', version: String(nonce), ...fresh('minutes') }),
    ...CONFIRMED_SUBJECTS.flatMap((subject) => current(shownToCustomer(project, subject)).map((documentSha256) => v('RecordCustomerConfirmation', { subject, documentSha256 }))),
    ...SENT_DOCUMENTS.flatMap((document) => current(shownToCustomer(project, document)).map((documentSha256) => v('SendToCustomer', { document, documentSha256 }))),
    ...SIGNED_DOCUMENTS.flatMap((document) => [0, -1].map((days) => v('BookSigning', { document, appointedOn: shanghaiDay(days), place: '客户会议室' }))),
  ];
}

const dayAfter = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
const monthOf = (days: number) => shanghaiDay(days).slice(0, 7);

/** 售前项目管理 (document 004): plans, task books within and beyond the policy's band, costs, war rooms, reports, adjustments. */
function controlVariants(project: ModelProject): Variant[] {
  const v = (type: ModelCommand['type'], input: Record<string, unknown>): Variant => ({ type, input });
  const plan = {
    strengths: '老客户', weaknesses: '价格偏高', goals: '六月前签约', risks: '预算削减', withdrawalCriteria: '客户改为公开招标且资质不符', participants: ['m-am-1', 'm-dir'],
    workItems: [{ task: '技术交流', ownerId: 'm-pe-1', dueOn: shanghaiDay(14), purpose: '确认需求' }],
  };
  const late = project.control.milestones.find((milestone) => !milestone.reached);
  const open = project.control.open?.number ?? 1;
  return [
    v('FileSalesPlan', plan), v('FileSalesPlan', { ...plan, revisionReason: '客户组织架构调整' }),
    // a gross margin of 1,000,000 CNY: 50,000 CNY within either profile's band, 100,000 CNY beyond it
    ...[5_000_000, 10_000_000].map((budget) => v('FileTaskBook', {
      expectedGrossMargin: { amount: 100_000_000, currency: 'CNY' }, budget: { amount: budget, currency: 'CNY' },
      milestones: [{ name: 'solution', dueOn: shanghaiDay(30) }, { name: 'contract', dueOn: shanghaiDay(90) }],
    })),
    v('ConfirmTaskBook', { version: project.control.taskBook?.version ?? 1 }),
    ...[20_000, 60_000].map((yuan) => v('BookPresalesCost', { category: 'TRAVEL', amount: cny(yuan), spentOn: shanghaiDay(0), note: '拜访客户差旅' })),
    v('HoldWarRoomMeeting', { heldOn: shanghaiDay(0), attendees: ['m-dir', 'm-am-1'], minutes: '竞争对手降价', decision: 'CONTINUE' }),
    v('HoldWarRoomMeeting', { heldOn: shanghaiDay(0), attendees: ['m-dir', 'm-am-1'], minutes: '客户预算取消', decision: 'PROPOSE_STOP', stopReason: '触发撤出标准' }),
    ...[[monthOf(0), []], [monthOf(0), ['solution']], [monthOf(-31), []]].map(([month, milestonesReached]) =>
      v('ReportMonthlyProgress', { month, progress: '完成方案交流', nextSteps: '准备报价', risks: '竞争激烈', milestonesReached })),
    ...(late ? [10, 60].map((days) => v('RequestPlanAdjustment', { kind: 'MILESTONE', milestone: late.name, newDueOn: dayAfter(late.dueOn, days), reason: '客户推迟评审' })) : []),
    ...[5_000, 50_000].map((yuan) => v('RequestPlanAdjustment', { kind: 'BUDGET', extraBudget: cny(yuan), reason: '增加一次演示' })),
    v('ConfirmPlanAdjustment', { number: open }),
    v('DecidePlanAdjustment', { number: open, approve: true }), v('DecidePlanAdjustment', { number: open, approve: false, comments: '先控制费用' }),
  ];
}

/** What one step of a generated sequence asks for; the model turns it into a concrete command. */
export interface Intent {
  project: number;
  /** 0–74: a step the model accepts; 75–79: one sent by someone else or on an old document; 80–89: a refused step by someone of the right role; 90–99: anything. */
  mode: number;
  choice: number;
}

/** Steps that set a project back or close it early: taken, but rarely, so that sequences also reach the contract. */
function weightOf({ type, input }: ModelCommand, project: ModelProject): number {
  if (type === 'AddTrackingNote' || type === 'AttachDocument' || type === 'RecordNegotiation' || type === 'SetSystemBudget') return 0.06;
  if (type === 'PlanDemo' || type === 'RecordDemoHeld' || type === 'RecordDemoFeedback' || type === 'NoteCompetitor' || type === 'AdviseBid') return 0.04;
  if (type === 'SubmitTechnicalBid' && project.tender.technicalBids > 0) return 0.05;
  // sent and booked: steps no step waits for; the memo's acknowledgement neither
  if (type === 'SendToCustomer' || type === 'BookSigning' || (type === 'RecordCustomerConfirmation' && input.subject === 'EXCHANGE_MEMO')) return 0.05;
  if (type === 'SendSatisfactionSurvey' || type === 'RateCollaboration') return 0.5;
  if (type === 'ReportWeeklyTracking' || type === 'RaiseChallenge' || type === 'AnswerChallenge' || type === 'RecordMeetingMemo') return 0.02;
  if (type === 'RequestLeadEvaluation' || type === 'EvaluateLead' || type === 'RequestSolution') return 0.05;
  // the fast path skips the review: taken now and then, so that reviews are still reached
  if (type === 'SendStandardSolution' || type === 'DisputeSolutionAnswer') return 0.2;
  // a representative may be named at any stage after 立项 (and named again): rarely, but often enough to sign
  if (type === 'NameSigningRepresentative') return 0.1;
  // a reassignment may come at any stage: rarely, so that sequences still reach the contract
  if (type === 'AssignLead') return project.stage === 'LEAD' ? 0.05 : 0.01;
  const resubmission = (type === 'SubmitSolution' && project.solution?.status !== 'FAILED' && project.solution)
    || (type === 'SubmitTechnicalAgreement' && project.agreement?.status !== 'FAILED' && project.agreement)
    || (type === 'SubmitQuotation' && project.quotation) || (type === 'DraftContract' && project.contract !== undefined && project.contract.status !== 'REJECTED');
  if (resubmission) return 0.05;
  if (type === 'RequestTermination' || type === 'RecordCustomerDeclined') return 0.02;
  const setback = type === 'RejectReview' || type === 'DecideTermination'
    || (type === 'ScreenLead' && input.decision !== 'QUALIFY') || (type === 'DecideForward' && input.approve) || (type === 'DecideBid' && input.decision === 'NO_BID')
    || (type === 'Countersign' && input.decision === 'REJECT');
  if (setback) return 0.25;
  // a tender's result ends a long path: lost half as often as won, so that sequences meet both
  return type === 'RecordBidResult' && input.result === 'LOST' ? 0.5 : 1;
}

/** The command an intent stands for on this project: mostly progress, sometimes the wrong person, sometimes anything. */
export function commandFor(policy: Policy, intent: Intent, project: ModelProject, projectId: string, nonce: number): ModelCommand {
  const forms = variants(project, projectId, nonce);
  const anything = (): ModelCommand => ({ ...forms[intent.choice % forms.length], actor: CAST[Math.floor(intent.choice / forms.length) % CAST.length] });
  if (intent.mode >= 90) return anything();
  // only people holding a role the command names can be accepted: the others are not judged
  const entitled = forms.flatMap((form) => CAST.filter(({ role }) => issuers(policy, form.type).has(role)).map((actor) => ({ ...form, actor })));
  // each candidate judged once: the judgement is a pure function of the project and the command
  const judged = new Map<ModelCommand, Judgement>(entitled.map((command) => [command, judge(policy, project, command)]));
  const valid = entitled.filter((command) => judged.get(command)!.accepted);
  if (intent.mode >= 80) {
    // the right role at the wrong moment: what the rules of the procedure, not the roles, refuse; a rule is
    // chosen first, then a command it refuses, so that rules refusing few commands are tried as often as the rest
    const byRule = new Map<string, ModelCommand[]>();
    for (const command of entitled.filter((candidate) => !valid.includes(candidate))) {
      const judgement = judged.get(command)!;
      const rule = judgement.accepted ? 'accepted' : judgement.code;
      byRule.set(rule, [...(byRule.get(rule) ?? []), command]);
    }
    const rules = [...byRule.values()];
    if (rules.length === 0) return anything();
    const commands = rules[intent.choice % rules.length];
    return commands[Math.floor(intent.choice / rules.length) % commands.length];
  }
  if (valid.length === 0) return anything();
  // choose a kind of step by weight first, so that commands many people may send do not crowd out the procedure
  const kinds = new Map<string, ModelCommand[]>();
  for (const command of valid) {
    const kind = `${command.type} ${weightOf(command, project)}`;
    kinds.set(kind, [...(kinds.get(kind) ?? []), command]);
  }
  const weighted = [...kinds.values()].map((commands) => ({ commands, weight: weightOf(commands[0], project) }));
  let target = ((intent.choice % 1_000_003) / 1_000_003) * weighted.reduce((sum, { weight }) => sum + weight, 0);
  const { commands } = weighted.find(({ weight }) => (target -= weight) < 0) ?? weighted[weighted.length - 1];
  const chosen = commands[Math.floor(intent.choice / 1_000_003) % commands.length];
  if (intent.mode < 75) return chosen;
  // a near miss: the same step by a colleague of the same role, by anyone else, or on a document no longer in force
  const colleagues = CAST.filter(({ role, userId }) => role === chosen.actor.role && userId !== chosen.actor.userId);
  if (intent.mode < 78 && colleagues.length) return { ...chosen, actor: colleagues[intent.choice % colleagues.length] };
  if ('documentSha256' in chosen.input && intent.choice % 2 === 0) return { ...chosen, input: { ...chosen.input, documentSha256: STALE } };
  return { ...chosen, actor: CAST[(CAST.indexOf(chosen.actor) + 1 + (intent.choice % (CAST.length - 1))) % CAST.length] };
}

const CONTROL_CHAIN: readonly string[] = ['DecidePlanAdjustment', 'ConfirmPlanAdjustment', 'RequestPlanAdjustment', 'BookPresalesCost', 'ConfirmTaskBook', 'FileTaskBook'];
const CONTROLLED: readonly string[] = ['PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT'];

/**
 * Document 004's controls, as a step taken beside an intent's own (about one intent in five, once the project is approved):
 * the intent's own steps stay those of the procedure's sequence, whatever the controls add. Mostly a step the model
 * accepts, chosen by kind first; otherwise one it refuses, by the right role or by anyone.
 */
export function controlCommandFor(policy: Policy, intent: Intent, project: ModelProject, projectId: string, nonce: number): ModelCommand | undefined {
  if (!CONTROLLED.includes(project.stage) || Math.floor(intent.choice / 16) % 5 !== 0) return undefined;
  const forms = controlVariants(project);
  const pick = <T>(list: readonly T[], salt: number) => list[Math.floor(intent.choice / salt) % list.length];
  if (intent.mode >= 85) return { ...pick(forms, 113), actor: pick(CAST, 127) };
  const entitled = forms.flatMap((form) => CAST.filter(({ role }) => issuers(policy, form.type).has(role)).map((actor) => ({ ...form, actor })));
  const valid = entitled.filter((command) => judge(policy, project, command).accepted);
  if (intent.mode >= 60 || valid.length === 0) return pick(entitled.filter((command) => !valid.includes(command)), 131);
  const kinds = [...new Set(valid.map(({ type }) => type))];
  // one time in two the furthest step of the task book's chain, so that sequences reach costs and decided adjustments
  const furthest = CONTROL_CHAIN.find((type) => (kinds as readonly string[]).includes(type));
  const kind = furthest && Math.floor(intent.choice / 149) % 2 === 0 ? furthest : pick(kinds, 137);
  return pick(valid.filter(({ type }) => type === kind), 139 * (nonce + 1));
}

/** The GraphQL input of a command: model-only hints (`_…`) left out. */
export const graphqlInput = (command: ModelCommand) => Object.fromEntries(Object.entries(command.input).filter(([key]) => !key.startsWith('_')));

export const mutationOf = (command: ModelCommand) => `${command.type[0].toLowerCase()}${command.type.slice(1)}`;
