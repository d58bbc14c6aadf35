import fc from 'fast-check';
import type { StandardSolution } from '../../../src/domain/catalogue/standard-solution.js';
import type { Policy } from '../../../src/domain/policy/policy.js';
import { commandRoleTable } from '../../../src/domain/policy/responsibilities.js';
import { ACTIONS } from '../../../src/domain/project/action-catalogue.js';
import { availableActions, type AvailableAction } from '../../../src/domain/project/available-actions.js';
import type { ProjectCommand } from '../../../src/domain/project/commands.js';
import { decide } from '../../../src/domain/project/decide.js';
import { DomainError, type DomainErrorCode } from '../../../src/domain/project/errors.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import { ENTERPRISE_STANDARD, EQUIPMENT_MAKER } from '../../support/policies.js';
import { AM, ENGINEER, RECEIVER, agreementPassed, cny, countersigned, doc, history, leadRegistered, requiredSheets, sheet, tendering, won } from './fixtures.js';
import { as, contextFor, given } from './given-when-then.js';
import { after, am as sponsorless, confirmedBook, plan, planned, sponsor, taskBook } from './sales-control-fixtures.js';

const CAST = [
  as(AM, 'ACCOUNT_MANAGER'), as(ENGINEER, 'PRESALES_ENGINEER'), as('pe-zhang', 'PRESALES_ENGINEER'),
  as('rv-1', 'REVIEWER'), as('rv-2', 'REVIEWER'), as('rv-3', 'REVIEWER'), as('rv-4', 'REVIEWER'), as('sup-zhao', 'SALES_SUPERVISOR'),
  as('dir-sun', 'SALES_DIRECTOR'), as('gm-qian', 'BU_GENERAL_MANAGER'), as('tm-he', 'TECH_MANAGER'),
  as('oc-wu', 'OPERATIONS_CENTER'), as('mk-zhou', 'MARKETING'), as('dl-feng', 'DEPARTMENT_LEADER'), as('sa-jiang', 'SALES_ASSISTANT'), as('admin', 'ADMIN'),
  as('ex-shen', 'EXECUTIVE'), as(RECEIVER, 'DELIVERY_ENGINEER'), as('de-other', 'DELIVERY_ENGINEER'),
];
const ORAL = sheet('ORAL_AGREEMENT', '口头协议书面化');
const CAPACITIES = ['TECHNICAL_LEAD', 'ACCOUNT_MANAGER', 'DEPARTMENT_LEADER', 'REPRESENTATIVE'] as const;
type Person = (typeof CAST)[number];
const REVIEWERS = ['rv-1', 'rv-2', 'rv-3'];
/** 标准方案库 as the commands find it: one entry in force for the fixtures' product line. */
const STANDARD_CELL: StandardSolution = {
  entryId: '0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d', name: 'standard cell', productLine: 'ROBOT_CELL', status: 'PUBLISHED',
  versions: [{ version: 1, document: doc('standard cell'), referencePrice: cny(680_000), publishedBy: 'mk-zhou' }],
};
const withCatalogue = (person: Person, policy: Policy) => contextFor(person, { policy, standardSolutions: { [STANDARD_CELL.entryId]: STANDARD_CELL } });
const keyOf = (action: { command: string; variant?: string }) => `${action.command}/${action.variant ?? ''}`;

