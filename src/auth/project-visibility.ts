import { ForbiddenException } from '@nestjs/common';
import { MEMBER_ROLES } from '../domain/project/members.js';
import type { Role } from '../domain/project/vocabulary.js';
import type { Filter } from '../read-store/read-store.port.js';
import type { AuthenticatedActor } from './actor.js';

/**
 * Roles that see every project of their business unit; the others see the projects they are members of.
 * 销售内勤 binds, seals and sends the bids of every tender of the unit.
 */
export const UNIT_ROLES: readonly Role[] = ['SALES_SUPERVISOR', 'SALES_DIRECTOR', 'MARKETING', 'OPERATIONS_CENTER', 'BU_GENERAL_MANAGER', 'TECH_MANAGER', 'DEPARTMENT_LEADER', 'EXECUTIVE', 'SALES_ASSISTANT'];

/** What decides whether a project is visible: its business unit (null: none) and the people working on it. */
export interface ProjectAccessFacts {
  businessUnit: string | null;
  members: readonly string[];
}

/** Who asks: a verified token's caller, or the actor a command carries. */
export type Viewer = Pick<AuthenticatedActor, 'userId' | 'businessUnit'> & { roles: readonly Role[] };

export const seesWholeUnit = (actor: Viewer) => actor.roles.some((role) => UNIT_ROLES.includes(role));
const seesOwnProjects = (actor: Viewer) => actor.roles.some((role) => MEMBER_ROLES.includes(role));
const unitOf = (actor: Viewer) => actor.businessUnit ?? null;

/**
 * 项目可见性, the one rule for every read and every command: unit roles see the projects of their
 * business unit, account managers, pre-sales engineers, reviewers and delivery engineers those they are members of (the
 * owner and the people a step names); ADMIN, or a caller with neither kind of role, sees none.
 */
export function maySee(actor: Viewer, project: ProjectAccessFacts): boolean {
  return (seesWholeUnit(actor) && project.businessUnit === unitOf(actor)) || (seesOwnProjects(actor) && project.members.includes(actor.userId));
}

/**
 * The same rule as a filter over the board's cards, which carry `businessUnit`, `ownerId` (the current
 * owner) and `members` (the people steps named). Combine it with other conditions under `$and`, never
 * by spreading: a later key would replace it.
 */
export function visibleProjects(actor: Viewer): Filter {
  const unit = { businessUnit: unitOf(actor) };
  const member = [{ ownerId: actor.userId }, { members: actor.userId }];
  if (seesWholeUnit(actor) && seesOwnProjects(actor)) return { $or: [unit, ...member] };
  if (seesWholeUnit(actor)) return unit;
  if (seesOwnProjects(actor)) return { $or: member };
  return { _id: { $in: [] } };
}

/**
 * The business unit whose figures a caller reads in reports and analyses: they sum every project of
 * a unit, so only the unit roles read them.
 */
export function reportingUnit(actor: Viewer): string | null {
  if (!seesWholeUnit(actor)) throw new ForbiddenException(`reports sum every project of a business unit: they are for ${UNIT_ROLES.join(', ')}`);
  return unitOf(actor);
}

// policy what-if

/** 策略推演 is management's: the director, the BU general manager and the executives, who see their whole unit. */
export const POLICY_WHAT_IF_ROLES: readonly Role[] = ['SALES_DIRECTOR', 'BU_GENERAL_MANAGER', 'EXECUTIVE'];

/** A what-if replays every project of the caller's unit: refused to anyone but management. */
export function requirePolicyWhatIfRole(actor: Viewer): void {
  if (!actor.roles.some((role) => POLICY_WHAT_IF_ROLES.includes(role))) {
    throw new ForbiddenException(`a policy what-if replays every project of a business unit: it is for ${POLICY_WHAT_IF_ROLES.join(', ')}`);
  }
}

// management reports (每月信息统计表, 季度信息分析报告) and their follow-up actions

/**
 * The same rule for the management reports and their follow-up actions: the unit roles read their unit's; anyone
 * else (销售策划) the actions named to them. As a filter over documents that carry `businessUnit` and, for an action
 * or a work item, the person it is named to under `named`.
 */
export function visibleReportDocuments(actor: Viewer, named: string): Filter {
  const own = { [named]: actor.userId };
  return seesWholeUnit(actor) ? { $or: [{ businessUnit: unitOf(actor) }, own] } : own;
}

/** 售前考核: who manages the pre-sales people of a unit and reads all their KPIs and assessments. */
export const KPI_READER_ROLES: readonly Role[] = ['SALES_SUPERVISOR', 'SALES_DIRECTOR', 'BU_GENERAL_MANAGER', 'DEPARTMENT_LEADER', 'EXECUTIVE', 'TECH_MANAGER'];

/**
 * The business unit whose KPIs a caller reads, and the one rule of who reads them: a pre-sales engineer
 * their own (`person` themselves), the unit's managers everyone's of their unit, nobody else any.
 */
export function kpiReadingUnit(actor: Viewer, person?: string): string | null {
  if (actor.roles.some((role) => KPI_READER_ROLES.includes(role))) return unitOf(actor);
  if (person !== undefined && person === actor.userId && actor.roles.includes('PRESALES_ENGINEER')) return unitOf(actor);
  throw new ForbiddenException(`a pre-sales engineer reads their own KPIs; everyone's are for ${KPI_READER_ROLES.join(', ')}`);
}
