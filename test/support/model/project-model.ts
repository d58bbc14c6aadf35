import type { ProjectCommandType } from '../../../src/domain/project/commands.js';
import type { Responsibility } from '../../../src/domain/policy/responsibilities.js';
import type { Policy } from '../../../src/domain/policy/policy.js';
import { commandRoles } from '../../../src/domain/policy/responsibilities.js';
import type { DomainErrorCode } from '../../../src/domain/project/errors.js';
import type { Role, SignedDocument, SigningCapacity } from '../../../src/domain/project/vocabulary.js';
import { copyControl, decideControl, newModelControl, type ModelControl } from './sales-control-model.js';

/**
 * A small model of one project, written from shared/DOMAIN.md and the default policy: what the procedure expects
 * of each command, without the service's code. `judge` says whether a command is accepted (and which events it
 * appends, and the state after) or refused (and by which rule).
 */
export type ModelStage =
  | 'NONE' | 'LEAD' | 'QUALIFIED' | 'PSM010_EXCHANGE' | 'PSM020_SURVEY' | 'PSM030_SOLUTION' | 'PSM040_QUOTATION'
  | 'PSM050_TENDER' | 'PSM060_NEGOTIATION' | 'PSM070_CONTRACT' | 'WON' | 'LOST' | 'TERMINATED' | 'CLOSED';

export const CLOSED: readonly ModelStage[] = ['WON', 'LOST', 'TERMINATED', 'CLOSED'];
const QUOTING: readonly ModelStage[] = ['PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT'];

interface ModelReview { sha: string; author: string; reviewers: string[]; needed: number; votes: Record<string, 'APPROVE' | 'REJECT'>; status: 'AWAITING' | 'OPEN' | 'PASSED' | 'FAILED' }
interface ModelQuotation { sha: string; fen: number; required: Role[]; approvals: Array<{ role: Role; userId: string }> }
interface ModelContract { sha: string; fen: number; chain: Array<{ role: Role; userId?: string }>; signers: string[]; status: 'COUNTERSIGNING' | 'REJECTED' | 'COUNTERSIGNED' | 'SIGNED' }

export interface ModelProject {
  stage: ModelStage;
  /** Events in the stream so far: the next event's revision. */
  events: number;
  estimatedFen: number;
  /** The owner: the registrant, then whoever the lead is assigned to. */
  ownerId?: string;
  /** The people steps named on the project: with the owner, the only account managers, engineers and reviewers who see it. */
  members: string[];
  /** A forward a screener without the right proposed, waiting for the forward approver. */
  forwardPending: boolean;
  /** A solution request waiting for the director's signature of its dispatch or for the technical team's answer. */
  requestOpen: boolean;
  /** Where the latest solution request stands, and whether it was disputed (once only). */
  request: 'NONE' | 'AWAITING_SIGNATURE' | 'AWAITING_ANSWER' | 'ACCEPTED' | 'DECLINED' | 'DISPUTED';
  disputed: boolean;
  evaluationRequested: boolean;
  projectClass?: 'GENERAL' | 'MAJOR';
  productLine?: string;
  /** A mature reference case at 立项: with single equipment, the simple kind of technical agreement. */
  matureReference?: boolean;
  presalesEngineerId?: string;
  /** Whom the department leader named to sign each document. */
  representatives: Partial<Record<SignedDocument, string>>;
  /** The documents whose signed paper scan is filed. */
  scanned: SignedDocument[];
  solution?: ModelReview;
  agreement?: ModelReview & { signed: boolean };
  quotation?: ModelQuotation;
  /** PSM050: the intent, then the documents bought and evaluated before the final decision; the bid's work; the opening. */
  tender: {
    intent?: 'BID' | 'NO_BID'; decision?: 'BID' | 'NO_BID'; openingInDays?: number; loan: boolean; purchased: boolean; evaluated: boolean; kickOff: boolean;
    technicalBids: number; bond: boolean; checked: boolean; sealed: boolean; submitted: boolean; opening: boolean;
  };
  contract?: ModelContract;
  terminationDeciders?: Role[];
  /** 演示 by number (index + 1): planned, held, or with the customer's feedback. */
  demos: Array<'PLANNED' | 'HELD' | 'FEEDBACK'>;
  /** The exchange memo's sha256, when the exchange filed one. */
  memo?: string;
  /** 客户确认: the sha256 of what the customer last confirmed, by subject (the contract intent: the signed agreement's). */
  confirmed: Record<string, string>;
  /** The sha256 of each document the customer last received: sent to them or confirmed by them. */
  withCustomer: Record<string, string>;
  /** 质询 by number: answered or not. */
  challenges: boolean[];
  weeksReported: string[];
  handedOver: boolean;
  /** 移交: the engineer named to receive it, its oral agreements (confirmed or not), whether it was received. */
  handover?: { receiver: string; oral: Array<{ sha: string; confirmed: boolean }>; received: boolean };
  summarized: boolean;
  /** 沟通协作评价 given: `rater|person`. */
  collaborations?: string[];
  /** The sponsor named at 立项. */
  sponsorId?: string;
  /** 售前项目管理 (document 004): plan, task book, budget, milestones, reports and adjustments. */
  control: ModelControl;
}

export const newModelProject = (): ModelProject => ({
  stage: 'NONE', events: 0, estimatedFen: 0, members: [], forwardPending: false, requestOpen: false, request: 'NONE', disputed: false, evaluationRequested: false, handedOver: false, summarized: false,
  representatives: {}, scanned: [], demos: [], confirmed: {}, withCustomer: {}, challenges: [], weeksReported: [], control: newModelControl(),
  tender: { loan: false, purchased: false, evaluated: false, kickOff: false, technicalBids: 0, bond: false, checked: false, sealed: false, submitted: false, opening: false },
});

