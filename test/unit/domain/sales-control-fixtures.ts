import type { ProjectCommand } from '../../../src/domain/project/commands.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import type { Role } from '../../../src/domain/project/vocabulary.js';
import { AM, cny, ENGINEER, history } from './fixtures.js';
import { as, given } from './given-when-then.js';

// NOW is Tuesday 2026-11-24, 10:00 in Beijing; the sponsor named at 立项 is dir-sun, the owner am-li
export const am = as(AM, 'ACCOUNT_MANAGER');
export const sponsor = as('dir-sun', 'SALES_DIRECTOR');
export const otherDirector = as('dir-qian', 'SALES_DIRECTOR');
export const gm = as('gm-zhang', 'BU_GENERAL_MANAGER');
export const executive = as('ex-shen', 'EXECUTIVE');

export const plan = {
  strengths: '与设备处关系良好；焊接节拍领先', weaknesses: '价格高于对手', goals: '2027 年一季度签约',
  workItems: [{ task: '组织技术交流', ownerId: ENGINEER, dueOn: '2026-12-10', purpose: '确认节拍需求' }],
  risks: '客户预算可能削减', withdrawalCriteria: '客户改为公开招标且我方资质不符时撤出', participants: [AM, 'dir-sun'],
};
/** A gross margin of 1,000,000 CNY: enterprise-standard allows 8% of it, 80,000 CNY. */
export const taskBook = {
  expectedGrossMargin: cny(1_000_000), budget: cny(60_000),
  milestones: [{ name: 'solution', dueOn: '2026-12-01' }, { name: 'contract', dueOn: '2027-02-28' }],
};

/** The events a history appends when these commands are taken in turn (each must be accepted). */
export function after(events: ProjectEvent[], ...steps: Array<[ProjectCommand, { userId: string; roles: Role[] }]>): ProjectEvent[] {
  const all = [...events];
  for (const [command, actor] of steps) all.push(...given(all).when(command, actor).events());
  return all;
}

/** An approved project at PSM030 with its sales plan filed. */
export const planned = () => after(history('PSM030'), [{ type: 'FileSalesPlan', data: plan }, am]);
/** ...and its task book confirmed by the sponsor. */
export const confirmedBook = () => after(planned(), [{ type: 'FileTaskBook', data: taskBook }, am], [{ type: 'ConfirmTaskBook', data: { version: 1 } }, sponsor]);
