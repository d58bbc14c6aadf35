import type { Policy } from '../policy/policy.js';
import { endOfShanghaiDay } from '../policy/working-calendar.js';
import { solutionDue } from './decide-lead.js';
import type { DecisionContext } from './decision-context.js';
import { bidCheckDueOn, defaultBondDueOn, reviewDeadline, solutionRequestDeadline, summaryDeadline, type Deadline } from './deadlines.js';
import type { ProjectEvent } from './events.js';
import type { Project } from './state.js';

const onSite = (event: ProjectEvent): boolean => 'signingOnSite' in event.data && event.data.signingOnSite === true;

/**
 * A clock an event started, as it would have run under the policy of `context`: the same step started at
 * the same instant (`context.now`), its limit by the rules the deciders use. `before` is the project as
 * the event found it; `running` the clock of the same kind this policy left running (a committee
 * convened keeps the clock its submission started); `decidedUnder` the policy the event was decided
 * under, when known: a bond deadline that was that policy's default follows the other policy's, one the
 * tender documents stated stays.
 */
export function deadlineUnder(recorded: Deadline, event: ProjectEvent, before: Project, context: DecisionContext, running?: Deadline, decidedUnder?: Policy): Deadline {
  const { policy } = context;
  const onDay = (date: string): Deadline => ({ ...recorded, dueAt: endOfShanghaiDay(date), overdueAt: endOfShanghaiDay(date) });
  switch (recorded.kind) {
    case 'SOLUTION_REQUEST':
      return solutionRequestDeadline(context);
    case 'SOLUTION':
      return solutionDue(before, context).deadlines[0];
    case 'AGREEMENT_REVIEW':
      if (event.type === 'ReviewConvened' && running) return { ...running, waitingFor: recorded.waitingFor };
      return reviewDeadline('AGREEMENT_REVIEW', onSite(event), recorded.waitingFor, context);
    case 'CONTRACT_REVIEW':
      return reviewDeadline('CONTRACT_REVIEW', onSite(event), recorded.waitingFor, context);
    case 'BID_CHECK':
      return event.type === 'TenderDocumentsPurchased' ? onDay(bidCheckDueOn(event.data.openingOn, policy)) : recorded;
    case 'BID_BOND': {
      if (event.type !== 'TenderDocumentsPurchased' || !decidedUnder) return recorded;
      const wasDefault = recorded.dueAt === endOfShanghaiDay(defaultBondDueOn(event.data.openingOn, decidedUnder));
      return wasDefault ? onDay(defaultBondDueOn(event.data.openingOn, policy)) : recorded;
    }
    case 'SUMMARY':
      return summaryDeadline(before, context).deadlines[0];
    // a limit added later that no rule here sets stays as the event recorded it
    default:
      return recorded;
  }
}