/** 标准方案库 as the model test publishes it before its sequences: what the catalogue holds, entry by entry. */
export const MODEL_CATALOGUE: ReadonlyArray<{ entryId: string; productLine: string; versionInForce: number; withdrawn: boolean }> = [
  { entryId: '5d0c3a52-4b6f-4c1e-9d2a-1f0e2b3c4d01', productLine: 'ROBOT_CELL', versionInForce: 2, withdrawn: false },
  { entryId: '5d0c3a52-4b6f-4c1e-9d2a-1f0e2b3c4d02', productLine: 'SINGLE_EQUIPMENT', versionInForce: 1, withdrawn: true },
];

/** A command as sent: its type, its GraphQL input (without projectId and commandId), and who sends it. */
export interface ModelCommand {
  type: ProjectCommandType;
  input: Record<string, any>;
  actor: { userId: string; role: Role };
}

export type Judgement = { accepted: true; events: string[]; after: ModelProject } | { accepted: false; code: DomainErrorCode };

/** The roles that may issue each command under a policy, worked out once: the generator asks a thousand times a step. */
const rolesByPolicy = new WeakMap<Policy, Map<ProjectCommandType, ReadonlySet<Role>>>();
export function issuers(policy: Policy, type: ProjectCommandType): ReadonlySet<Role> {
  let byType = rolesByPolicy.get(policy);
  if (!byType) rolesByPolicy.set(policy, (byType = new Map()));
  let roles = byType.get(type);
  if (!roles) byType.set(type, (roles = new Set(commandRoles(policy, type))));
  return roles;
}

// the rules of DOMAIN.md; who does what, the bands, the quorum and the chain are the profile's (a policy file)
const mayIssue = (policy: Policy, command: ModelCommand) => issuers(policy, command.type).has(command.actor.role);
/** DOMAIN.md's roles that see the projects they are named on; the other roles of the model see the whole (one) unit. */
const NAMED_ROLES: readonly Role[] = ['ACCOUNT_MANAGER', 'PRESALES_ENGINEER', 'REVIEWER', 'DELIVERY_ENGINEER'];

/** Not an Error: no stack to capture, and the generator judges a hundred commands a step. */
class Refused {
  constructor(readonly code: DomainErrorCode) {}
}
const refuse = (code: DomainErrorCode): never => {
  throw new Refused(code);
};
const needStage = (project: ModelProject, ...stages: ModelStage[]) => {
  if (!stages.includes(project.stage)) refuse('INVALID_TRANSITION');
};
const needSame = (seen: string, current: string) => {
  if (seen !== current) refuse('DOCUMENT_CHANGED');
};

function quotationRoles(policy: Policy, projectClass: 'GENERAL' | 'MAJOR', fen: number): Role[] {
  const { upToLevel, aboveLevel, majorAlso } = policy.quotationApprovers;
  return [...new Set([...(fen <= policy.quotationApprovalLevel ? upToLevel : aboveLevel), ...(projectClass === 'MAJOR' ? majorAlso : [])])];
}

function approved(project: ModelProject): ModelQuotation {
  const quotation = project.quotation;
  if (!quotation || !quotation.required.every((role) => quotation.approvals.some((approval) => approval.role === role))) {
    return refuse('QUOTATION_NOT_APPROVED');
  }
  return quotation;
}

/** A version submitted by its author: no reviewers until an organiser convenes its committee. */
const submittedReview = (author: string, sha: string): ModelReview => ({ sha, author, reviewers: [], needed: 0, votes: {}, status: 'AWAITING' });

/** The committee an organiser convenes: never the author, at least the class's quorum. */
function convened(policy: Policy, project: ModelProject, review: ModelReview, reviewers: string[]): ModelReview {
  const unique = [...new Set(reviewers)];
  const projectClass = project.projectClass ?? 'GENERAL';
  if (unique.includes(review.author) || unique.length < policy.review[projectClass].minReviewers) refuse('INVALID_INPUT');
  const needed = projectClass === 'GENERAL' ? 1 : Math.floor(unique.length / 2) + 1;
  return { ...review, reviewers: unique, needed, status: 'OPEN' };
}

/** Signed with the customer only in a capacity the profile allows, by the person who holds it on this project. */
function needSigner(policy: Policy, p: ModelProject, document: SignedDocument, capacity: SigningCapacity, { userId, role }: ModelCommand['actor']) {
  if (!policy.signingCapacities[document].includes(capacity)) refuse('NOT_ALLOWED_FOR_ROLE');
  const holds = {
    TECHNICAL_LEAD: userId === p.presalesEngineerId,
    ACCOUNT_MANAGER: userId === p.ownerId,
    DEPARTMENT_LEADER: role === 'DEPARTMENT_LEADER',
    REPRESENTATIVE: userId === p.representatives[document],
  }[capacity];
  if (!holds) refuse('NOT_ALLOWED_FOR_ROLE');
}