/** This spec's own idea of valid data for each action, written apart from the catalogue's probes. */
function validCommands(project: Project): Record<string, ProjectCommand[]> {
  const pending = project.control.milestones.find((milestone) => !milestone.reachedOn);
  const adjustment = project.control.adjustments.find(({ status }) => status === 'REQUESTED' || status === 'CONFIRMED')?.number ?? 1;
  const c = <Type extends ProjectCommand['type']>(type: Type, data: Extract<ProjectCommand, { type: Type }>['data']) => ({ type, data }) as ProjectCommand;
  const sha = (review?: { document: { sha256: string } }) => review?.document.sha256 ?? doc('nothing').sha256;
  const quoted = project.quotation?.amount ?? cny(90_000);
  const contractSha = sha(project.contract);
  const forms: Record<string, ProjectCommand[]> = {
    'ScreenLead/QUALIFY': [c('ScreenLead', { decision: 'QUALIFY' })],
    'ScreenLead/REJECT': [c('ScreenLead', { decision: 'REJECT', reason: 'no budget' })],
    'ScreenLead/FORWARD': [c('ScreenLead', { decision: 'FORWARD', businessUnit: 'BU-South' })],
    'AssignLead/': [c('AssignLead', { ownerId: project.lead.ownerId === 'am-zhou' ? AM : 'am-zhou' })],
    'DecideForward/': [c('DecideForward', { approve: true }), c('DecideForward', { approve: false, comments: 'we make it ourselves' })],
    'RequestLeadEvaluation/': [c('RequestLeadEvaluation', { question: 'a market for us?' })],
    'EvaluateLead/': [c('EvaluateLead', { importance: 'HIGH' })],
    'ApproveProject/': [true, false].map((hasMatureReference) => c('ApproveProject', {
      sponsorId: 'dir-sun', presalesEngineerId: ENGINEER, hasMatureReference, milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    })),
    'RequestSolution/': [
      c('RequestSolution', { need: 'two welding cells' }),
      c('RequestSolution', { need: 'two welding cells', dispatch: { site: 'plant 2', purpose: 'see the line', wantedOn: '2026-11-27', people: 2 } }),
    ],
    'SignDispatchRequest/SIGN': [c('SignDispatchRequest', { approve: true })],
    'SignDispatchRequest/REFUSE': [c('SignDispatchRequest', { approve: false, comments: 'a call will do' })],
    'AnswerSolutionRequest/MAKE': [c('AnswerSolutionRequest', { willMake: true })],
    'AnswerSolutionRequest/DECLINE': [c('AnswerSolutionRequest', { willMake: false, reason: 'no capacity' })],
    'DisputeSolutionAnswer/': [c('DisputeSolutionAnswer', { reason: 'a key account' })],
    'DecideSolutionDispute/MAKE': [c('DecideSolutionDispute', { makeSolution: true, reasoning: 'the account matters' })],
    'DecideSolutionDispute/UPHOLD': [c('DecideSolutionDispute', { makeSolution: false, reasoning: 'no capacity indeed' })],
    'SendStandardSolution/': [c('SendStandardSolution', { entryId: STANDARD_CELL.entryId, version: 1 })],
    'RecordExchange/': [true, false].map((surveyNeeded) => c('RecordExchange', { summary: 'met the plant manager', surveyNeeded, memo: doc('memo') })),
    'RecordSurvey/': [c('RecordSurvey', { summary: 'site report' })],
    'SubmitSolution/': [c('SubmitSolution', { document: doc('solution', (project.solution?.version ?? 0) + 1) })],
    'SetSystemBudget/': [c('SetSystemBudget', { systemBudget: cny(600_000) })],
    'ConveneReview/SOLUTION': [c('ConveneReview', { subject: 'SOLUTION', reviewers: REVIEWERS })],
    'ConveneReview/TECHNICAL_AGREEMENT': [c('ConveneReview', { subject: 'TECHNICAL_AGREEMENT', reviewers: REVIEWERS })],
    'SubmitQuotation/': [90_000, 400_000].map((yuan) => c('SubmitQuotation', { amount: cny(yuan), document: doc(`quotation ${yuan}`, (project.quotation?.version ?? 0) + 1) })),
    'ApproveQuotation/': [c('ApproveQuotation', { documentSha256: sha(project.quotation) })],
    'ChooseProcurement/': (['TENDER', 'NEGOTIATION'] as const).map((method) => c('ChooseProcurement', { method })),
    'AdviseBid/': [c('AdviseBid', { advice: 'BID' }), c('AdviseBid', { advice: 'NO_BID', reason: 'tight deadline' })],
    'DecideBid/BID': [c('DecideBid', { decision: 'BID' })],
    'DecideBid/NO_BID': [c('DecideBid', { decision: 'NO_BID', reason: 'no qualification' })],
    'RecordBidStep/LOAN_SIGNED': [c('RecordBidStep', { step: 'LOAN_SIGNED', amount: cny(500) })],
    'RecordBidStep/DOCUMENTS_PURCHASED': [c('RecordBidStep', { step: 'DOCUMENTS_PURCHASED', openingOn: '2026-12-24', amount: cny(500) })],
    'EvaluateTenderDocuments/': [c('EvaluateTenderDocuments', { findings: 'terms acceptable', evaluators: [AM, ENGINEER] })],
    'HoldBidKickOff/': [c('HoldBidKickOff', { attendees: [AM, ENGINEER], assignments: [{ assignee: ENGINEER, task: 'technical bid' }] })],
    'SubmitTechnicalBid/': [c('SubmitTechnicalBid', { document: doc('technical bid', project.tender.technicalBids + 1), cost: cny(60_000) })],
    'RecordBidStep/DOCUMENTS_SEALED': [c('RecordBidStep', { step: 'DOCUMENTS_SEALED', delivery: 'POST' })],
    'RecordBidOpening/': [c('RecordBidOpening', { attendees: [AM], bidders: [{ bidder: '甲公司', price: cny(85_000) }] })],
    'RecordBidStep/BOND_PAID': [c('RecordBidStep', { step: 'BOND_PAID', amount: cny(5_000) })],
    'RecordBidStep/DOCUMENTS_CHECKED': [c('RecordBidStep', { step: 'DOCUMENTS_CHECKED' })],
    'RecordBidStep/BID_SUBMITTED': [c('RecordBidStep', { step: 'BID_SUBMITTED', amount: quoted })],
    'RecordBidResult/': [
      c('RecordBidResult', { result: 'WON', competitors: ['甲公司'] }),
      c('RecordBidResult', { result: 'LOST', winner: '甲公司', ourPrice: quoted, reasons: ['PRICE'] }),
    ],
    'RecordNegotiation/': [c('RecordNegotiation', { notes: 'terms agreed' })],
    'SubmitTechnicalAgreement/': [c('SubmitTechnicalAgreement', { document: doc('agreement', (project.agreement?.version ?? 0) + 1) })],
    'SignTechnicalAgreement/': CAPACITIES.map((capacity) => c('SignTechnicalAgreement', { documentSha256: sha(project.agreement), capacity })),
    'DraftContract/': [c('DraftContract', { document: doc('contract', (project.contract?.version ?? 0) + 1), amount: quoted, extraSigners: [] })],
    'Countersign/SIGN': [c('Countersign', { decision: 'SIGN', documentSha256: contractSha })],
    'Countersign/REJECT': [c('Countersign', { decision: 'REJECT', documentSha256: contractSha, comments: 'penalty clause' })],
    'SignContract/': CAPACITIES.map((capacity) => c('SignContract', { signedOn: '2026-11-24', document: { ...doc('signed contract'), sha256: contractSha }, capacity })),
    'RequestTermination/': [c('RequestTermination', { reason: 'customer postponed' })],
    'DecideTermination/': [c('DecideTermination', { approve: true }), c('DecideTermination', { approve: false, comments: 'keep going' })],
    'HandOver/': [c('HandOver', { receivedBy: RECEIVER, items: [...requiredSheets(), ORAL] })],
    'ConfirmOralAgreement/': [c('ConfirmOralAgreement', { sha256: project.handover?.oralAgreements.find((oral) => !oral.confirmed)?.sha256 ?? ORAL.sha256 })],
    'ReceiveHandover/': [c('ReceiveHandover', {})],
    'SummarizeProject/': [c('SummarizeProject', { reasons: ['PRICE'], text: 'lessons learnt' })],
    'AddTrackingNote/': [c('AddTrackingNote', { kind: 'CALL', note: 'called the customer' })],
    'AttachDocument/': [c('AttachDocument', { kind: 'MINUTES', version: '1', ...doc('minutes') })],
    'PlanDemo/': [c('PlanDemo', { audience: 'plant manager', environment: 'showroom cell', agenda: 'weld two parts', durationMinutes: 60 })],
    'RecordDemoHeld/': [1, 2].map((number) => c('RecordDemoHeld', { number, presenters: [ENGINEER], heldOn: '2026-11-24' })),
    'RecordDemoFeedback/': [1, 2].map((number) => c('RecordDemoFeedback', { number, feedback: 'liked the cycle time' })),
    'NoteCompetitor/': [c('NoteCompetitor', { competitor: 'KUKA', weaknesses: 'long delivery' })],
    'ReportWeeklyTracking/': [c('ReportWeeklyTracking', { weekStartingOn: '2026-11-23', summary: 'two calls' })],
    'RaiseChallenge/': [c('RaiseChallenge', { question: 'why no visit?' })],
    'AnswerChallenge/': [1, 2].map((number) => c('AnswerChallenge', { number, answer: 'the plant was shut' })),
    'RecordMeetingMemo/': [c('RecordMeetingMemo', { heldOn: '2026-11-24', participants: [AM], subject: 'bid strategy', decisions: 'bid' })],
    'SendSatisfactionSurvey/': [c('SendSatisfactionSurvey', { contact: { name: '陈工' }, rates: [ENGINEER], tokenSha256: 'e'.repeat(64) })],
    'RateCollaboration/': [c('RateCollaboration', { person: ENGINEER, score: 4, comment: 'answered within a day' })],
    // 售前项目管理 (document 004)
    'FileSalesPlan/': [c('FileSalesPlan', { ...plan, revisionReason: 'the customer reorganised' })],
    'FileTaskBook/': [c('FileTaskBook', taskBook)],
    'ConfirmTaskBook/': [c('ConfirmTaskBook', { version: project.control.taskBook?.version ?? 1 })],
    'BookPresalesCost/': [c('BookPresalesCost', { category: 'TRAVEL', amount: cny(3_000), spentOn: '2026-11-23', note: 'a visit' })],
    'HoldWarRoomMeeting/CONTINUE': [c('HoldWarRoomMeeting', { heldOn: '2026-11-24', attendees: ['dir-sun', AM], minutes: 'on track', decision: 'CONTINUE' })],
    'HoldWarRoomMeeting/PROPOSE_STOP': [c('HoldWarRoomMeeting', { heldOn: '2026-11-24', attendees: ['dir-sun'], minutes: 'budget frozen', decision: 'PROPOSE_STOP', stopReason: 'budget frozen' })],
    'ReportMonthlyProgress/': ['2026-10', '2026-11'].map((month) => c('ReportMonthlyProgress', { month, progress: 'exchange held', nextSteps: 'solution', risks: 'price' })),
    'RequestPlanAdjustment/MILESTONE': [c('RequestPlanAdjustment', { kind: 'MILESTONE', milestone: pending?.name ?? 'solution', newDueOn: '2027-06-30', reason: 'the review slipped' })],
    'RequestPlanAdjustment/BUDGET': [c('RequestPlanAdjustment', { kind: 'BUDGET', extraBudget: cny(5_000), reason: 'one more demo' })],
    'ConfirmPlanAdjustment/': [c('ConfirmPlanAdjustment', { number: adjustment })],
    'DecidePlanAdjustment/APPROVE': [c('DecidePlanAdjustment', { number: adjustment, approve: true })],
    'DecidePlanAdjustment/DECLINE': [c('DecidePlanAdjustment', { number: adjustment, approve: false, comments: 'cut travel first' })],
  };
  for (const subject of ['SOLUTION', 'TECHNICAL_AGREEMENT'] as const) {
    const documentSha256 = sha(subject === 'SOLUTION' ? project.solution : project.agreement);
    forms[`ApproveReview/${subject}`] = [c('ApproveReview', { subject, documentSha256 })];
    forms[`RejectReview/${subject}`] = [c('RejectReview', { subject, documentSha256, comments: 'not convincing' })];
  }
  for (const document of ['TECHNICAL_AGREEMENT', 'CONTRACT'] as const) {
    forms[`NameSigningRepresentative/${document}`] = [c('NameSigningRepresentative', { document, userId: 'dir-sun' })];
    forms[`ArchiveSignedScan/${document}`] = [c('ArchiveSignedScan', { document, scan: doc(`${document} scan`) })];
  }
  const shown = {
    EXCHANGE_MEMO: project.exchangeMemo?.sha256 ?? doc('nothing').sha256, SOLUTION: sha(project.solution), QUOTATION: sha(project.quotation),
    TECHNICAL_AGREEMENT: sha(project.agreement), CONTRACT_INTENT: sha(project.agreement), CONTRACT: contractSha,
  };
  for (const subject of ['EXCHANGE_MEMO', 'SOLUTION', 'TECHNICAL_AGREEMENT', 'CONTRACT_INTENT', 'CONTRACT'] as const) {
    forms[`RecordCustomerConfirmation/${subject}`] = [c('RecordCustomerConfirmation', { subject, documentSha256: shown[subject] })];
  }
  for (const document of ['SOLUTION', 'QUOTATION', 'TECHNICAL_AGREEMENT', 'CONTRACT'] as const) {
    forms[`SendToCustomer/${document}`] = [c('SendToCustomer', { document, documentSha256: shown[document] })];
  }
  for (const document of ['TECHNICAL_AGREEMENT', 'CONTRACT'] as const) {
    forms[`BookSigning/${document}`] = [c('BookSigning', { document, appointedOn: '2026-12-31', place: '客户会议室' })];
  }
  for (const subject of ['SOLUTION', 'TECHNICAL_AGREEMENT', 'CONTRACT_INTENT'] as const) {
    forms[`RecordCustomerDeclined/${subject}`] = [c('RecordCustomerDeclined', { subject, reason: 'chose another supplier' })];
  }
  return forms;
}

