import { approvalsNeeded } from '../policy/policy.js';
import type { Responsibility } from '../policy/responsibilities.js';
import type {
  ApproveReview, ConveneReview, RejectReview, SetSystemBudget, SignTechnicalAgreement, SubmitSolution, SubmitTechnicalAgreement,
} from './commands.js';
import { requireMoney, requireResponsibility, requireSameDocument, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { reviewDeadline, type Deadline } from './deadlines.js';
import { REVIEW_SCORE_MAX, type ReviewScores } from './vocabulary.js';
import { requireConfirmed, SOLUTION_BEFORE_CUSTOMER } from './decide-customer.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { requireAgreementDrafter, requireSigner } from './hands.js';
import type { Project, Review } from './state.js';

/** Who convenes each kind of review under the profile: 市场部, or 业务主管 for technical agreements (equipment-maker). */
const ORGANISER: Record<Review['subject'], Responsibility> = { SOLUTION: 'organiseSolutionReview', TECHNICAL_AGREEMENT: 'organiseAgreementReview' };

/** A version submitted for review: its author, and the roles that convene its committee. */
const submitted = (version: number, context: DecisionContext, subject: Review['subject']) => ({
  version, authorId: context.actor.userId, organisers: context.policy.responsibilities[ORGANISER[subject]],
});

/** Where a solution is written and reviewed: at PSM030, and revised by the same rules once it has gone to the customer. */
const SOLUTION_STAGES = ['PSM030_SOLUTION', ...SOLUTION_BEFORE_CUSTOMER] as const;
const reviewStages = (subject: Review['subject']) => (subject === 'SOLUTION' ? SOLUTION_STAGES : (['PSM060_NEGOTIATION'] as const));

/** A new version at PSM030, or a revision of the approved one in quotation, tender or negotiation (its approvals stay in the history). */
export function submitSolution(project: Project, { data }: SubmitSolution, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...SOLUTION_STAGES);
  if (project.stage === 'PSM050_TENDER' && project.tender.submitted) refuse('INVALID_TRANSITION', 'the bid is submitted: the solution is revised once the tender is won');
  const version = (project.solution?.version ?? 0) + 1;
  return [{ type: 'SolutionSubmitted', data: { ...submitted(version, context, 'SOLUTION'), document: data.document } }];
}

/** 客户经理根据…系统范围确定预算: the account manager sets the solution's system budget, while it is being worked out. */
export function setSystemBudget(project: Project, { data }: SetSystemBudget, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM030_SOLUTION');
  return [{ type: 'SystemBudgetSet', data: { systemBudget: requireMoney(data.systemBudget, 'the system budget', context), setBy: context.actor.userId } }];
}

export function submitTechnicalAgreement(project: Project, { data }: SubmitTechnicalAgreement, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM060_NEGOTIATION');
  requireAgreementDrafter(project, context);
  const version = (project.agreement?.version ?? 0) + 1;
  const onSite = data.signingOnSite === true;
  // the review's clock runs from the submission: first for its organisers, then for the reviewers they name
  const organisers = context.policy.responsibilities.organiseAgreementReview;
  const deadline = reviewDeadline('AGREEMENT_REVIEW', onSite, organisers.map((role) => ({ role })), context);
  return [{
    type: 'TechnicalAgreementSubmitted',
    data: {
      ...submitted(version, context, 'TECHNICAL_AGREEMENT'), document: data.document, ...(onSite ? { signingOnSite: true } : {}), ...(data.customerWritten ? { customerWritten: true } : {}),
      deadlines: [deadline],
    },
  }];
}

/**
 * The organiser convenes the committee of the version in force and names its reviewers: never its
 * author, and at least the policy's quorum for the project's class.
 */
export function conveneReview(project: Project, { data }: ConveneReview, context: DecisionContext): ProjectEvent[] {
  const { subject } = data;
  requireStage(project, ...reviewStages(subject));
  requireResponsibility(context, ORGANISER[subject]);
  const review = subject === 'SOLUTION' ? project.solution : project.agreement;
  if (review?.status !== 'AWAITING_REVIEWERS') return refuse('INVALID_TRANSITION', `no ${nameOf(subject)} waits for its committee`);
  const reviewers = [...new Set(data.reviewers.map((reviewer) => reviewer.trim()).filter(Boolean))];
  if (review.authorId && reviewers.includes(review.authorId)) refuse('INVALID_INPUT', `${review.authorId} wrote the ${nameOf(subject)}: an author does not review their own work`);
  const projectClass = project.projectClass ?? 'GENERAL';
  const { minReviewers } = context.policy.review[projectClass];
  if (reviewers.length < minReviewers) refuse('INVALID_INPUT', `a ${projectClass} review needs at least ${minReviewers} named reviewer(s)`);
  // the review's clock, started at the submission, now waits for the reviewers
  const clock: Deadline | undefined = review.clock && { ...review.clock, waitingFor: reviewers.map((userId) => ({ userId })) };
  return [{
    type: 'ReviewConvened',
    data: {
      subject, version: review.version, reviewers, approvalsNeeded: approvalsNeeded(context.policy, projectClass, reviewers.length), convenedBy: context.actor.userId,
      ...(clock ? { deadlines: [clock] } : {}),
    },
  }];
}