/** DOMAIN.md: a solution goes to the customer once passed, and is revised in quotation, tender and negotiation by the same rules. */
const SOLUTION_STAGES: readonly ModelStage[] = ['PSM030_SOLUTION', 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION'];
const DOCUMENT_OF: Record<string, string> = {
  EXCHANGE_MEMO: 'EXCHANGE_MEMO', SOLUTION: 'SOLUTION', QUOTATION: 'QUOTATION', TECHNICAL_AGREEMENT: 'TECHNICAL_AGREEMENT', CONTRACT_INTENT: 'TECHNICAL_AGREEMENT', CONTRACT: 'CONTRACT',
};

/** The sha256 of the version ready for the customer: a memo filed, a solution passed, a quotation approved, an agreement passed, a contract countersigned. */
function readyForCustomer(p: ModelProject, subject: string): string {
  const none = (): never => refuse('INVALID_TRANSITION');
  switch (subject) {
    case 'EXCHANGE_MEMO':
      return p.memo ?? none();
    case 'SOLUTION':
      needStage(p, 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION');
      return p.solution?.status === 'PASSED' ? p.solution.sha : none();
    case 'QUOTATION': {
      const { quotation } = p;
      // nothing goes out at an unapproved amount
      return quotation?.required.every((role) => quotation.approvals.some((approval) => approval.role === role)) ? quotation.sha : none();
    }
    case 'TECHNICAL_AGREEMENT':
      needStage(p, 'PSM060_NEGOTIATION');
      return p.agreement?.status === 'PASSED' ? p.agreement.sha : none();
    case 'CONTRACT_INTENT':
      needStage(p, 'PSM070_CONTRACT');
      return p.agreement?.signed ? p.agreement.sha : none();
    default:
      needStage(p, 'PSM070_CONTRACT');
      return p.contract?.status === 'COUNTERSIGNED' ? p.contract.sha : none();
  }
}
/** A step the customer's word gates: refused until they confirmed this very version. */
const needConfirmed = (p: ModelProject, subject: string, sha: string | undefined) => {
  if (!sha || p.confirmed[subject] !== sha) refuse('INVALID_TRANSITION');
};

const copyReview = <R extends ModelReview>(review: R): R => ({ ...review, reviewers: [...review.reviewers], votes: { ...review.votes } });

/** A deep copy, by hand: the generator judges a hundred candidate commands a step. */
function copyOf(p: ModelProject): ModelProject {
  return {
    ...p,
    members: [...p.members],
    representatives: { ...p.representatives },
    scanned: [...p.scanned],
    demos: [...p.demos],
    confirmed: { ...p.confirmed },
    withCustomer: { ...p.withCustomer },
    challenges: [...p.challenges],
    weeksReported: [...p.weeksReported],
    tender: { ...p.tender },
    solution: p.solution && copyReview(p.solution),
    agreement: p.agreement && copyReview(p.agreement),
    quotation: p.quotation && { ...p.quotation, approvals: [...p.quotation.approvals] },
    contract: p.contract && { ...p.contract, chain: [...p.contract.chain], signers: [...p.contract.signers] },
    control: copyControl(p.control),
  };
}

/** The events a command appends and the project after them, or the rule that refuses it. */
export function judge(policy: Policy, project: ModelProject, command: ModelCommand): Judgement {
  if (!mayIssue(policy, command)) return { accepted: false, code: 'NOT_ALLOWED_FOR_ROLE' };
  // the rule most candidates meet, answered before the project is copied
  if (command.type !== 'RegisterLead' && hiddenFrom(project, command.actor)) return { accepted: false, code: 'PROJECT_NOT_FOUND' };
  try {
    const [events, after] = decideInModel(policy, copyOf(project), command);
    after.events = project.events + events.length;
    return { accepted: true, events, after };
  } catch (error) {
    if (error instanceof Refused) return { accepted: false, code: error.code };
    throw error;
  }
}

const presalesPeople = (p: ModelProject) => [p.presalesEngineerId, p.solution?.author].filter((person): person is string => Boolean(person));

/** Today in Beijing: the service decides on the system clock. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A project its caller may not see is answered as one that does not exist: one that is not there yet, or one a named role is not named on. */
const hiddenFrom = (p: ModelProject, { userId, role }: ModelCommand['actor']) =>
  p.stage === 'NONE' || (NAMED_ROLES.includes(role) && p.ownerId !== userId && !p.members.includes(userId));

function decideInModel(policy: Policy, p: ModelProject, { type, input, actor }: ModelCommand): [string[], ModelProject] {
  const { userId, role } = actor;
  if (!mayIssue(policy, { type, input, actor })) refuse('NOT_ALLOWED_FOR_ROLE');
  if (type === 'RegisterLead') {
    if (p.stage !== 'NONE') refuse('PROJECT_EXISTS');
    return [['LeadRegistered'], { ...p, stage: 'LEAD', ownerId: userId, estimatedFen: input.estimatedAmount.amount, productLine: input.productLine }];
  }
  if (hiddenFrom(p, actor)) refuse('PROJECT_NOT_FOUND');
  const has = (responsibility: Responsibility) => policy.responsibilities[responsibility].includes(role);
  const naming = (...people: string[]) => [...p.members, ...people.filter((person) => !p.members.includes(person))];
  switch (type) {
    case 'ScreenLead': {
      needStage(p, 'LEAD');
      if (p.forwardPending) refuse('INVALID_TRANSITION');
      if (input.decision === 'QUALIFY') return [['LeadQualified'], { ...p, stage: 'QUALIFIED' }];
      if (input.decision === 'FORWARD' && !has('approveForward')) return [['LeadForwardProposed'], { ...p, forwardPending: true }];
      return [[input.decision === 'REJECT' ? 'LeadRejected' : 'LeadForwarded'], { ...p, stage: 'CLOSED' }];
    }
    case 'DecideForward':
      needStage(p, 'LEAD');
      if (!p.forwardPending) refuse('INVALID_TRANSITION');
      return input.approve ? [['LeadForwarded'], { ...p, stage: 'CLOSED', forwardPending: false }] : [['LeadForwardDeclined'], { ...p, forwardPending: false }];
    case 'AssignLead':
      if (CLOSED.includes(p.stage)) refuse('INVALID_TRANSITION');
      if (input.ownerId === p.ownerId) refuse('INVALID_INPUT');
      return [['LeadAssigned'], { ...p, ownerId: input.ownerId }];
    case 'RequestLeadEvaluation':
      needStage(p, 'LEAD');
      if (p.forwardPending || p.evaluationRequested) refuse('INVALID_TRANSITION');
      return [['LeadEvaluationRequested'], { ...p, evaluationRequested: true }];
    case 'EvaluateLead':
      needStage(p, 'LEAD', 'QUALIFIED');
      return [['LeadEvaluated'], { ...p, evaluationRequested: false }];
    case 'ApproveProject': {
      needStage(p, 'QUALIFIED');
      const projectClass = p.estimatedFen > policy.majorProjectAbove || !input.hasMatureReference ? 'MAJOR' : 'GENERAL';
      if (!policy.projectApprovers[projectClass].includes(role)) refuse('APPROVAL_LEVEL_REQUIRED');
      const members = naming(input.sponsorId, input.presalesEngineerId);
      const matureReference = input.hasMatureReference;
      // 立项's budget and milestones are in force until the sponsor confirms a task book
      const control = { ...p.control, budgetFen: input.presalesBudget.amount, milestones: input.milestones.map((milestone: { name: string; dueOn: string }) => ({ ...milestone, reached: false })) };
      return [['ProjectApproved'], { ...p, stage: 'PSM010_EXCHANGE', projectClass, presalesEngineerId: input.presalesEngineerId, matureReference, members, sponsorId: input.sponsorId, control }];
    }
    case 'RequestSolution':
      needStage(p, 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION');
      // one request at a time, and none while a dispute over the last one waits for the sales GM
      if (p.requestOpen || p.request === 'DISPUTED') refuse('INVALID_TRANSITION');
      return [['SolutionRequested'], { ...p, requestOpen: true, request: input.dispatch ? 'AWAITING_SIGNATURE' : 'AWAITING_ANSWER', disputed: false }];
    case 'SignDispatchRequest':
      if (p.request !== 'AWAITING_SIGNATURE') refuse('INVALID_TRANSITION');
      return [[input.approve ? 'DispatchRequestSigned' : 'DispatchRequestRefused'], { ...p, request: 'AWAITING_ANSWER' }];
    case 'AnswerSolutionRequest':
      if (!p.requestOpen || p.request === 'AWAITING_SIGNATURE') refuse('INVALID_TRANSITION');
      // the team makes it; only its manager declines, in writing
      if (input.willMake && !has('answerSolutionRequest')) refuse('NOT_ALLOWED_FOR_ROLE');
      if (!input.willMake && !has('declineSolutionRequest')) refuse('APPROVAL_LEVEL_REQUIRED');
      return [['SolutionRequestAnswered'], { ...p, requestOpen: false, request: input.willMake ? 'ACCEPTED' : 'DECLINED' }];
    case 'DisputeSolutionAnswer':
      if (p.request !== 'DECLINED' || p.disputed) refuse('INVALID_TRANSITION');
      return [['SolutionAnswerDisputed'], { ...p, request: 'DISPUTED', disputed: true }];
    case 'DecideSolutionDispute':
      if (p.request !== 'DISPUTED') refuse('INVALID_TRANSITION');
      return [['SolutionDisputeDecided'], { ...p, request: input.makeSolution ? 'ACCEPTED' : 'DECLINED' }];
    case 'SendStandardSolution': {
      needStage(p, 'PSM030_SOLUTION');
      if (p.solution?.status === 'AWAITING' || p.solution?.status === 'OPEN') refuse('INVALID_TRANSITION');
      // only an entry in force for the project's product line, at its version in force
      const entry = MODEL_CATALOGUE.find(({ entryId }) => entryId === input.entryId);
      if (!entry || entry.withdrawn || entry.productLine !== p.productLine || entry.versionInForce !== input.version) refuse('STANDARD_SOLUTION_UNAVAILABLE');
      return [['StandardSolutionSent'], { ...p, stage: 'PSM040_QUOTATION' }];
    }
    case 'RecordExchange':
      needStage(p, 'PSM010_EXCHANGE');
      return [['ExchangeRecorded'], { ...p, stage: input.surveyNeeded ? 'PSM020_SURVEY' : 'PSM030_SOLUTION', ...(input.memo ? { memo: input.memo.sha256 } : {}) }];
    case 'RecordSurvey':
      needStage(p, 'PSM020_SURVEY');
      return [['SurveyCompleted'], { ...p, stage: 'PSM030_SOLUTION' }];
    case 'SubmitSolution':
      needStage(p, ...SOLUTION_STAGES);
      if (p.stage === 'PSM050_TENDER' && p.tender.submitted) refuse('INVALID_TRANSITION');
      return [['SolutionSubmitted'], { ...p, solution: submittedReview(userId, input.document.sha256) }];
    case 'SetSystemBudget':
      needStage(p, 'PSM030_SOLUTION');
      return [['SystemBudgetSet'], p];
    case 'SubmitTechnicalAgreement': {
      needStage(p, 'PSM060_NEGOTIATION');
      // DOMAIN.md: the drafter by product kind (mature or single equipment / complex equipment and lines)
      const { singleEquipmentLines, matureOrSingleEquipment, complex } = policy.agreementDrafters;
      const simple = p.matureReference || singleEquipmentLines.includes(p.productLine ?? '');
      if (!(simple ? matureOrSingleEquipment : complex).includes(role)) refuse('NOT_ALLOWED_FOR_ROLE');
      return [['TechnicalAgreementSubmitted'], { ...p, agreement: { ...submittedReview(userId, input.document.sha256), signed: false } }];
    }
    case 'ConveneReview': {
      const solution = input.subject === 'SOLUTION';
      needStage(p, ...(solution ? SOLUTION_STAGES : ['PSM060_NEGOTIATION' as const]));
      if (!has(solution ? 'organiseSolutionReview' : 'organiseAgreementReview')) refuse('NOT_ALLOWED_FOR_ROLE');
      const review = solution ? p.solution : p.agreement;
      if (review?.status !== 'AWAITING') return refuse('INVALID_TRANSITION');
      const committee = convened(policy, p, review, input.reviewers);
      const members = naming(...committee.reviewers);
      return [['ReviewConvened'], solution ? { ...p, solution: committee, members } : { ...p, agreement: { ...committee, signed: false }, members }];
    }
    case 'ApproveReview':
    case 'RejectReview': {
      const solution = input.subject === 'SOLUTION';
      needStage(p, ...(solution ? SOLUTION_STAGES : ['PSM060_NEGOTIATION' as const]));
      const review = solution ? p.solution : p.agreement;
      if (review?.status !== 'OPEN') return refuse('INVALID_TRANSITION');
      if (!review.reviewers.includes(userId)) refuse('NOT_A_REVIEWER');
      if (review.votes[userId]) refuse('ALREADY_VOTED');
      needSame(input.documentSha256, review.sha);
      review.votes[userId] = type === 'ApproveReview' ? 'APPROVE' : 'REJECT';
      // decided once the outcome is certain, whatever the order
      const approvals = Object.values(review.votes).filter((vote) => vote === 'APPROVE').length;
      const rejections = Object.values(review.votes).length - approvals;
      if (approvals >= review.needed) {
        review.status = 'PASSED';
        return [['ReviewVoteCast', 'ReviewPassed'], solution && p.stage === 'PSM030_SOLUTION' ? { ...p, stage: 'PSM040_QUOTATION' } : p];
      }
      if (rejections > review.reviewers.length - review.needed) {
        review.status = 'FAILED';
        return [['ReviewVoteCast', 'ReviewFailed'], p];
      }
      return [['ReviewVoteCast'], p];
    }
    case 'SubmitQuotation': {
      needStage(p, ...QUOTING);
      // DOMAIN.md: a quotation after the customer accepted the solution (and its budget) in force
      if (p.solution?.status !== 'PASSED') refuse('INVALID_TRANSITION');
      needConfirmed(p, 'SOLUTION', p.solution!.sha);
      const required = quotationRoles(policy, p.projectClass ?? 'GENERAL', input.amount.amount);
      return [['QuotationSubmitted'], { ...p, quotation: { sha: input.document.sha256, fen: input.amount.amount, required, approvals: [] } }];
    }
    case 'ApproveQuotation': {
      needStage(p, ...QUOTING);
      const quotation = p.quotation;
      if (!quotation) return refuse('INVALID_TRANSITION');
      if (quotation.approvals.some((approval) => approval.userId === userId)) refuse('ALREADY_VOTED');
      const pending = quotation.required.filter((required) => !quotation.approvals.some((approval) => approval.role === required));
      if (!pending.includes(role)) refuse('APPROVAL_LEVEL_REQUIRED');
      needSame(input.documentSha256, quotation.sha);
      quotation.approvals.push({ role, userId });
      return [['QuotationApproved'], p];
    }
    case 'ChooseProcurement':
      needStage(p, 'PSM040_QUOTATION');
      approved(p);
      return [['ProcurementChosen'], { ...p, stage: input.method === 'TENDER' ? 'PSM050_TENDER' : 'PSM060_NEGOTIATION' }];
    case 'AdviseBid':
      needStage(p, 'PSM050_TENDER');
      if (p.tender.decision) refuse('INVALID_TRANSITION');
      return [['BidAdvised'], p];
    case 'DecideBid': {
      // DOMAIN.md: bid intent → documents bought → evaluated → the final BID / NO_BID
      needStage(p, 'PSM050_TENDER');
      const { tender } = p;
      if (tender.decision || (tender.intent && !tender.evaluated)) refuse('INVALID_TRANSITION');
      if (tender.intent) tender.decision = input.decision;
      else tender.intent = input.decision;
      // a no-bid, either time, closes the project as not bid, which is no loss
      if (input.decision === 'NO_BID') tender.decision = 'NO_BID';
      return [['BidDecided'], input.decision === 'NO_BID' ? { ...p, stage: 'CLOSED' } : p];
    }
    case 'RecordBidStep':
      return recordBidStep(policy, p, input, role);
    case 'EvaluateTenderDocuments':
      needStage(p, 'PSM050_TENDER');
      if (!p.tender.purchased || p.tender.decision || p.tender.evaluated) refuse('INVALID_TRANSITION');
      p.tender.evaluated = true;
      return [['TenderDocumentsEvaluated'], p];
    case 'HoldBidKickOff':
    case 'SubmitTechnicalBid':
      needBidding(p);
      if (p.tender.submitted || (type === 'HoldBidKickOff' && p.tender.kickOff)) refuse('INVALID_TRANSITION');
      if (type === 'HoldBidKickOff') p.tender.kickOff = true;
      else p.tender.technicalBids += 1;
      return [[type === 'HoldBidKickOff' ? 'BidKickOffHeld' : 'TechnicalBidSubmitted'], p];
    case 'RecordBidOpening':
      needStage(p, 'PSM050_TENDER');
      // recorded once, on or after the opening day: the model's only opening to have come is today's
      if (!p.tender.submitted || p.tender.opening || p.tender.openingInDays !== 0) refuse('INVALID_TRANSITION');
      p.tender.opening = true;
      return [['BidOpeningRecorded'], p];
    case 'RecordBidResult':
      needStage(p, 'PSM050_TENDER');
      if (!p.tender.submitted) refuse('INVALID_TRANSITION');
      return input.result === 'WON' ? [['BidWon'], { ...p, stage: 'PSM060_NEGOTIATION' }] : [['BidLost'], { ...p, stage: 'LOST' }];
    case 'RecordNegotiation':
      needStage(p, 'PSM060_NEGOTIATION');
      return [['NegotiationRecorded'], p];
    case 'SignTechnicalAgreement': {
      needStage(p, 'PSM060_NEGOTIATION');
      if (p.agreement?.status !== 'PASSED') return refuse('INVALID_TRANSITION');
      needSigner(policy, p, 'TECHNICAL_AGREEMENT', input.capacity, actor);
      needSame(input.documentSha256, p.agreement.sha);
      needConfirmed(p, 'TECHNICAL_AGREEMENT', p.agreement.sha);
      return [['TechnicalAgreementSigned'], { ...p, stage: 'PSM070_CONTRACT', agreement: { ...p.agreement, signed: true } }];
    }
    case 'DraftContract': {
      needStage(p, 'PSM070_CONTRACT');
      needConfirmed(p, 'CONTRACT_INTENT', p.agreement?.sha);
      const quotation = approved(p);
      if (input.amount.amount !== quotation.fen) refuse('DOCUMENT_CHANGED');
      const extras = (input.extraSigners as Array<{ role: Role; userId?: string }>).map((extra) => ({ ...extra }));
      if (extras.some((extra) => !extra.userId && NAMED_ROLES.includes(extra.role))) refuse('INVALID_INPUT');
      const fixed = policy.countersignChain.map((signer, index) => (index === 0 ? { role: signer, userId } : { role: signer }));
      const chain = [...fixed.slice(0, -1), ...extras, ...fixed.slice(-1)];
      const contract: ModelContract = { sha: input.document.sha256, fen: input.amount.amount, chain, signers: [], status: 'COUNTERSIGNING' };
      return [['ContractDrafted'], { ...p, contract, members: naming(...chain.flatMap((step) => (step.userId ? [step.userId] : []))) }];
    }
    case 'Countersign': {
      needStage(p, 'PSM070_CONTRACT');
      const contract = p.contract;
      if (contract?.status !== 'COUNTERSIGNING') return refuse('INVALID_TRANSITION');
      const next = contract.chain[contract.signers.length];
      const isNext = next.userId ? next.userId === userId : next.role === role;
      if (!isNext || contract.signers.includes(userId)) refuse('NOT_NEXT_SIGNER');
      needSame(input.documentSha256, contract.sha);
      if (input.decision === 'REJECT') {
        contract.status = 'REJECTED';
        return [['CountersignRejected'], p];
      }
      contract.signers.push(userId);
      if (contract.signers.length === contract.chain.length) contract.status = 'COUNTERSIGNED';
      return [['ContractCountersigned'], p];
    }
    case 'SignContract': {
      needStage(p, 'PSM070_CONTRACT');
      const contract = p.contract;
      if (contract?.status !== 'COUNTERSIGNED') return refuse('INVALID_TRANSITION');
      needSigner(policy, p, 'CONTRACT', input.capacity, actor);
      if (approved(p).fen !== contract.fen) refuse('DOCUMENT_CHANGED');
      needSame(input.document.sha256, contract.sha);
      needConfirmed(p, 'CONTRACT', contract.sha);
      contract.status = 'SIGNED';
      return [['ContractSigned'], { ...p, stage: 'WON' }];
    }
    case 'NameSigningRepresentative': {
      const document = input.document as SignedDocument;
      if (!policy.signingCapacities[document].includes('REPRESENTATIVE')) refuse('NOT_ALLOWED_FOR_ROLE');
      const signed = document === 'CONTRACT' ? p.contract?.status === 'SIGNED' : p.agreement?.signed;
      if (CLOSED.includes(p.stage) || p.stage === 'LEAD' || p.stage === 'QUALIFIED' || signed) refuse('INVALID_TRANSITION');
      return [['SigningRepresentativeNamed'], { ...p, representatives: { ...p.representatives, [document]: input.userId }, members: naming(input.userId) }];
    }
    case 'ArchiveSignedScan': {
      const document = input.document as SignedDocument;
      const signedSha = document === 'CONTRACT' ? (p.contract?.status === 'SIGNED' ? p.contract.sha : undefined) : (p.agreement?.signed ? p.agreement.sha : undefined);
      if (!signedSha || p.scanned.includes(document)) return refuse('INVALID_TRANSITION');
      if (input.scan.sha256 === signedSha) refuse('INVALID_INPUT');
      return [['SignedScanArchived'], { ...p, scanned: [...p.scanned, document] }];
    }
    case 'RecordCustomerDeclined':
      // the customer declines the solution at PSM030 or once passed (before a quotation), the agreement at PSM060, a contract at PSM070
      // until it stated its intent: the project closes
      needStage(p, ...({ SOLUTION: ['PSM030_SOLUTION', 'PSM040_QUOTATION'], TECHNICAL_AGREEMENT: ['PSM060_NEGOTIATION'], CONTRACT_INTENT: ['PSM070_CONTRACT'] } as const)[input.subject as 'SOLUTION']);
      if ((input.subject === 'SOLUTION' && p.quotation) || (input.subject === 'CONTRACT_INTENT' && p.confirmed.CONTRACT_INTENT)) refuse('INVALID_TRANSITION');
      return [['CustomerDeclined'], { ...p, stage: 'CLOSED', terminationDeciders: undefined }];
    case 'RequestTermination':
      if (CLOSED.includes(p.stage) || p.terminationDeciders) refuse('INVALID_TRANSITION');
      return [['TerminationRequested'], { ...p, terminationDeciders: policy.terminationDeciders[p.projectClass ?? 'GENERAL'] }];
    case 'DecideTermination': {
      // only an open project can be terminated: one that closed meanwhile keeps its outcome
      if (!p.terminationDeciders || CLOSED.includes(p.stage)) return refuse('INVALID_TRANSITION');
      if (!p.terminationDeciders.includes(role)) refuse('APPROVAL_LEVEL_REQUIRED');
      const after = { ...p, terminationDeciders: undefined };
      return input.approve ? [['ProjectTerminated'], { ...after, stage: 'TERMINATED' }] : [['TerminationDeclined'], after];
    }
    case 'HandOver': {
      needStage(p, 'WON');
      if (p.handedOver) refuse('INVALID_TRANSITION');
      // DOMAIN.md's list: a won project holds its contract and solution; the sheets, needs and configuration are given
      const kinds = new Set<string>(['CONTRACT', 'SOLUTION', ...input.items.map((item: { kind: string }) => item.kind)]);
      if (!['CONTRACT_REVIEW_SHEET', 'REVIEW_ISSUES_SHEET', 'CUSTOMER_NEEDS', 'PRODUCT_CONFIGURATION'].every((kind) => kinds.has(kind))) refuse('HANDOVER_INCOMPLETE');
      const oral = input.items.filter((item: { kind: string }) => item.kind === 'ORAL_AGREEMENT').map((item: { sha256: string }) => ({ sha: item.sha256, confirmed: false }));
      return [['ProjectHandedOver'], { ...p, handedOver: true, handover: { receiver: input.receivedBy, oral, received: false }, members: naming(input.receivedBy) }];
    }
    // an oral agreement put in writing is confirmed by whom the profile says, then only the receiver named closes the handover
    case 'ConfirmOralAgreement':
    case 'ReceiveHandover': {
      const handover = p.handover;
      if (!handover || handover.received) return refuse('INVALID_TRANSITION');
      const waiting = handover.oral.filter((oral) => !oral.confirmed);
      if (type === 'ReceiveHandover') {
        if (userId !== handover.receiver) refuse('NOT_ALLOWED_FOR_ROLE');
        if (waiting.length > 0) refuse('INVALID_TRANSITION');
        return [['HandoverReceived'], { ...p, handover: { ...handover, received: true } }];
      }
      if (waiting.length === 0) refuse('INVALID_TRANSITION');
      const oral = handover.oral.find(({ sha }) => sha === input.sha256);
      if (!oral) return refuse('INVALID_INPUT');
      if (oral.confirmed) refuse('INVALID_TRANSITION');
      return [['OralAgreementConfirmed'], { ...p, handover: { ...handover, oral: handover.oral.map((entry) => (entry === oral ? { ...entry, confirmed: true } : entry)) } }];
    }
    case 'SummarizeProject':
      if (!['WON', 'LOST', 'TERMINATED'].includes(p.stage) && p.tender.decision !== 'NO_BID') refuse('INVALID_TRANSITION');
      if ((p.stage === 'WON' && !p.handedOver) || p.summarized) refuse('INVALID_TRANSITION');
      return [['ProjectSummarized'], { ...p, summarized: true }];
    case 'AttachDocument':
      return [['DocumentAttached'], p];
    // DOMAIN.md: demos at any open stage (feedback once held, whatever the stage); competitor notes at any stage, on any path
    case 'PlanDemo':
      if (CLOSED.includes(p.stage)) refuse('INVALID_TRANSITION');
      return [['DemoPlanned'], { ...p, demos: [...p.demos, 'PLANNED'] }];
    case 'RecordDemoHeld':
    case 'RecordDemoFeedback': {
      const held = type === 'RecordDemoHeld';
      if (held && CLOSED.includes(p.stage)) refuse('INVALID_TRANSITION');
      // a step no demo waits for is not open, whatever the number named
      if (!p.demos.includes(held ? 'PLANNED' : 'HELD')) refuse('INVALID_TRANSITION');
      const demo = p.demos[input.number - 1];
      if (!demo) return refuse('INVALID_INPUT');
      if (demo !== (held ? 'PLANNED' : 'HELD')) refuse('INVALID_TRANSITION');
      p.demos[input.number - 1] = held ? 'HELD' : 'FEEDBACK';
      return [[held ? 'DemoHeld' : 'DemoFeedbackRecorded'], p];
    }
    case 'NoteCompetitor':
      return [['CompetitorNoted'], p];
    // 售前考核: only the project's pre-sales people (its engineer at 立项, its solution's author) are surveyed and rated
    case 'SendSatisfactionSurvey':
      if (presalesPeople(p).length === 0) refuse('INVALID_TRANSITION');
      if (!input.rates.every((person: string) => presalesPeople(p).includes(person))) refuse('INVALID_INPUT');
      return [['SatisfactionSurveySent'], p];
    case 'RateCollaboration': {
      if (presalesPeople(p).length === 0) refuse('INVALID_TRANSITION');
      if (!presalesPeople(p).includes(input.person) || input.person === userId) refuse('INVALID_INPUT');
      const key = `${userId}|${input.person}`;
      if (p.collaborations?.includes(key)) refuse('INVALID_TRANSITION');
      if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) refuse('INVALID_INPUT');
      return [['CollaborationRated'], { ...p, collaborations: [...(p.collaborations ?? []), key] }];
    }
    // DOMAIN.md: the customer confirms the version in force, once; what went to the customer last is known
    case 'RecordCustomerConfirmation':
    case 'SendToCustomer': {
      if (CLOSED.includes(p.stage)) refuse('INVALID_TRANSITION');
      const subject: string = type === 'SendToCustomer' ? input.document : input.subject;
      const sha = readyForCustomer(p, subject);
      needSame(input.documentSha256, sha);
      const document = DOCUMENT_OF[subject];
      if (type === 'SendToCustomer') {
        if (p.withCustomer[document] === sha) refuse('INVALID_TRANSITION');
        return [['SentToCustomer'], { ...p, withCustomer: { ...p.withCustomer, [document]: sha } }];
      }
      if (p.confirmed[subject] === sha) refuse('INVALID_TRANSITION');
      return [['CustomerConfirmed'], { ...p, confirmed: { ...p.confirmed, [subject]: sha }, withCustomer: { ...p.withCustomer, [document]: sha } }];
    }
    case 'BookSigning':
      readyForCustomer(p, input.document);
      if (input.appointedOn < new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)) refuse('INVALID_INPUT');
      return [['SigningBooked'], p];
    // DOMAIN.md, tracking: a next action's date is not before its contact; a week is named by a Monday that has come, once per project
    case 'AddTrackingNote':
      if (input.nextActionOn && input.nextActionOn < (input.contactedOn ?? today())) refuse('INVALID_INPUT');
      return [['TrackingNoteAdded'], p];
    case 'ReportWeeklyTracking':
      if (new Date(`${input.weekStartingOn}T00:00:00Z`).getUTCDay() !== 1 || input.weekStartingOn > today()) refuse('INVALID_INPUT');
      if (p.weeksReported.includes(input.weekStartingOn)) refuse('INVALID_TRANSITION');
      return [['WeeklyTrackingReported'], { ...p, weeksReported: [...p.weeksReported, input.weekStartingOn] }];
    case 'RaiseChallenge':
      if (CLOSED.includes(p.stage)) refuse('INVALID_TRANSITION');
      return [['ChallengeRaised'], { ...p, challenges: [...p.challenges, false] }];
    case 'AnswerChallenge': {
      if (!p.challenges.includes(false)) refuse('INVALID_TRANSITION');
      if (p.challenges[input.number - 1] === undefined) refuse('INVALID_INPUT');
      if (p.challenges[input.number - 1]) refuse('INVALID_TRANSITION');
      p.challenges[input.number - 1] = true;
      return [['ChallengeAnswered'], p];
    }
    case 'RecordMeetingMemo':
      return [['MeetingMemoRecorded'], p];
    default:
      return decideControl(policy, p, type, input, actor, refuse) ?? refuse('INVALID_INPUT');
  }
}

const BID_STEP_RESPONSIBILITY: Record<string, Responsibility> = {
  LOAN_SIGNED: 'signBidLoan', DOCUMENTS_PURCHASED: 'buyTenderDocuments', BOND_PAID: 'payBidBond', DOCUMENTS_CHECKED: 'checkBidDocuments',
  DOCUMENTS_SEALED: 'sealBid', BID_SUBMITTED: 'submitBid',
};

function needBidding(p: ModelProject): void {
  needStage(p, 'PSM050_TENDER');
  if (p.tender.decision !== 'BID') refuse('INVALID_TRANSITION');
}

/**
 * On the intent to bid: the loan signed, the documents bought (opening not past). On the final decision: bond paid, documents checked
 * by whom the profile says before the opening, then sealed, then the bid submitted at the approved price.
 */
function recordBidStep(policy: Policy, p: ModelProject, input: Record<string, any>, role: Role): [string[], ModelProject] {
  needStage(p, 'PSM050_TENDER');
  const { tender } = p;
  const beforePurchase = input.step === 'LOAN_SIGNED' || input.step === 'DOCUMENTS_PURCHASED';
  if ((beforePurchase ? tender.intent : tender.decision) !== 'BID') refuse('INVALID_TRANSITION');
  // each bid step is a responsibility of its own (enterprise-standard: 市场部 checks; equipment-maker: the supervisor)
  if (!policy.responsibilities[BID_STEP_RESPONSIBILITY[input.step as string]].includes(role)) refuse('NOT_ALLOWED_FOR_ROLE');
  switch (input.step) {
    case 'LOAN_SIGNED':
      if (tender.purchased || tender.loan) refuse('INVALID_TRANSITION');
      tender.loan = true;
      return [['BidLoanSigned'], p];
    case 'DOCUMENTS_PURCHASED':
      if (tender.purchased) refuse('INVALID_TRANSITION');
      if (input._openingInDays < 0) refuse('INVALID_INPUT');
      Object.assign(tender, { purchased: true, openingInDays: input._openingInDays });
      return [['TenderDocumentsPurchased'], p];
    case 'BOND_PAID':
      if (tender.bond) refuse('INVALID_TRANSITION');
      tender.bond = true;
      return [['BidBondPaid'], p];
    case 'DOCUMENTS_CHECKED':
      if (tender.checked) refuse('INVALID_TRANSITION');
      // checked any time before the opening (a late check is only overdue): the model's openings are never past
      tender.checked = true;
      return [['BidDocumentsChecked'], p];
    case 'DOCUMENTS_SEALED':
      if (!tender.checked || tender.sealed) refuse('INVALID_TRANSITION');
      tender.sealed = true;
      return [['BidSealed'], p];
    default:
      if (!tender.checked || !tender.sealed || tender.submitted) refuse('INVALID_TRANSITION');
      // a bid price is an approved price
      if (approved(p).fen !== input.amount.amount) refuse('QUOTATION_NOT_APPROVED');
      tender.submitted = true;
      return [['BidSubmitted'], p];
  }
}
