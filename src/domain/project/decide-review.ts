import { approvalsNeeded } from '../policy/policy.js';
import type { ApproveReview, RejectReview, SignTechnicalAgreement, SubmitSolution, SubmitTechnicalAgreement } from './commands.js';
import { requireMoney, requireSameDocument, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { reviewDeadline } from './deadlines.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { requireAgreementDrafter, requireSigner } from './hands.js';
import type { Project, Review } from './state.js';

/** Reviewers are named when the review opens; a MAJOR project needs the policy's quorum of them. */
function namedReviewers(project: Project, reviewers: string[], context: DecisionContext) {
  const unique = [...new Set(reviewers.map((reviewer) => reviewer.trim()).filter(Boolean))];
  const projectClass = project.projectClass ?? 'GENERAL';
  const { minReviewers } = context.policy.review[projectClass];
  if (unique.length < minReviewers) {
    refuse('INVALID_INPUT', `a ${projectClass} review needs at least ${minReviewers} named reviewer(s)`);
  }
  return { reviewers: unique, approvalsNeeded: approvalsNeeded(context.policy, projectClass, unique.length) };
}

export function submitSolution(project: Project, { data }: SubmitSolution, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM030_SOLUTION');
  requireMoney(data.systemBudget, 'the system budget', context);
  const version = (project.solution?.version ?? 0) + 1;
  return [{
    type: 'SolutionSubmitted',
    data: { version, document: data.document, systemBudget: data.systemBudget, ...namedReviewers(project, data.reviewers, context) },
  }];
}

export function submitTechnicalAgreement(project: Project, { data }: SubmitTechnicalAgreement, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM060_NEGOTIATION');
  requireAgreementDrafter(project, context);
  const version = (project.agreement?.version ?? 0) + 1;
  const named = namedReviewers(project, data.reviewers, context);
  const onSite = data.signingOnSite === true;
  const deadline = reviewDeadline('AGREEMENT_REVIEW', onSite, named.reviewers.map((userId) => ({ userId })), context);
  return [{
    type: 'TechnicalAgreementSubmitted',
    data: {
      version, document: data.document, ...named, ...(onSite ? { signingOnSite: true } : {}), ...(data.customerWritten ? { customerWritten: true } : {}), deadlines: [deadline],
    },
  }];
}

function openReview(project: Project, subject: Review['subject']): Review {
  requireStage(project, subject === 'SOLUTION' ? 'PSM030_SOLUTION' : 'PSM060_NEGOTIATION');
  const review = subject === 'SOLUTION' ? project.solution : project.agreement;
  if (review?.status !== 'OPEN') return refuse('INVALID_TRANSITION', `no ${subject.toLowerCase().replace('_', ' ')} review is open`);
  return review;
}

/** One vote per named reviewer, on the version in force; one rejection fails the review. */
export function castVote(project: Project, command: ApproveReview | RejectReview, context: DecisionContext): ProjectEvent[] {
  const { subject, documentSha256 } = command.data;
  const review = openReview(project, subject);
  const reviewerId = context.actor.userId;
  if (!review.reviewers.includes(reviewerId)) refuse('NOT_A_REVIEWER', `${reviewerId} is not named on this review`);
  if (review.votes[reviewerId]) refuse('ALREADY_VOTED', `${reviewerId} has already voted on version ${review.version}`);
  requireSameDocument(documentSha256, review.document.sha256, subject === 'SOLUTION' ? 'solution' : 'technical agreement');
  const { version } = review;
  if (command.type === 'RejectReview') {
    const comments = requireText(command.data.comments, 'comments on a rejection');
    return [
      { type: 'ReviewVoteCast', data: { subject, version, reviewerId, vote: 'REJECT', comments, documentSha256 } },
      { type: 'ReviewFailed', data: { subject, version, reviewerId, comments } },
    ];
  }
  const cast: ProjectEvent = {
    type: 'ReviewVoteCast',
    data: { subject, version, reviewerId, vote: 'APPROVE', comments: command.data.comments, documentSha256 },
  };
  const approvals = Object.values(review.votes).filter((vote) => vote === 'APPROVE').length + 1;
  return approvals >= review.approvalsNeeded ? [cast, { type: 'ReviewPassed', data: { subject, version, approvals } }] : [cast];
}

/** Signed in a capacity the profile allows (technical lead, else account manager; or department leader or representative). */
export function signTechnicalAgreement(project: Project, { data }: SignTechnicalAgreement, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM060_NEGOTIATION');
  const agreement = project.agreement;
  if (agreement?.status !== 'PASSED') return refuse('INVALID_TRANSITION', 'the technical agreement has not passed its review');
  const { signerId, capacity } = requireSigner(project, 'TECHNICAL_AGREEMENT', data.capacity, context);
  requireSameDocument(data.documentSha256, agreement.document.sha256, 'technical agreement');
  return [{ type: 'TechnicalAgreementSigned', data: { version: agreement.version, signerId, capacity, documentSha256: data.documentSha256 } }];
}