const outcome = (run: () => ProjectEvent[]): ProjectEvent[] | DomainError => {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
};

/** Where the answer and the real commands disagree, for every person of the cast on this project now. */
function disagreements(project: Project, policy: Policy, met: Set<string>): string[] {
  const found: string[] = [];
  const valid = validCommands(project);
  for (const person of CAST) {
    const context = withCatalogue(person, policy);
    for (const answer of availableActions(project, context)) {
      const results = valid[keyOf(answer)].map((command) => outcome(() => decide(command, project, context)));
      const where = `${keyOf(answer)} by ${person.userId} at ${project.stage} under ${policy.profile}`;
      met.add(answer.allowed ? 'ALLOWED' : answer.refusal!.code);
      if (answer.allowed && results.every((result) => result instanceof DomainError)) {
        found.push(`${where}: answered allowed, but ${results.map((result) => (result as DomainError).code).join(', ')}`);
      }
      // an action of several forms (a signature in each capacity) is refused with one of its forms' refusals
      const refusedAlike = results.every((result) => result instanceof DomainError) && results.some((result) => (result as DomainError).code === answer.refusal?.code);
      if (!answer.allowed && !refusedAlike) {
        found.push(`${where}: answered ${answer.refusal!.code}, but ${results.map((result) => (result instanceof DomainError ? result.code : 'accepted')).join(', ')}`);
      }
    }
  }
  return found;
}

