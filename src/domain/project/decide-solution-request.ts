import { usableVersion } from '../catalogue/standard-solution.js';
import type { AnswerSolutionRequest, DecideSolutionDispute, DisputeSolutionAnswer, RequestSolution, SendStandardSolution, SignDispatchRequest } from './commands.js';
import { hasResponsibility, requireResponsibility, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { solutionRequestDeadline } from './deadlines.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { Project, SolutionRequest } from './state.js';
import type { Dispatch } from './vocabulary.js';

/**
 * 方案申请表 (document 003 L25): once the project is approved and until its solution is written, one request at a
 * time, by the account manager or, on their behalf, the supervisor. A dispatch (申请派人交流单) waits for the
 * director's signature before the request goes to the technical team, whose clock starts only then.
 */
export function requestSolution(project: Project, { data }: RequestSolution, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION');
  if (project.solutionRequestOpen) refuse('INVALID_TRANSITION', 'a solution request already waits for its answer');
  if (project.solutionRequest?.status === 'DISPUTED') refuse('INVALID_TRANSITION', 'a dispute over the last request waits for the sales GM');
  const need = requireText(data.need, 'what the solution must answer');
  const requestedBy = context.actor.userId;
  const ownerId = project.lead.ownerId;
  const onBehalf = requestedBy !== ownerId ? { onBehalfOf: ownerId } : {};
  if (!data.dispatch) return [{ type: 'SolutionRequested', data: { need, requestedBy, ...onBehalf, deadlines: [solutionRequestDeadline(context)] } }];
  const dispatch = validDispatch(data.dispatch);
  const dispatchSigners = context.policy.responsibilities.signDispatchRequest;
  return [{ type: 'SolutionRequested', data: { need, requestedBy, ...onBehalf, dispatch, dispatchSigners, deadlines: [] } }];
}

function validDispatch({ site, purpose, wantedOn, people }: Dispatch): Dispatch {
  if (!Number.isInteger(people) || people < 1) refuse('INVALID_INPUT', 'a dispatch sends at least one person');
  return { site: requireText(site, 'where the people are sent'), purpose: requireText(purpose, 'what the exchange on site is for'), wantedOn, people };
}

/** 部长签字: the director signs the dispatch, or refuses the trip; either way the request now goes to the technical team. */
export function signDispatchRequest(project: Project, { data }: SignDispatchRequest, context: DecisionContext): ProjectEvent[] {
  requireRequestIn(project, 'AWAITING_DISPATCH_SIGNATURE', 'no dispatch request waits for a signature');
  const deadlines = [solutionRequestDeadline(context)];
  const by = context.actor.userId;
  if (data.approve) return [{ type: 'DispatchRequestSigned', data: { signedBy: by, ...(data.comments ? { comments: data.comments } : {}), deadlines } }];
  return [{ type: 'DispatchRequestRefused', data: { decidedBy: by, comments: requireText(data.comments, 'why no one is sent'), deadlines } }];
}

/**
 * The technical team answers within its working day (L27): it makes the solution, or its manager (部门主管或主管经理)
 * declines in writing, the letter filed with sales.
 */
export function answerSolutionRequest(project: Project, { data }: AnswerSolutionRequest, context: DecisionContext): ProjectEvent[] {
  if (!project.solutionRequestOpen) refuse('INVALID_TRANSITION', 'no solution request waits for an answer');
  if (project.solutionRequest?.status === 'AWAITING_DISPATCH_SIGNATURE') refuse('INVALID_TRANSITION', 'the request waits for the director to sign its dispatch');
  const answeredBy = context.actor.userId;
  if (data.willMake) {
    requireResponsibility(context, 'answerSolutionRequest');
    return [{ type: 'SolutionRequestAnswered', data: { willMake: true, ...(data.reason ? { reason: data.reason } : {}), answeredBy } }];
  }
  if (!hasResponsibility(context, 'declineSolutionRequest')) {
    refuse('APPROVAL_LEVEL_REQUIRED', `a refusal is written by the technical team's manager: ${context.policy.responsibilities.declineSolutionRequest.join(' or ')} under the ${context.policy.profile} policy`);
  }
  const reason = requireText(data.reason, 'the written reason for not making the solution');
  return [{ type: 'SolutionRequestAnswered', data: { willMake: false, reason, ...(data.reply ? { reply: data.reply } : {}), answeredBy } }];
}

/** 两个部门有异议 (L29): sales disputes a refusal, once; the sales GM decides. */
export function disputeSolutionAnswer(project: Project, { data }: DisputeSolutionAnswer, context: DecisionContext): ProjectEvent[] {
  const request = requireRequestIn(project, 'DECLINED', 'only a declined solution request can be disputed');
  if (request.dispute) refuse('INVALID_TRANSITION', `the dispute was decided by ${request.dispute.decision?.decidedBy}: the decision is final`);
  const reason = requireText(data.reason, 'why sales disputes the refusal');
  return [{ type: 'SolutionAnswerDisputed', data: { raisedBy: context.actor.userId, reason, deciders: context.policy.responsibilities.decideSolutionDispute } }];
}

/** 销售总经理评判: the decision binds; if the solution is to be made, the request counts as accepted. */
export function decideSolutionDispute(project: Project, { data }: DecideSolutionDispute, context: DecisionContext): ProjectEvent[] {
  requireRequestIn(project, 'DISPUTED', 'no dispute over a solution request waits for a decision');
  const reasoning = requireText(data.reasoning, 'the reasoning of the decision');
  return [{ type: 'SolutionDisputeDecided', data: { makeSolution: data.makeSolution, reasoning, decidedBy: context.actor.userId } }];
}

function requireRequestIn(project: Project, status: SolutionRequest['status'], otherwise: string): SolutionRequest {
  const request = project.solutionRequest;
  if (request?.status !== status) return refuse('INVALID_TRANSITION', otherwise);
  return request;
}

/**
 * 标准方案 (003 L33, 001 L447): for a standard mature product the account manager sends the catalogue's reference
 * solution and reference price; the project goes on to its quotation without a committee review. Only an entry in
 * force, covering the project's product line, at its version in force.
 */
export function sendStandardSolution(project: Project, { data }: SendStandardSolution, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM030_SOLUTION');
  const review = project.solution?.status;
  if (review === 'OPEN' || review === 'AWAITING_REVIEWERS') refuse('INVALID_TRANSITION', `solution v${project.solution?.version} is under review: the committee decides it`);
  const { entry, used } = usableVersion(data.entryId, data.version, context.standardSolutions?.[data.entryId], project.lead.productLine);
  return [{
    type: 'StandardSolutionSent',
    data: { entryId: entry.entryId, name: entry.name, version: used.version, referenceSolution: used.document, referencePrice: used.referencePrice, sentBy: context.actor.userId },
  }];
}
