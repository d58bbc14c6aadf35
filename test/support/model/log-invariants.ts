import { SURVEY_LINK_ACTOR } from '../../../src/application/answer-satisfaction-survey.js';
import { UNIT_ROLES } from '../../../src/auth/project-visibility.js';
import type { ProjectCommandType } from '../../../src/domain/project/commands.js';
import type { Policy } from '../../../src/domain/policy/policy.js';
import { commandRoles } from '../../../src/domain/policy/responsibilities.js';
import type { ProjectEventType } from '../../../src/domain/project/events.js';
import type { StoredEvent } from '../../../src/event-store/event-store.port.js';
import type { Role } from '../../../src/domain/project/vocabulary.js';

/** The command each event comes from: its actor must hold one of that command's roles. */
const COMMAND_OF: Record<ProjectEventType, ProjectCommandType | 'vote' | 'forward' | 'survey-link'> = {
  LeadRegistered: 'RegisterLead', LeadQualified: 'ScreenLead', LeadRejected: 'ScreenLead', LeadForwarded: 'forward',
  LeadForwardProposed: 'ScreenLead', LeadForwardDeclined: 'DecideForward', LeadAssigned: 'AssignLead',
  LeadEvaluationRequested: 'RequestLeadEvaluation', LeadEvaluated: 'EvaluateLead',
  ProjectApproved: 'ApproveProject', ProjectClassRaised: 'SubmitQuotation', CustomerDeclined: 'RecordCustomerDeclined', SolutionRequested: 'RequestSolution', SolutionRequestAnswered: 'AnswerSolutionRequest', DispatchRequestSigned: 'SignDispatchRequest', DispatchRequestRefused: 'SignDispatchRequest',
  SolutionAnswerDisputed: 'DisputeSolutionAnswer', SolutionDisputeDecided: 'DecideSolutionDispute', StandardSolutionSent: 'SendStandardSolution', ExchangeRecorded: 'RecordExchange', SurveyCompleted: 'RecordSurvey',
  SolutionSubmitted: 'SubmitSolution', SystemBudgetSet: 'SetSystemBudget', ReviewConvened: 'ConveneReview', ReviewVoteCast: 'vote', ReviewPassed: 'vote', ReviewFailed: 'vote',
  QuotationSubmitted: 'SubmitQuotation', QuotationApproved: 'ApproveQuotation', ProcurementChosen: 'ChooseProcurement',
  BidAdvised: 'AdviseBid', BidDecided: 'DecideBid', BidLoanSigned: 'RecordBidStep', TenderDocumentsPurchased: 'RecordBidStep', TenderDocumentsEvaluated: 'EvaluateTenderDocuments',
  BidKickOffHeld: 'HoldBidKickOff', TechnicalBidSubmitted: 'SubmitTechnicalBid', BidSealed: 'RecordBidStep', BidOpeningRecorded: 'RecordBidOpening',
  BidBondPaid: 'RecordBidStep', BidDocumentsChecked: 'RecordBidStep',
  BidSubmitted: 'RecordBidStep', BidWon: 'RecordBidResult', BidLost: 'RecordBidResult', NegotiationRecorded: 'RecordNegotiation',
  TechnicalAgreementSubmitted: 'SubmitTechnicalAgreement', TechnicalAgreementSigned: 'SignTechnicalAgreement',
  ContractDrafted: 'DraftContract', ContractCountersigned: 'Countersign', CountersignRejected: 'Countersign', ContractSigned: 'SignContract',
  SigningRepresentativeNamed: 'NameSigningRepresentative', SignedScanArchived: 'ArchiveSignedScan',
  TerminationRequested: 'RequestTermination', ProjectTerminated: 'DecideTermination', TerminationDeclined: 'DecideTermination',
  ProjectHandedOver: 'HandOver', OralAgreementConfirmed: 'ConfirmOralAgreement', HandoverReceived: 'ReceiveHandover', ProjectSummarized: 'SummarizeProject', TrackingNoteAdded: 'AddTrackingNote', DocumentAttached: 'AttachDocument',
  WeeklyTrackingReported: 'ReportWeeklyTracking', ChallengeRaised: 'RaiseChallenge', ChallengeAnswered: 'AnswerChallenge', MeetingMemoRecorded: 'RecordMeetingMemo',
  DemoPlanned: 'PlanDemo', DemoHeld: 'RecordDemoHeld', DemoFeedbackRecorded: 'RecordDemoFeedback', CompetitorNoted: 'NoteCompetitor',
  CustomerConfirmed: 'RecordCustomerConfirmation', SentToCustomer: 'SendToCustomer', SigningBooked: 'BookSigning',
  SatisfactionSurveySent: 'SendSatisfactionSurvey', SatisfactionSurveyAnswered: 'survey-link', CollaborationRated: 'RateCollaboration',
  SalesPlanFiled: 'FileSalesPlan', TaskBookFiled: 'FileTaskBook', TaskBookConfirmed: 'ConfirmTaskBook', PresalesCostBooked: 'BookPresalesCost',
  WarRoomMeetingHeld: 'HoldWarRoomMeeting', MonthlyProgressReported: 'ReportMonthlyProgress', PlanAdjustmentRequested: 'RequestPlanAdjustment',
  PlanAdjustmentConfirmed: 'ConfirmPlanAdjustment', PlanAdjustmentApproved: 'DecidePlanAdjustment', PlanAdjustmentDeclined: 'DecidePlanAdjustment',
};