/** Steps that end a project early or set it back: a walk takes them one time in four, so that walks also reach the contract. */
const setsBack = ({ type, data }: ProjectCommand, project: Project) =>
  ['RequestTermination', 'DecideTermination', 'RecordCustomerDeclined', 'RejectReview'].includes(type)
  || (type === 'ScreenLead' && data.decision !== 'QUALIFY') || (type === 'DecideBid' && data.decision === 'NO_BID')
  || (type === 'RecordBidResult' && data.result === 'LOST') || (type === 'Countersign' && data.decision === 'REJECT')
  || (type === 'SubmitSolution' && project.solution !== undefined) || (type === 'SubmitQuotation' && project.quotation !== undefined)
  || (type === 'SubmitTechnicalAgreement' && project.agreement !== undefined) || (type === 'DraftContract' && project.contract !== undefined);

/** The events of the next step a walk takes: anything the cast may do now but the notes that change nothing. */
function nextStep(project: Project, policy: Policy, choice: number): ProjectEvent[] | undefined {
  const quiet = ['AddTrackingNote', 'AttachDocument', 'RecordNegotiation', 'AssignLead', 'EvaluateLead', 'SetSystemBudget', 'NameSigningRepresentative', 'RequestSolution',
    'PlanDemo', 'RecordDemoHeld', 'RecordDemoFeedback', 'NoteCompetitor', 'SendToCustomer', 'BookSigning', 'ReportWeeklyTracking', 'RaiseChallenge', 'AnswerChallenge', 'RecordMeetingMemo',
    'AdviseBid', 'SubmitTechnicalBid', 'SendSatisfactionSurvey', 'RateCollaboration',
    // document 004's controls change no stage: their own cases below
    'FileSalesPlan', 'FileTaskBook', 'ConfirmTaskBook', 'BookPresalesCost', 'HoldWarRoomMeeting', 'ReportMonthlyProgress', 'RequestPlanAdjustment', 'ConfirmPlanAdjustment', 'DecidePlanAdjustment'];
  const candidates = Object.values(validCommands(project)).flat().filter((command) => !quiet.includes(command.type))
    .filter((command) => choice % 4 === 0 || !setsBack(command, project));
  const steps = candidates.flatMap((command) => CAST.flatMap((person) => {
    const result = outcome(() => decide(command, project, withCatalogue(person, policy)));
    return result instanceof DomainError ? [] : [result];
  }));
  return steps.length ? steps[Math.floor(choice / 4) % steps.length] : undefined;
}

