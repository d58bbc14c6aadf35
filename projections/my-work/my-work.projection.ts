import { occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { DEADLINE_EVENT_TYPES, deadlinesEndedBy, deadlinesStartedBy } from '../../src/domain/project/deadlines-of-events.js';
import type { Deadline, Party } from '../../src/domain/project/deadlines.js';
import { STAGE_CHANGING_TYPES, stageEnteredBy } from '../../src/domain/project/stage-of.js';
import { CLOSED_STAGES } from '../../src/domain/project/state.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';
import { REPORT_WORK_EVENT_TYPES, reportWork } from './report-work.js';

export const WORK_ITEMS = 'work_items';

/** The clocks whose step is an item of its own; the reviews' clocks time their REVIEW and COUNTERSIGN items. */
const CLOCKED_STEPS = ['SOLUTION_REQUEST', 'SOLUTION', 'BID_CHECK', 'BID_BOND', 'SUMMARY'] as const;
type ClockedStep = (typeof CLOCKED_STEPS)[number];
type Kind = 'CONVENE_REVIEW' | 'REVIEW' | 'QUOTATION_APPROVAL' | 'COUNTERSIGN' | 'TERMINATION_DECISION' | 'ORAL_AGREEMENT_CONFIRMATION' | 'HANDOVER_RECEIPT' | 'DISPATCH_SIGNATURE' | 'SOLUTION_DISPUTE' | ClockedStep
  | 'TASK_BOOK_CONFIRMATION' | 'ADJUSTMENT_CONFIRMATION' | 'ADJUSTMENT_DECISION';
type Assignee = { assigneeType: 'USER' | 'ROLE'; assignee: string };

const assigneeOf = (party: Party): Assignee => ('userId' in party ? { assigneeType: 'USER', assignee: party.userId } : { assigneeType: 'ROLE', assignee: party.role });
const isClockedStep = (kind: string): kind is ClockedStep => (CLOCKED_STEPS as readonly string[]).includes(kind);
/** When an item is due and when it is overdue, from the clock its event started. */
const limitsOf = (deadline: Deadline | undefined) => (deadline ? { dueAt: deadline.dueAt, overdueAt: deadline.overdueAt } : {});

/** 我的待办: reviews, approvals, countersigns, decisions and the steps under a time limit, waiting for a person or a role. */
export const myWorkProjection: Projection = {
  name: 'my-work',
  // 2: the steps under a time limit (solution, bid check, bond, summary) are items; items carry their due and overdue instants
  // 3: a submitted solution or agreement waits for its organisers to convene the review, then for the reviewers they name
  // 4: a solution request waits for the technical team's answer
  // 5: a handover waits for its receiver, and each oral agreement on it for its confirmers
  // 6: a dispatch request waits for the director's signature, a disputed refusal for the sales GM
  // 7: a submitted monthly report waits for the director, a returned one for its preparer; a quarterly analysis's
  // follow-up actions wait for their owners until done (items without a project)
  // 8: a task book and an adjustment wait for the sponsor's confirmation, a confirmed adjustment for its approvers (document 004)
  version: 8,
  eventTypes: [
    ...new Set([
      ...STAGE_CHANGING_TYPES, ...DEADLINE_EVENT_TYPES,
      ...(['SolutionSubmitted', 'TechnicalAgreementSubmitted', 'ReviewConvened', 'ReviewVoteCast', 'ReviewFailed', 'QuotationSubmitted', 'QuotationApproved',
        'ContractDrafted', 'ContractCountersigned', 'CountersignRejected', 'TerminationRequested', 'TerminationDeclined',
        'ProjectHandedOver', 'OralAgreementConfirmed', 'HandoverReceived',
        'SolutionRequested', 'DispatchRequestSigned', 'DispatchRequestRefused', 'SolutionAnswerDisputed', 'SolutionDisputeDecided',
        'TaskBookFiled', 'TaskBookConfirmed', 'PlanAdjustmentRequested', 'PlanAdjustmentConfirmed', 'PlanAdjustmentApproved', 'PlanAdjustmentDeclined'] as const),
      ...REPORT_WORK_EVENT_TYPES,
    ]),
  ],
  rebuildCost: 0.7,
  collections: [{
    name: WORK_ITEMS,
    indexes: [{ name: 'by_project', key: { projectId: 1, kind: 1 } }, { name: 'by_assignee', key: { assigneeType: 1, assignee: 1, active: 1 } }, { name: 'by_stream', key: { stream: 1, kind: 1 } }],
  }],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId) return reportWork(stored, WORK_ITEMS);
    const event = toDomainEvent(stored);
    const since = occurredAt(stored);
    const clear = (kind?: Kind): Change => ({ collection: WORK_ITEMS, deleteMany: { filter: kind ? { projectId, kind } : { projectId } } });
    const add = (kind: Kind, who: Assignee, extra: Record<string, unknown> = {}, key = who.assignee): Change => ({
      collection: WORK_ITEMS,
      updateOne: {
        filter: { _id: `${projectId}|${kind}|${key}` },
        update: { $set: { projectId, kind, ...who, since, active: true, ...extra } },
        upsert: true,
      },
    });
    const user = (assignee: string): Assignee => ({ assigneeType: 'USER', assignee });
    const role = (assignee: string): Assignee => ({ assigneeType: 'ROLE', assignee });
    const started = deadlinesStartedBy(event);
    // a step under a time limit waits, as an item of its own, for the parties its clock names
    const clocked = [
      ...deadlinesEndedBy(event).flatMap(({ kind }) => (isClockedStep(kind) ? [clear(kind)] : [])),
      ...started.flatMap((deadline) => (isClockedStep(deadline.kind) ? deadline.waitingFor.map((party) => add(deadline.kind as ClockedStep, assigneeOf(party), limitsOf(deadline))) : [])),
    ];
    const stage = stageEnteredBy(event);
    if (stage && CLOSED_STAGES.includes(stage)) return [clear(), ...clocked];
    // a review's or a countersign's items are due when its clock says
    const limits = limitsOf(started.find(({ kind }) => kind === 'AGREEMENT_REVIEW' || kind === 'CONTRACT_REVIEW'));
    switch (event.type) {
      case 'SolutionRequested':
        return [...clocked, ...(event.data.dispatchSigners ?? []).map((signer) => add('DISPATCH_SIGNATURE', role(signer), { dispatch: event.data.dispatch }))];
      case 'DispatchRequestSigned':
      case 'DispatchRequestRefused':
        return [...clocked, clear('DISPATCH_SIGNATURE')];
      case 'SolutionAnswerDisputed':
        return event.data.deciders.map((decider) => add('SOLUTION_DISPUTE', role(decider), { reason: event.data.reason }));
      case 'SolutionDisputeDecided':
        return [clear('SOLUTION_DISPUTE')];
      case 'SolutionSubmitted':
      case 'TechnicalAgreementSubmitted': {
        const subject = event.type === 'SolutionSubmitted' ? 'SOLUTION' : 'TECHNICAL_AGREEMENT';
        const { version, document, reviewers, organisers } = event.data;
        const about = { subject, version, document, ...limits };
        // one written before reviews were organised named its reviewers itself
        const waiting = reviewers ? reviewers.map((reviewer) => add('REVIEW', user(reviewer), about)) : (organisers ?? []).map((organiser) => add('CONVENE_REVIEW', role(organiser), about));
        return [...clocked, clear('REVIEW'), clear('CONVENE_REVIEW'), ...waiting];
      }
      case 'ReviewConvened': {
        const { subject, version, reviewers } = event.data;
        return [...clocked, clear('CONVENE_REVIEW'), ...reviewers.map((reviewer) => add('REVIEW', user(reviewer), { subject, version, ...limits }))];
      }
      case 'ReviewVoteCast':
        return [{ collection: WORK_ITEMS, deleteOne: { filter: { _id: `${projectId}|REVIEW|${event.data.reviewerId}` } } }];
      case 'ReviewPassed':
      case 'ReviewFailed':
        return [clear('REVIEW')];
      case 'QuotationSubmitted':
        return [clear('QUOTATION_APPROVAL'), ...event.data.requiredApprovals.map((required) =>
          add('QUOTATION_APPROVAL', role(required), { version: event.data.version, amount: event.data.amount, document: event.data.document }))];
      case 'QuotationApproved':
        return [{ collection: WORK_ITEMS, deleteOne: { filter: { _id: `${projectId}|QUOTATION_APPROVAL|${event.data.role}` } } }];
      case 'ContractDrafted':
        return [clear('COUNTERSIGN'), ...event.data.chain.map((step, index) =>
          add('COUNTERSIGN', step.userId ? user(step.userId) : role(step.role), { step: index, active: index === 0, version: event.data.version, document: event.data.document, ...limits }, String(index)))];
      case 'ContractCountersigned':
        return [
          { collection: WORK_ITEMS, deleteOne: { filter: { _id: `${projectId}|COUNTERSIGN|${event.data.step}` } } },
          { collection: WORK_ITEMS, updateOne: { filter: { _id: `${projectId}|COUNTERSIGN|${event.data.step + 1}` }, update: { $set: { active: true, since } } } },
        ];
      case 'CountersignRejected':
        return [clear('COUNTERSIGN')];
      case 'TerminationRequested':
        return event.data.deciders.map((decider) => add('TERMINATION_DECISION', role(decider), { reason: event.data.reason }));
      case 'ProjectTerminated':
      case 'TerminationDeclined':
        return [clear('TERMINATION_DECISION')];
      case 'ProjectHandedOver': {
        const { receivedBy, items, oralAgreementConfirmers } = event.data;
        const orals = items.filter((item) => item.kind === 'ORAL_AGREEMENT').map(({ title, uri, sha256 }) => ({ title, uri, sha256 }));
        return [
          add('HANDOVER_RECEIPT', user(receivedBy)),
          ...orals.flatMap((document) => oralAgreementConfirmers.map((confirmer) => add('ORAL_AGREEMENT_CONFIRMATION', role(confirmer), { document, sha256: document.sha256 }, `${confirmer}|${document.sha256}`))),
        ];
      }
      case 'OralAgreementConfirmed':
        return [{ collection: WORK_ITEMS, deleteMany: { filter: { projectId, kind: 'ORAL_AGREEMENT_CONFIRMATION', sha256: event.data.sha256 } } }];
      case 'HandoverReceived':
        return [clear('HANDOVER_RECEIPT')];
      // 售前项目管理 (document 004): the sponsor confirms, then the approvers decide
      case 'TaskBookFiled':
        return [clear('TASK_BOOK_CONFIRMATION'), add('TASK_BOOK_CONFIRMATION', user(event.data.sponsorId), { version: event.data.version, budget: event.data.budget })];
      case 'TaskBookConfirmed':
        return [clear('TASK_BOOK_CONFIRMATION')];
      case 'PlanAdjustmentRequested':
        return [add('ADJUSTMENT_CONFIRMATION', user(event.data.sponsorId), { number: event.data.number, adjustmentKind: event.data.kind })];
      case 'PlanAdjustmentConfirmed':
        return [clear('ADJUSTMENT_CONFIRMATION'), ...event.data.approvers.map((approver) => add('ADJUSTMENT_DECISION', role(approver), { number: event.data.number }))];
      case 'PlanAdjustmentApproved':
      case 'PlanAdjustmentDeclined':
        return [clear('ADJUSTMENT_DECISION')];
      default:
        return clocked;
    }
  },
};
