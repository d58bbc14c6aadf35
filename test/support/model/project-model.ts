import type { ProjectCommandType } from '../../../src/domain/project/commands.js';
import type { Responsibility } from '../../../src/domain/policy/responsibilities.js';
import type { Policy } from '../../../src/domain/policy/policy.js';
import { commandRoles } from '../../../src/domain/policy/responsibilities.js';
import type { DomainErrorCode } from '../../../src/domain/project/errors.js';
import type { Role, SignedDocument, SigningCapacity } from '../../../src/domain/project/vocabulary.js';

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
  tender: { decision?: 'BID' | 'NO_BID'; openingInDays?: number; purchased: boolean; bond: boolean; checked: boolean; submitted: boolean };
  contract?: ModelContract;
  terminationDeciders?: Role[];
  /** 演示 by number (index + 1): planned, held, or with the customer's feedback. */
  demos: Array<'PLANNED' | 'HELD' | 'FEEDBACK'>;
  handedOver: boolean;
  summarized: boolean;
}

export const newModelProject = (): ModelProject => ({
  stage: 'NONE', events: 0, estimatedFen: 0, members: [], forwardPending: false, requestOpen: false, request: 'NONE', disputed: false, evaluationRequested: false, handedOver: false, summarized: false,
  representatives: {}, scanned: [], demos: [],
  tender: { purchased: false, bond: false, checked: false, submitted: false },
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
const NAMED_ROLES: readonly Role[] = ['ACCOUNT_MANAGER', 'PRESALES_ENGINEER', 'REVIEWER'];

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

const copyReview = <R extends ModelReview>(review: R): R => ({ ...review, reviewers: [...review.reviewers], votes: { ...review.votes } });

/** A deep copy, by hand: the generator judges a hundred candidate commands a step. */
function copyOf(p: ModelProject): ModelProject {
  return {
    ...p,
    members: [...p.members],
    representatives: { ...p.representatives },
    scanned: [...p.scanned],
    demos: [...p.demos],
    tender: { ...p.tender },
    solution: p.solution && copyReview(p.solution),
    agreement: p.agreement && copyReview(p.agreement),
    quotation: p.quotation && { ...p.quotation, approvals: [...p.quotation.approvals] },
    contract: p.contract && { ...p.contract, chain: [...p.contract.chain], signers: [...p.contract.signers] },
  };
}

/** The events a command appends and the project after them, or the rule that refuses it. */
export function judge(policy: Policy, project: ModelProject, command: ModelCommand): Judgement {
  if (!mayIssue(policy, command)) return { accepted: false, code: 'NOT_ALLOWED_FOR_ROLE' };
  try {
    const [events, after] = decideInModel(policy, copyOf(project), command);
    after.events = project.events + events.length;
    return { accepted: true, events, after };
  } catch (error) {
    if (error instanceof Refused) return { accepted: false, code: error.code };
    throw error;
  }
}

function decideInModel(policy: Policy, p: ModelProject, { type, input, actor }: ModelCommand): [string[], ModelProject] {
  const { userId, role } = actor;
  if (!mayIssue(policy, { type, input, actor })) refuse('NOT_ALLOWED_FOR_ROLE');
  if (type === 'RegisterLead') {
    if (p.stage !== 'NONE') refuse('PROJECT_EXISTS');
    return [['LeadRegistered'], { ...p, stage: 'LEAD', ownerId: userId, estimatedFen: input.estimatedAmount.amount, productLine: input.productLine }];
  }
  // a project its caller may not see is answered as one that does not exist
  if (p.stage === 'NONE' || (NAMED_ROLES.includes(role) && p.ownerId !== userId && !p.members.includes(userId))) refuse('PROJECT_NOT_FOUND');
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
      return [['ProjectApproved'], { ...p, stage: 'PSM010_EXCHANGE', projectClass, presalesEngineerId: input.presalesEngineerId, matureReference, members }];
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
      return [['ExchangeRecorded'], { ...p, stage: input.surveyNeeded ? 'PSM020_SURVEY' : 'PSM030_SOLUTION' }];
    case 'RecordSurvey':
      needStage(p, 'PSM020_SURVEY');
      return [['SurveyCompleted'], { ...p, stage: 'PSM030_SOLUTION' }];
    case 'SubmitSolution':
      needStage(p, 'PSM030_SOLUTION');
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
      needStage(p, solution ? 'PSM030_SOLUTION' : 'PSM060_NEGOTIATION');
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
      needStage(p, solution ? 'PSM030_SOLUTION' : 'PSM060_NEGOTIATION');
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
        return [['ReviewVoteCast', 'ReviewPassed'], solution ? { ...p, stage: 'PSM040_QUOTATION' } : p];
      }
      if (rejections > review.reviewers.length - review.needed) {
        review.status = 'FAILED';
        return [['ReviewVoteCast', 'ReviewFailed'], p];
      }
      return [['ReviewVoteCast'], p];
    }
    case 'SubmitQuotation': {
      needStage(p, ...QUOTING);
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
    case 'DecideBid':
      needStage(p, 'PSM050_TENDER');
      if (p.tender.decision) refuse('INVALID_TRANSITION');
      p.tender.decision = input.decision;
      // DOMAIN.md: no-bid closes the project as not bid, which is no loss
      return [['BidDecided'], input.decision === 'NO_BID' ? { ...p, stage: 'CLOSED' } : p];
    case 'RecordBidStep':
      return recordBidStep(policy, p, input, role);
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
      return [['TechnicalAgreementSigned'], { ...p, stage: 'PSM070_CONTRACT', agreement: { ...p.agreement, signed: true } }];
    }
    case 'DraftContract': {
      needStage(p, 'PSM070_CONTRACT');
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
      // the customer declines the solution at PSM030, the agreement at PSM060, a contract at PSM070: the project closes
      needStage(p, ({ SOLUTION: 'PSM030_SOLUTION', TECHNICAL_AGREEMENT: 'PSM060_NEGOTIATION', CONTRACT_INTENT: 'PSM070_CONTRACT' } as const)[input.subject as 'SOLUTION']);
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
    case 'HandOver':
      needStage(p, 'WON');
      if (p.handedOver) refuse('INVALID_TRANSITION');
      return [['ProjectHandedOver'], { ...p, handedOver: true, members: naming(input.receivedBy) }];
    case 'SummarizeProject':
      if (!['WON', 'LOST', 'TERMINATED'].includes(p.stage) && p.tender.decision !== 'NO_BID') refuse('INVALID_TRANSITION');
      if ((p.stage === 'WON' && !p.handedOver) || p.summarized) refuse('INVALID_TRANSITION');
      return [['ProjectSummarized'], { ...p, summarized: true }];
    case 'AddTrackingNote':
      return [['TrackingNoteAdded'], p];
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
  }
}

