import { daysBetween, shanghaiDate } from '../policy/working-calendar.js';
import type { AdviseBid, EvaluateTenderDocuments, HoldBidKickOff, RecordBidOpening, SubmitTechnicalBid } from './commands.js';
import { requireBeforeOpening, requireBidding } from './decide-tender.js';
import { requireMoney, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { BidAssignment, OpeningBidder, ProjectEvent } from './events.js';
import type { Project } from './state.js';

/** At most this many people, shares of work or bidders on one record. */
export const MAX_TENDER_PEOPLE = 20;

/** Named people, trimmed and once each: at least one. */
function people(names: string[], what: string): string[] {
  const named = [...new Set(names.map((name) => name.trim()))];
  if (named.length === 0 || named.includes('')) refuse('INVALID_INPUT', `name ${what}`);
  if (named.length > MAX_TENDER_PEOPLE) refuse('INVALID_INPUT', `at most ${MAX_TENDER_PEOPLE} ${what}`);
  return named;
}

const optionalText = (value: string | undefined) => (value?.trim() ? value : undefined);

/** 由业务经理建议: the account manager advises bid or no bid (with a reason) until the final decision is taken; the latest advice stands. */
export function adviseBid(project: Project, { data }: AdviseBid, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  if (project.tender.decision) refuse('INVALID_TRANSITION', 'the final bid decision is already taken');
  const reason = data.advice === 'NO_BID' ? requireText(data.reason, 'a reason to advise against bidding') : optionalText(data.reason);
  return [{ type: 'BidAdvised', data: { advice: data.advice, ...(reason ? { reason } : {}), advisedBy: context.actor.userId } }];
}

/** 接到标书后,评估内容及条款: once the documents are bought and before the final decision, once. */
export function evaluateTenderDocuments(project: Project, { data }: EvaluateTenderDocuments, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  const { tender } = project;
  if (!tender.documentsPurchased) refuse('INVALID_TRANSITION', 'buy the tender documents before evaluating them');
  if (tender.decision) refuse('INVALID_TRANSITION', 'the final bid decision is already taken');
  if (tender.documentsEvaluated) refuse('INVALID_TRANSITION', 'the tender documents are already evaluated');
  return [{
    type: 'TenderDocumentsEvaluated',
    data: { findings: requireText(data.findings, 'what the evaluation found'), evaluators: people(data.evaluators, 'who evaluated'), evaluatedBy: context.actor.userId },
  }];
}

/** 碰头会议,对标书编制进行分工 (时间节点 by the opening): once the final decision is to bid, before submitting and the opening; once. */
export function holdBidKickOff(project: Project, { data }: HoldBidKickOff, context: DecisionContext): ProjectEvent[] {
  requireBidding(project);
  const { tender } = project;
  if (tender.kickOffHeld) refuse('INVALID_TRANSITION', 'the kick-off meeting is already recorded');
  if (tender.submitted) refuse('INVALID_TRANSITION', 'the bid is already submitted');
  requireBeforeOpening(tender.openingOn!, shanghaiDate(context.now));
  if (data.assignments.length === 0) refuse('INVALID_INPUT', 'the kick-off divides the bid\'s work: give at least one assignment');
  if (data.assignments.length > MAX_TENDER_PEOPLE) refuse('INVALID_INPUT', `at most ${MAX_TENDER_PEOPLE} assignments`);
  const assignments = data.assignments.map(({ assignee, task, dueOn }): BidAssignment => {
    if (dueOn && daysBetween(dueOn, tender.openingOn!) < 0) refuse('INVALID_INPUT', `a share of the bid due on ${dueOn} falls after the opening on ${tender.openingOn}`);
    return { assignee: people([assignee], 'who takes each share')[0], task: requireText(task, 'each share\'s task'), ...(dueOn ? { dueOn } : {}) };
  });
  const notes = optionalText(data.notes);
  return [{ type: 'BidKickOffHeld', data: { attendees: people(data.attendees, 'who attended'), assignments, ...(notes ? { notes } : {}), heldBy: context.actor.userId } }];
}

/** 投标技术方案内容和项目成本: the technical team's part, once the final decision is to bid and until the bid is submitted (or the opening passed); a new version replaces it. */
export function submitTechnicalBid(project: Project, { data }: SubmitTechnicalBid, context: DecisionContext): ProjectEvent[] {
  requireBidding(project);
  if (project.tender.submitted) refuse('INVALID_TRANSITION', 'the bid is already submitted');
  requireBeforeOpening(project.tender.openingOn!, shanghaiDate(context.now));
  return [{
    type: 'TechnicalBidSubmitted',
    data: { version: project.tender.technicalBids + 1, document: data.document, cost: requireMoney(data.cost, 'the project cost', context), submittedBy: context.actor.userId },
  }];
}

/** 开标: once the bid is submitted and the opening day has come, before the result; once. */
export function recordBidOpening(project: Project, { data }: RecordBidOpening, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  const { tender } = project;
  if (!tender.submitted) refuse('INVALID_TRANSITION', 'no bid has been submitted');
  if (tender.openingRecorded) refuse('INVALID_TRANSITION', 'the opening is already recorded');
  if (daysBetween(shanghaiDate(context.now), tender.openingOn!) > 0) refuse('INVALID_TRANSITION', `the opening on ${tender.openingOn} is still to come`);
  if (data.bidders.length > MAX_TENDER_PEOPLE) refuse('INVALID_INPUT', `at most ${MAX_TENDER_PEOPLE} bidders`);
  const bidders = data.bidders.map(({ bidder, price }): OpeningBidder => ({
    bidder: people([bidder], 'each bidder')[0],
    ...(price ? { price: requireMoney(price, `${bidder}'s price`, context) } : {}),
  }));
  const presentation = optionalText(data.presentation);
  const technicalQuestions = optionalText(data.technicalQuestions);
  return [{
    type: 'BidOpeningRecorded',
    data: {
      attendees: people(data.attendees, 'who went to the opening'),
      ...(presentation ? { presentation } : {}),
      ...(technicalQuestions ? { technicalQuestions } : {}),
      bidders,
      recordedBy: context.actor.userId,
    },
  }];
}