const TENDER_OPENED_ON_20TH: ProjectEvent[] = [
  ...tendering(),
  { type: 'BidDecided', data: { decision: 'BID', decidedBy: 'dir-sun' } },
  { type: 'TenderDocumentsPurchased', data: { openingOn: '2026-11-20', bidDocumentsCheckDueOn: '2026-11-17' } },
];
const REQUOTED_AFTER_COUNTERSIGN: ProjectEvent[] = [
  ...countersigned(),
  { type: 'QuotationSubmitted', data: { version: 2, amount: cny(95_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } },
  { type: 'QuotationApproved', data: { version: 2, role: 'TECH_MANAGER', approverId: 'tm-he', documentSha256: doc('quotation', 2).sha256 } },
];
const DEMO_HELD_AND_ANOTHER_PLANNED: ProjectEvent[] = [
  ...history('PSM030'),
  ...[1, 2].map((number): ProjectEvent => ({ type: 'DemoPlanned', data: { number, audience: 'a', environment: 'e', agenda: 'g', durationMinutes: 30, plannedBy: ENGINEER } })),
  { type: 'DemoHeld', data: { number: 1, presenters: [ENGINEER], heldOn: '2026-11-23' } },
];
const CHALLENGE_ANSWERED_AND_ANOTHER_RAISED: ProjectEvent[] = [
  ...history('PSM030'),
  ...[1, 2].map((number): ProjectEvent => ({ type: 'ChallengeRaised', data: { number, question: 'why?', raisedBy: 'sup-zhao' } })),
  { type: 'ChallengeAnswered', data: { number: 1, answer: 'because', answeredBy: AM } },
  { type: 'WeeklyTrackingReported', data: { weekStartingOn: '2026-11-23', summary: 'calls', reportedBy: AM } },
];
const answerFor = (events: ProjectEvent[], person: Person, policy = ENTERPRISE_STANDARD) =>
  availableActions(fold(events) as Project, contextFor(person, { policy }));
const find = (answers: AvailableAction[], key: string) => answers.find((answer) => keyOf(answer) === key)!;

describe('what may I do now 我现在能做什么', () => {
  it('has an action for every command on a project: a new command without one fails here', () => {
    const onProjects = Object.keys(commandRoleTable(ENTERPRISE_STANDARD)).filter((type) => type !== 'RegisterLead');
    expect([...new Set(ACTIONS.map((action) => action.command))].sort()).toEqual(onProjects.sort());
    expect(new Set(ACTIONS.map(keyOf)).size).toBe(ACTIONS.length);
  });

  it('answers as the commands themselves do, at every step of random walks through the procedure, under both profiles', () => {
    const met = new Set<string>();
    const reached = new Set<string>();
    for (const policy of [ENTERPRISE_STANDARD, EQUIPMENT_MAKER]) {
      fc.assert(fc.property(fc.boolean(), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (major, choices) => {
        let events: ProjectEvent[] = [leadRegistered(major ? 6_000_000 : 800_000)];
        for (const choice of choices) {
          const project = fold(events) as Project;
          expect(disagreements(project, policy, met)).toEqual([]);
          reached.add(project.stage);
          const next = nextStep(project, policy, choice);
          if (!next) break;
          events = [...events, ...next];
          reached.add(fold(events).stage);
        }
      }), { numRuns: 5, seed: 16 });
    }
    const codes: Array<DomainErrorCode | 'ALLOWED'> = [
      'ALLOWED', 'INVALID_TRANSITION', 'NOT_ALLOWED_FOR_ROLE', 'APPROVAL_LEVEL_REQUIRED', 'NOT_A_REVIEWER', 'ALREADY_VOTED', 'NOT_NEXT_SIGNER', 'QUOTATION_NOT_APPROVED',
    ];
    expect([...met]).toEqual(expect.arrayContaining(codes));
    expect(['PSM050_TENDER', 'PSM070_CONTRACT', 'WON', 'TERMINATED', 'CLOSED'].filter((stage) => !reached.has(stage))).toEqual([]);
  }, 60_000);

  it('answers as the commands do where a deadline passed or the quotation changed under a contract', () => {
    const met = new Set<string>();
    for (const events of [TENDER_OPENED_ON_20TH, REQUOTED_AFTER_COUNTERSIGN, won(), DEMO_HELD_AND_ANOTHER_PLANNED, CHALLENGE_ANSWERED_AND_ANOTHER_RAISED]) {
      expect(disagreements(fold(events) as Project, ENTERPRISE_STANDARD, met)).toEqual([]);
    }
    expect([...met]).toEqual(expect.arrayContaining(['DEADLINE_PASSED', 'DOCUMENT_CHANGED']));
  });

  it('answers as the commands do at each point of document 004\'s controls: plan, task book, adjustments within and beyond the limits', () => {
    const met = new Set<string>();
    const requested = (yuan: number) => after(confirmedBook(), [{ type: 'RequestPlanAdjustment', data: { kind: 'BUDGET', extraBudget: cny(yuan), reason: 'demo' } }, sponsorless]);
    const confirmedBy = (events: ProjectEvent[]) => after(events, [{ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor]);
    for (const events of [planned(), after(planned(), [{ type: 'FileTaskBook', data: taskBook }, sponsorless]), confirmedBook(), requested(5_000), confirmedBy(requested(5_000)), confirmedBy(requested(50_000))]) {
      for (const policy of [ENTERPRISE_STANDARD, EQUIPMENT_MAKER]) expect(disagreements(fold(events) as Project, policy, met)).toEqual([]);
    }
    expect([...met]).toEqual(expect.arrayContaining(['NOT_THE_SPONSOR', 'ADJUSTMENT_NOT_CONFIRMED', 'EXECUTIVE_APPROVAL_REQUIRED']));
  });

  it('offers the account manager the steps of a new lead that are theirs, and gives the reason for the others', () => {
    const answers = answerFor([leadRegistered()], as(AM, 'ACCOUNT_MANAGER'));
    expect(answers.filter((answer) => answer.allowed).map(keyOf)).toEqual(['RequestTermination/', 'AddTrackingNote/', 'ReportWeeklyTracking/', 'RecordMeetingMemo/', 'NoteCompetitor/', 'AttachDocument/']);
    expect(find(answers, 'ScreenLead/QUALIFY')).toMatchObject({ label: '筛选：合格', allowed: false, refusal: { code: 'NOT_ALLOWED_FOR_ROLE' } });
  });

  it('lets a named reviewer vote on the solution once, and tells everyone else why not', () => {
    const open = history('PSM040');
    expect(find(answerFor(open, as('rv-1', 'REVIEWER')), 'ApproveReview/SOLUTION')).toMatchObject({ allowed: true, label: '解决方案评审通过' });
    expect(find(answerFor(open, as('rv-2', 'REVIEWER')), 'ApproveReview/SOLUTION').refusal?.code).toBe('NOT_A_REVIEWER');
    expect(find(answerFor(open, as('rv-1', 'REVIEWER')), 'ApproveReview/TECHNICAL_AGREEMENT').refusal?.code).toBe('INVALID_TRANSITION');
  });

  it('opens the approval of a project of a small estimate to the BU general manager too, by its MAJOR form', () => {
    expect(find(answerFor(history('PSM010'), as('gm-qian', 'BU_GENERAL_MANAGER')), 'ApproveProject/').allowed).toBe(true);
    expect(find(answerFor(history('PSM010', 'MAJOR'), as('dir-sun', 'SALES_DIRECTOR')), 'ApproveProject/').refusal?.code).toBe('APPROVAL_LEVEL_REQUIRED');
  });
});

describe('a decider checks the step before the data sent', () => {
  const stale = doc('nothing').sha256;
  it('a quotation approver of the wrong level is told so, whatever document they saw', () => {
    given(history('APPROVED')).when({ type: 'ApproveQuotation', data: { documentSha256: stale } }, as('oc-wu', 'OPERATIONS_CENTER')).thenThrows('APPROVAL_LEVEL_REQUIRED');
  });
  it('the technical agreement is signed by its signer, whatever document is sent', () => {
    given(agreementPassed()).when({ type: 'SignTechnicalAgreement', data: { documentSha256: stale, capacity: 'DEPARTMENT_LEADER' } }, as(AM, 'ACCOUNT_MANAGER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
  it('no bid is submitted without an approved quotation, whatever price is sent', () => {
    const requoted: ProjectEvent[] = [
      ...TENDER_OPENED_ON_20TH.slice(0, -1),
      { type: 'TenderDocumentsPurchased', data: { openingOn: '2026-12-24', bidDocumentsCheckDueOn: '2026-12-21' } },
      { type: 'BidDocumentsChecked', data: { checkedBy: 'mk-zhou' } },
      { type: 'BidSealed', data: { delivery: 'COURIER', sealedBy: 'mk-zhou' } },
      { type: 'QuotationSubmitted', data: { version: 2, amount: cny(95_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } },
    ];
    given(requoted).when({ type: 'RecordBidStep', data: { step: 'BID_SUBMITTED', amount: cny(0) } }, as(AM, 'ACCOUNT_MANAGER')).thenThrows('QUOTATION_NOT_APPROVED');
  });
});