const BID_STEP_RESPONSIBILITY: Record<string, Responsibility> = {
  DOCUMENTS_PURCHASED: 'buyTenderDocuments', BOND_PAID: 'payBidBond', DOCUMENTS_CHECKED: 'checkBidDocuments', BID_SUBMITTED: 'submitBid',
};

/** Documents bought (opening not past), bond paid, documents checked by whom the profile says before the opening, bid submitted at the approved price. */
function recordBidStep(policy: Policy, p: ModelProject, input: Record<string, any>, role: Role): [string[], ModelProject] {
  needStage(p, 'PSM050_TENDER');
  const { tender } = p;
  if (tender.decision !== 'BID') refuse('INVALID_TRANSITION');
  // each bid step is a responsibility of its own (enterprise-standard: 市场部 checks; equipment-maker: the supervisor)
  if (!policy.responsibilities[BID_STEP_RESPONSIBILITY[input.step as string]].includes(role)) refuse('NOT_ALLOWED_FOR_ROLE');
  switch (input.step) {
    case 'DOCUMENTS_PURCHASED':
      if (tender.purchased) refuse('INVALID_TRANSITION');
      if (input._openingInDays < 0) refuse('INVALID_INPUT');
      Object.assign(tender, { purchased: true, openingInDays: input._openingInDays });
      return [['TenderDocumentsPurchased'], p];
    case 'BOND_PAID':
      if (!tender.purchased || tender.bond) refuse('INVALID_TRANSITION');
      tender.bond = true;
      return [['BidBondPaid'], p];
    case 'DOCUMENTS_CHECKED':
      if (!tender.purchased || tender.checked) refuse('INVALID_TRANSITION');
      // checked any time before the opening (a late check is only overdue): the model's openings are never past
      tender.checked = true;
      return [['BidDocumentsChecked'], p];
    default:
      if (!tender.checked || tender.submitted) refuse('INVALID_TRANSITION');
      // a bid price is an approved price
      if (approved(p).fen !== input.amount.amount) refuse('QUOTATION_NOT_APPROVED');
      tender.submitted = true;
      return [['BidSubmitted'], p];
  }
}