/** The procedure's stages and the only moves between them (DOMAIN.md, "The process"); any open stage may be terminated. */
const OPEN = ['LEAD', 'QUALIFIED', 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT'];
const MOVES: Record<string, string[]> = {
  LEAD: ['QUALIFIED', 'CLOSED'], QUALIFIED: ['PSM010_EXCHANGE'], PSM010_EXCHANGE: ['PSM020_SURVEY', 'PSM030_SOLUTION'],
  PSM020_SURVEY: ['PSM030_SOLUTION'], PSM030_SOLUTION: ['PSM040_QUOTATION', 'CLOSED'], PSM040_QUOTATION: ['PSM050_TENDER', 'PSM060_NEGOTIATION', 'CLOSED'],
  PSM050_TENDER: ['PSM060_NEGOTIATION', 'LOST', 'CLOSED'], PSM060_NEGOTIATION: ['PSM070_CONTRACT', 'CLOSED'], PSM070_CONTRACT: ['WON', 'CLOSED'],
};

function stageAfter(event: StoredEvent): string | undefined {
  const data = event.data as Record<string, any>;
  switch (event.type) {
    case 'LeadQualified': return 'QUALIFIED';
    case 'LeadRejected': case 'LeadForwarded': return 'CLOSED';
    case 'ProjectApproved': return 'PSM010_EXCHANGE';
    case 'ExchangeRecorded': return data.surveyNeeded ? 'PSM020_SURVEY' : 'PSM030_SOLUTION';
    case 'SurveyCompleted': return 'PSM030_SOLUTION';
    // a solution revised after PSM030 passes where the project stands
    case 'ReviewPassed': return data.subject === 'SOLUTION' && !data.revision ? 'PSM040_QUOTATION' : undefined;
    case 'ProcurementChosen': return data.method === 'TENDER' ? 'PSM050_TENDER' : 'PSM060_NEGOTIATION';
    case 'BidDecided': return data.decision === 'NO_BID' ? 'CLOSED' : undefined;
    case 'BidWon': return 'PSM060_NEGOTIATION';
    case 'BidLost': return 'LOST';
    case 'TechnicalAgreementSigned': return 'PSM070_CONTRACT';
    case 'ContractSigned': return 'WON';
    case 'ProjectTerminated': return 'TERMINATED';
    case 'CustomerDeclined': return 'CLOSED';
    case 'StandardSolutionSent': return 'PSM040_QUOTATION';
    default: return undefined;
  }
}

/**
 * The rules of DOMAIN.md that a project's whole log must keep, checked on the log alone: revisions without gaps,
 * full metadata, roles, no skipped stage, reviews passed by enough named reviewers voting once, quotations approved
 * at the level their amount needs, countersigns in chain order and a contract signed only when all are done,
 * documents signed with the customer by a capacity the profile allows and their scans filed after the signature.
 * Returns the broken rules (empty when the log keeps them all).
 */
export function brokenRules(policy: Policy, log: StoredEvent[]): string[] {
  const broken: string[] = [];
  const fail = (event: StoredEvent, rule: string) => broken.push(`r${event.revision} ${event.type}: ${rule}`);
  let stage = 'NONE';
  let projectClass = 'GENERAL';
  const reviews = new Map<string, { reviewers: string[]; votes: Map<string, string>; concluded: boolean }>();
  const authors = new Map<string, string>();
  let quotation: { version: number; required: Role[]; approved: Set<Role> } | undefined;
  let contract: { version: number; chain: Array<{ role: Role; userId?: string }>; signed: number; rejected: boolean } | undefined;
  // DOMAIN.md: account managers, engineers and reviewers act only on projects they own or a step named them on
  const members = new Set<string>();
  let owner: string | undefined;
  // who may sign with the customer in each capacity, and what each signature signed
  let engineer: string | undefined;
  const representatives = new Map<string, string>();
  const signedSha = new Map<string, string>();
  const scanned = new Set<string>();
  const signedBy = (event: StoredEvent, document: 'TECHNICAL_AGREEMENT' | 'CONTRACT', actor: { userId: string; roles: Role[] }) => {
    const { signerId, capacity } = event.data as { signerId: string; capacity: string };
    const holder = { TECHNICAL_LEAD: engineer, ACCOUNT_MANAGER: owner, REPRESENTATIVE: representatives.get(document) }[capacity as string];
    const holds = capacity === 'DEPARTMENT_LEADER' ? actor.roles.includes('DEPARTMENT_LEADER') : holder === actor.userId;
    if (!policy.signingCapacities[document].includes(capacity as never) || signerId !== actor.userId || !holds) fail(event, `signed by ${actor.userId} as ${capacity}`);
  };
  const named = (data: Record<string, any>, type: string): string[] => ({
    ProjectApproved: [data.sponsorId, data.presalesEngineerId], ReviewConvened: data.reviewers, SigningRepresentativeNamed: [data.userId], ContractDrafted: data.chain?.map((step: { userId?: string }) => step.userId), ProjectHandedOver: [data.receivedBy],
  } as Record<string, string[] | undefined>)[type] ?? [];
  // 客户确认: the version of its document the customer last confirmed, by subject, and the versions in force
  const confirmations = new Map<string, number>();
  const inForce = new Map<string, number>();
  const waitsFor = (event: StoredEvent, subject: string, version: number | undefined) => {
    if (version === undefined || confirmations.get(subject) !== version) fail(event, `before the customer confirmed ${subject} v${version}`);
  };
  const fullyApproved = () => quotation !== undefined && quotation.required.every((role) => quotation!.approved.has(role));
  log.forEach((event, index) => {
    const data = event.data as Record<string, any>;
    const { actor, commandId, correlationId, occurredAt } = event.metadata as Record<string, any>;
    if (event.revision !== index) fail(event, `revision ${event.revision} where ${index} was due (a gap or a repeat)`);
    if (!actor?.userId || !commandId || !correlationId || !occurredAt) fail(event, 'metadata without actor, commandId, correlationId or occurredAt');
    const roles: Role[] = actor?.roles ?? [];
    // a stop the sponsor proposed at a war-room meeting is requested by that meeting's command
    const command = event.type === 'TerminationRequested' && data.warRoomMeeting ? 'HoldWarRoomMeeting' : COMMAND_OF[event.type as ProjectEventType];
    // a forward is appended by whoever approves it: the screener when they may, else the approver deciding
    // the customer answers a survey through its link, signed in as nobody: the system appends it
    if (command === 'survey-link') {
      if (actor?.userId !== SURVEY_LINK_ACTOR.userId || (event.metadata as Record<string, any>).signedIn !== false) fail(event, 'a survey answer not appended by the survey link');
    } else {
      const allowed: readonly string[] = command === 'vote' ? policy.responsibilities.voteInReview
        : command === 'forward' ? policy.responsibilities.approveForward : commandRoles(policy, command);
      if (!roles.some((role) => allowed.includes(role))) fail(event, `appended for ${actor?.userId} who holds none of ${allowed.join(', ')}`);
      const seesUnit = roles.some((role) => UNIT_ROLES.includes(role));
      if (index > 0 && !seesUnit && owner !== actor?.userId && !members.has(actor?.userId)) fail(event, `appended for ${actor?.userId}, who neither owns the project nor was named on it`);
    }
    for (const person of named(data, event.type)) if (person) members.add(person);
    if (event.type === 'LeadRegistered' || event.type === 'LeadAssigned') owner = data.ownerId;
    if ((index === 0) !== (event.type === 'LeadRegistered')) fail(event, 'a stream starts with LeadRegistered, and only there');
    if (event.type === 'LeadRegistered') stage = 'LEAD';
    if (event.type === 'ReviewPassed' && data.revision && stage === 'PSM030_SOLUTION') fail(event, 'a revision passed at PSM030');
    const next = stageAfter(event);
    if (next) {
      const legal = next === 'TERMINATED' ? OPEN.includes(stage) : (MOVES[stage] ?? []).includes(next);
      if (!legal) fail(event, `moves the project from ${stage} to ${next}`);
      stage = next;
    }
    switch (event.type) {
      case 'ProjectApproved':
        projectClass = data.projectClass;
        engineer = data.presalesEngineerId;
        break;
      case 'SigningRepresentativeNamed':
        if (!policy.signingCapacities[data.document as 'CONTRACT'].includes('REPRESENTATIVE') || signedSha.has(data.document)) fail(event, `a representative named for ${data.document}`);
        representatives.set(data.document, data.userId);
        break;
      case 'ExchangeRecorded':
        if (data.memo) inForce.set('EXCHANGE_MEMO', 1);
        break;
      case 'CustomerConfirmed':
        if (data.version !== inForce.get(data.document)) fail(event, `confirms ${data.document} v${data.version}, not the version in force`);
        confirmations.set(data.subject, data.version);
        break;
      case 'TechnicalAgreementSigned':
        waitsFor(event, 'TECHNICAL_AGREEMENT', inForce.get('TECHNICAL_AGREEMENT'));
        signedBy(event, 'TECHNICAL_AGREEMENT', actor);
        signedSha.set('TECHNICAL_AGREEMENT', data.documentSha256);
        break;
      case 'SignedScanArchived':
        if (signedSha.get(data.document) !== data.signedVersionSha256 || data.scan.sha256 === data.signedVersionSha256 || scanned.has(data.document)) {
          fail(event, `a scan of ${data.document} not linked to its signed version, or filed twice`);
        }
        scanned.add(data.document);
        break;
      case 'ProjectClassRaised':
        projectClass = data.to;
        break;
      case 'SolutionSubmitted':
      case 'TechnicalAgreementSubmitted':
        authors.set(`${event.type === 'SolutionSubmitted' ? 'SOLUTION' : 'TECHNICAL_AGREEMENT'}|${data.version}`, actor?.userId);
        inForce.set(event.type === 'SolutionSubmitted' ? 'SOLUTION' : 'TECHNICAL_AGREEMENT', data.version);
        break;
      case 'ReviewConvened': {
        const key = `${data.subject}|${data.version}`;
        const organisers = data.subject === 'SOLUTION' ? policy.responsibilities.organiseSolutionReview : policy.responsibilities.organiseAgreementReview;
        if (!roles.some((role) => organisers.includes(role))) fail(event, `convened by ${actor?.userId}, not an organiser of ${data.subject}`);
        if (!authors.has(key) || reviews.has(key)) fail(event, 'convenes a version not submitted, or twice');
        if (data.reviewers.includes(authors.get(key))) fail(event, 'the author sits on the review of their own work');
        if (projectClass === 'MAJOR' && data.reviewers.length < 3) fail(event, 'a MAJOR review with fewer than 3 reviewers');
        reviews.set(key, { reviewers: data.reviewers, votes: new Map(), concluded: false });
        break;
      }
      case 'ReviewVoteCast': {
        const review = reviews.get(`${data.subject}|${data.version}`);
        if (!review || review.concluded) fail(event, 'a vote on a review that is not open');
        else if (!review.reviewers.includes(data.reviewerId) || data.reviewerId !== actor.userId) fail(event, `a vote by ${actor.userId}, not a named reviewer`);
        else if (review.votes.has(data.reviewerId)) fail(event, `${data.reviewerId} voted twice`);
        else review.votes.set(data.reviewerId, data.vote);
        break;
      }
      case 'ReviewPassed':
      case 'ReviewFailed': {
        const review = reviews.get(`${data.subject}|${data.version}`);
        if (!review || review.concluded) { fail(event, 'concludes a review that is not open'); break; }
        review.concluded = true;
        const votes = [...review.votes.values()];
        const approvals = votes.filter((vote) => vote === 'APPROVE').length;
        const needed = projectClass === 'MAJOR' ? Math.floor(review.reviewers.length / 2) + 1 : 1;
        // decided once certain: passed at the approvals needed, failed once too few reviewers are left to reach them
        if (event.type === 'ReviewPassed' && approvals < needed) fail(event, `passed with ${approvals} of ${needed} approvals and votes ${votes}`);
        if (event.type === 'ReviewFailed' && votes.length - approvals <= review.reviewers.length - needed) fail(event, `failed while ${needed} approvals could still come (votes ${votes})`);
        break;
      }
      case 'QuotationSubmitted': {
        waitsFor(event, 'SOLUTION', inForce.get('SOLUTION'));
        inForce.set('QUOTATION', data.version);
        const { upToLevel, aboveLevel, majorAlso } = policy.quotationApprovers;
        const required: Role[] = [...new Set([...(data.amount.amount <= policy.quotationApprovalLevel ? upToLevel : aboveLevel), ...(projectClass === 'MAJOR' ? majorAlso : [])])];
        if (JSON.stringify(data.requiredApprovals) !== JSON.stringify(required)) fail(event, `needs ${data.requiredApprovals} where the amount needs ${required}`);
        quotation = { version: data.version, required, approved: new Set() };
        break;
      }
      case 'QuotationApproved':
        if (!quotation || data.version !== quotation.version || !quotation.required.includes(data.role) || !roles.includes(data.role)) {
          fail(event, `approved as ${data.role} by ${actor.userId} (${roles})`);
        } else quotation.approved.add(data.role);
        break;
      case 'ProcurementChosen':
      case 'ContractDrafted':
        if (!fullyApproved()) fail(event, 'before the quotation was fully approved');
        if (event.type === 'ContractDrafted') {
          waitsFor(event, 'CONTRACT_INTENT', inForce.get('TECHNICAL_AGREEMENT'));
          contract = { version: data.version, chain: data.chain, signed: 0, rejected: false };
          inForce.set('CONTRACT', data.version);
        }
        break;
      case 'ContractCountersigned':
      case 'CountersignRejected': {
        const step = contract?.chain[contract.signed];
        const isNext = step && (step.userId ? step.userId === actor.userId : roles.includes(step.role));
        if (!contract || contract.rejected || !isNext || data.step !== contract.signed) fail(event, `${actor.userId} signed out of turn`);
        else if (event.type === 'CountersignRejected') contract.rejected = true;
        else contract.signed++;
        break;
      }
      case 'ContractSigned':
        if (!contract || contract.rejected || contract.signed !== contract.chain.length) fail(event, 'signed before every countersign was done');
        if (!fullyApproved()) fail(event, 'signed on a quotation not fully approved');
        waitsFor(event, 'CONTRACT', contract?.version);
        signedBy(event, 'CONTRACT', actor);
        signedSha.set('CONTRACT', data.document.sha256);
        break;
    }
  });
  return broken;
}