const nameOf = (subject: Review['subject']) => subject.toLowerCase().replace('_', ' ');

function openReview(project: Project, subject: Review['subject']): Review {
  requireStage(project, ...reviewStages(subject));
  const review = subject === 'SOLUTION' ? project.solution : project.agreement;
  if (review?.status !== 'OPEN') return refuse('INVALID_TRANSITION', `no ${nameOf(subject)} review is open`);
  return review;
}

function requireScores(scores: ReviewScores | undefined, subject: Review['subject']): void {
  if (!scores) return;
  if (subject !== 'SOLUTION') refuse('INVALID_INPUT', 'scores are given to a solution');
  const valid = (score: number) => Number.isInteger(score) && score >= 1 && score <= REVIEW_SCORE_MAX;
  if (![scores.rationality, scores.innovation, scores.completeness].every(valid)) refuse('INVALID_INPUT', `each score is a whole number from 1 to ${REVIEW_SCORE_MAX}`);
}

/**
 * One vote per named reviewer, on the version in force. The review is decided once its outcome is
 * certain, whatever the order of the votes: passed with the approvals it needs, failed once the
 * rejections leave too few reviewers to reach them.
 */
export function castVote(project: Project, command: ApproveReview | RejectReview, context: DecisionContext): ProjectEvent[] {
  const { subject, documentSha256, scores } = command.data;
  const review = openReview(project, subject);
  const reviewerId = context.actor.userId;
  if (!review.reviewers.includes(reviewerId)) refuse('NOT_A_REVIEWER', `${reviewerId} is not named on this review`);
  if (review.votes[reviewerId]) refuse('ALREADY_VOTED', `${reviewerId} has already voted on version ${review.version}`);
  requireSameDocument(documentSha256, review.document.sha256, subject === 'SOLUTION' ? 'solution' : 'technical agreement');
  requireScores(scores, subject);
  const { version } = review;
  const vote = command.type === 'RejectReview' ? 'REJECT' : 'APPROVE';
  const comments = vote === 'REJECT' ? requireText(command.data.comments, 'comments on a rejection') : command.data.comments;
  const cast: ProjectEvent = { type: 'ReviewVoteCast', data: { subject, version, reviewerId, vote, comments, documentSha256, ...(scores ? { scores } : {}) } };
  const votes = [...Object.values(review.votes), vote];
  const approvals = votes.filter((given) => given === 'APPROVE').length;
  const rejections = votes.length - approvals;
  const revision = subject === 'SOLUTION' && project.stage !== 'PSM030_SOLUTION' ? { revision: true as const } : {};
  if (approvals >= review.approvalsNeeded) return [cast, { type: 'ReviewPassed', data: { subject, version, approvals, ...revision } }];
  if (rejections > review.reviewers.length - review.approvalsNeeded) {
    return [cast, { type: 'ReviewFailed', data: { subject, version, reviewerId, comments: comments ?? '' } }];
  }
  return [cast];
}

/** Signed in a capacity the profile allows (technical lead, else account manager; or department leader or representative). */
export function signTechnicalAgreement(project: Project, { data }: SignTechnicalAgreement, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM060_NEGOTIATION');
  const agreement = project.agreement;
  if (agreement?.status !== 'PASSED') return refuse('INVALID_TRANSITION', 'the technical agreement has not passed its review');
  const { signerId, capacity } = requireSigner(project, 'TECHNICAL_AGREEMENT', data.capacity, context);
  requireSameDocument(data.documentSha256, agreement.document.sha256, 'technical agreement');
  requireConfirmed(project, 'TECHNICAL_AGREEMENT', agreement.version, 'signing the technical agreement');
  return [{ type: 'TechnicalAgreementSigned', data: { version: agreement.version, signerId, capacity, documentSha256: data.documentSha256 } }];
}
