import type { DecidedEvent } from '../../../src/application/what-if/decided-history.js';
import { chineseWorkingCalendar } from '../../../src/domain/policy/chinese-working-calendar.js';
import { policyRef, type Policy } from '../../../src/domain/policy/policy.js';
import type { ProjectCommand } from '../../../src/domain/project/commands.js';
import { decide } from '../../../src/domain/project/decide.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { fold } from '../../../src/domain/project/state.js';
import type { Role } from '../../../src/domain/project/vocabulary.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';
import { confirmed, doc, MARKETING } from '../domain/fixtures.js';

/** A period of March 2026 in Shanghai. */
export const MARCH = { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' };

/** A policy changed in a few settings, the rest as shipped. */
export const changed = (change: (policy: Policy) => void): Policy => {
  const policy = structuredClone(ENTERPRISE_STANDARD);
  change(policy);
  return policy;
};

/**
 * A project's history as the command handler writes it: each command decided by the real rules at its
 * instant, under `policy`, its events carrying the actor, command and policy version.
 */
export function play(policy: Policy = ENTERPRISE_STANDARD) {
  const events: DecidedEvent[] = [];
  let commands = 0;
  const history = {
    events,
    /** Facts written as they are (a history's early part), decided by nobody under this policy. */
    given(facts: ProjectEvent[], at: string) {
      events.push(...facts.map((event) => ({ event, at, commandId: `given-${++commands}`, actor: { userId: 'someone', roles: [] }, policy: policyRef(policy) })));
      return history;
    },
    do(command: ProjectCommand, userId: string, roles: Role[], at: string) {
      const actor = { userId, roles };
      const decided = decide(command, fold(events.map(({ event }) => event)), { actor, now: new Date(at), policy, calendar: chineseWorkingCalendar });
      const commandId = `command-${++commands}`;
      events.push(...decided.map((event) => ({ event, at, commandId, commandType: command.type, actor, policy: policyRef(policy) })));
      return history;
    },
  };
  return history;
}

export const cny = (yuan: number) => ({ amount: yuan * 100, currency: 'CNY' });

/** Registered by an account manager, qualified by the supervisor, approved by the director (立项) with a mature reference. */
export function approved(projectId: string, yuan: number, at: string, policy: Policy = ENTERPRISE_STANDARD, productLine = 'ROBOT_CELL') {
  return play(policy)
    .do({
      type: 'RegisterLead',
      data: { projectId, title: `project ${projectId.slice(0, 4)}`, customer: '苏州精工', contact: { name: '陈工' }, need: 'cells', channel: 'WEB', estimatedAmount: cny(yuan), region: 'EAST', productLine },
    }, 'am-li', ['ACCOUNT_MANAGER'], at)
    .do({ type: 'ScreenLead', data: { decision: 'QUALIFY' } }, 'sup-zhao', ['SALES_SUPERVISOR'], at)
    .do({
      type: 'ApproveProject',
      data: { sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true, milestones: [{ name: 'solution', dueOn: '2026-06-30' }], presalesBudget: cny(20_000) },
    }, 'dir-sun', ['SALES_DIRECTOR'], at);
}

/** Approved, exchanged, its solution reviewed, passed and accepted by the customer: at PSM040, ready for a quotation. */
export function accepted(projectId: string, yuan: number, at: string, policy: Policy = ENTERPRISE_STANDARD) {
  return approved(projectId, yuan, at, policy)
    .do({ type: 'RecordExchange', data: { summary: 'met', surveyNeeded: false } }, 'pe-wang', ['PRESALES_ENGINEER'], at)
    .do({ type: 'SubmitSolution', data: { document: doc('solution') } }, 'pe-wang', ['PRESALES_ENGINEER'], at)
    .do({ type: 'ConveneReview', data: { subject: 'SOLUTION', reviewers: ['rv-1'] } }, MARKETING, ['MARKETING'], at)
    .do({ type: 'ApproveReview', data: { subject: 'SOLUTION', documentSha256: doc('solution').sha256 } }, 'rv-1', ['REVIEWER'], at)
    .given([confirmed('SOLUTION', 1, doc('solution').sha256)], at);
}
