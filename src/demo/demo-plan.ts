import type { ProjectCommand } from '../domain/project/commands.js';
import type { Actor } from '../domain/project/vocabulary.js';
import type { ProjectStep } from './demo-schedule.js';
import { documentOf } from './demo-documents.js';
import { as, cny, DAY, dayOf, HOUR, uuidOf } from './demo-values.js';
import { Random } from './random.js';

// 售前项目管理 (document 004) for the demo world: plans, task books, costs, war rooms, monthly reports, adjustments.

const STRENGTHS = ['与设备处关系良好，有同类产线案例', '焊接节拍领先，本地服务响应快', '合作伙伴为客户长期供应商'];
const WEAKNESSES = ['报价高于主要对手约一成', '交期偏长', '客户使用部门对我方了解不多'];
const RISKS = ['客户预算可能削减', '对手低价竞争', '客户决策链变化导致推迟招标'];
const WITHDRAWAL = ['客户改为公开招标且资质要求我方不符时撤出', '客户预算低于成本价时撤出', '三个月内无实质进展时撤出'];
const COSTS = [['TRAVEL', '赴客户现场差旅'], ['HOSPITALITY', '客户来访接待'], ['DEMO', '样机演示运输与调试'], ['BID', '标书制作'], ['CONSULTING', '外协仿真分析']] as const;
const PROGRESS = ['完成技术交流，客户认可方案方向', '方案已提交评审，客户反馈良好', '报价已提交，等待客户内部审批', '招标公告已发布，正在准备投标'];
const NEXT_STEPS = ['安排高层拜访，推动立项', '组织样机演示', '跟进报价反馈，准备商务谈判', '完成投标文件审核'];

/** The steps that close a project: nothing of its plan comes after them. */
const closes = ({ command }: ProjectStep) =>
  command.type === 'SignContract' || command.type === 'DecideTermination' || command.type === 'RecordCustomerDeclined'
  || (command.type === 'DecideBid' && command.data.decision === 'NO_BID') || (command.type === 'RecordBidResult' && command.data.result === 'LOST');

const monthOf = (instant: number) => dayOf(instant).slice(0, 7);
/** 10:00 in Beijing on the `day`th day of the month after `month`. */
const inMonthAfter = (month: string, day: number) => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), day, 2);

/**
 * A project's sales plan and its controls, drawn from a sequence of the project's own so that no other draw changes:
 * the plan (revised now and then), the task book at 4% of a quarter of the estimate (within either profile's band),
 * confirmed by the sponsor; costs, one project in four beyond its budget; war rooms, and one terminated project in two
 * stopped on the sponsor's proposal; monthly reports (one in five missed); an adjustment one project in three.
 */
export function withPlan(steps: ProjectStep[], end: Date): ProjectStep[] {
  const approval = steps.find((step) => step.command.type === 'ApproveProject');
  const lead = steps[0];
  if (approval?.command.type !== 'ApproveProject' || lead.command.type !== 'RegisterLead') return steps;
  const { projectId } = lead;
  const own = new Random(Number.parseInt(projectId.slice(19, 23) + projectId.slice(24, 28), 16));
  const assigned = steps.find((step) => step.command.type === 'AssignLead');
  const ownerId = assigned?.command.type === 'AssignLead' ? assigned.command.data.ownerId : lead.actor.userId;
  const am = as(ownerId, 'ACCOUNT_MANAGER');
  const { sponsorId } = approval.command.data;
  const sponsor = as(sponsorId, 'SALES_DIRECTOR');
  const approvedAt = approval.at.getTime();
  // nothing after the close, nor after the history's end
  const closedAt = Math.min(steps.find(closes)?.at.getTime() ?? Number.POSITIVE_INFINITY, end.getTime());
  const added: ProjectStep[] = [];
  const add = (when: number, command: ProjectCommand, actor: Actor, what: string) => {
    if (when < closedAt) added.push({ at: new Date(when), projectId, commandId: uuidOf(`${projectId} plan ${what}`), command, actor });
    return when < closedAt;
  };

  const plan = {
    strengths: own.pick(STRENGTHS), weaknesses: own.pick(WEAKNESSES), goals: `${dayOf(approvedAt + 120 * DAY).slice(0, 7)} 前签约`, risks: own.pick(RISKS),
    withdrawalCriteria: own.pick(WITHDRAWAL), participants: [ownerId, sponsorId, approval.command.data.presalesEngineerId],
    workItems: [
      { task: '技术交流与现场调研', ownerId: approval.command.data.presalesEngineerId, dueOn: dayOf(approvedAt + 14 * DAY), purpose: '确认需求与节拍' },
      { task: '高层拜访', ownerId, dueOn: dayOf(approvedAt + 30 * DAY), purpose: '取得决策层支持' },
    ],
  };
  const planAt = approvedAt + DAY + 3 * HOUR;
  if (!add(planAt, { type: 'FileSalesPlan', data: plan }, am, 'plan')) return steps;
  if (own.chance(40)) add(approvedAt + own.int(10, 20) * DAY, { type: 'FileSalesPlan', data: { ...plan, risks: `${plan.risks}；对手已接触客户`, revisionReason: '竞争形势变化，补充风险' } }, am, 'plan revised');

  // the task book: a quarter of the estimate as the margin, 4% of it as the budget
  const marginYuan = Math.round(lead.command.data.estimatedAmount.amount / 400);
  const budgetYuan = Math.max(1, Math.floor((marginYuan * 4) / 100));
  const milestones = [{ name: '方案评审', dueOn: dayOf(approvedAt + 20 * DAY) }, { name: '签约', dueOn: dayOf(approvedAt + 90 * DAY) }];
  add(approvedAt + 2 * DAY + 2 * HOUR, { type: 'FileTaskBook', data: { expectedGrossMargin: cny(marginYuan), budget: cny(budgetYuan), milestones } }, am, 'task book');
  const confirmed = add(approvedAt + 3 * DAY + 2 * HOUR, { type: 'ConfirmTaskBook', data: { version: 1 } }, sponsor, 'task book confirmed');

  // costs: most within the budget, one project in four beyond it
  let bookedYuan = 0;
  let lastCostAt = approvedAt + 3 * DAY;
  if (confirmed) {
    const count = own.int(2, 4);
    const target = Math.floor((budgetYuan * (own.chance(25) ? own.int(110, 140) : own.int(30, 90))) / 100);
    for (let n = 1; n <= count; n++) {
      const when = lastCostAt + own.int(4, 12) * DAY;
      const [category, note] = own.pick(COSTS);
      const yuan = Math.max(1, Math.floor(target / count));
      if (!add(when, { type: 'BookPresalesCost', data: { category, amount: cny(yuan), spentOn: dayOf(when), note, document: documentOf(`${projectId} 报销单 ${n}`) } }, am, `cost ${n}`)) break;
      bookedYuan += yuan;
      lastCostAt = when;
    }
  }

  // 项目进展分析会: the sponsor's meeting now and then; a terminated project's stop proposed there one time in two
  if (own.chance(50)) {
    const when = approvedAt + own.int(15, 40) * DAY;
    add(when, { type: 'HoldWarRoomMeeting', data: { heldOn: dayOf(when), attendees: [sponsorId, ownerId], minutes: '对照策划案检查进度与风险，继续推进', decision: 'CONTINUE' } }, sponsor, 'war room');
  }
  const stopped = own.chance(50);
  const replaced = steps.map((step) => {
    if (!stopped || step.command.type !== 'RequestTermination' || step.at.getTime() <= planAt) return step;
    const command: ProjectCommand = {
      type: 'HoldWarRoomMeeting',
      data: { heldOn: dayOf(step.at.getTime()), attendees: [sponsorId, ownerId], minutes: '客户冻结预算，触发策划案撤出标准', decision: 'PROPOSE_STOP', stopReason: '客户冻结预算，建议终止销售' },
    };
    return { ...step, command, actor: sponsor };
  });

  // 月度进展报告: each month after 立项 by the owner, a few days into the next; one in five is missed
  let reached = false;
  for (let month = monthOf(approvedAt), when = inMonthAfter(month, own.int(1, 4)); when < closedAt; month = monthOf(when), when = inMonthAfter(month, own.int(1, 4))) {
    if (own.chance(20)) continue;
    const reach: boolean = confirmed && !reached && when > approvedAt + 20 * DAY && own.chance(70);
    if (add(when, { type: 'ReportMonthlyProgress', data: { month, progress: own.pick(PROGRESS), nextSteps: own.pick(NEXT_STEPS), risks: plan.risks, milestonesReached: reach ? ['方案评审'] : [] } }, am, `report ${month}`)) {
      reached ||= reach;
    }
  }

  // 任务书调整表: the overspend's extra budget, or the signing's new date; the sponsor confirms, the director, GM or (beyond the limits) an EXECUTIVE decides
  if (confirmed && own.chance(35)) {
    const over = bookedYuan - budgetYuan;
    const delay = own.chance(60) ? own.int(7, 15) : own.int(45, 60);
    // within either profile's limit (at most 8,000 CNY, 15 days) or beyond both (30,000 CNY or more, 45 days or more)
    const extraYuan = over > 0 ? (over <= 7_000 ? over + 1_000 : Math.max(30_000, over + 1_000)) : 0;
    const beyond = over > 0 ? extraYuan > 8_000 : delay > 15;
    const request: ProjectCommand = over > 0
      ? { type: 'RequestPlanAdjustment', data: { kind: 'BUDGET', extraBudget: cny(extraYuan), reason: '演示与差旅超出计划，申请追加费用' } }
      : { type: 'RequestPlanAdjustment', data: { kind: 'MILESTONE', milestone: '签约', newDueOn: dayOf(approvedAt + (90 + delay) * DAY), reason: '客户推迟招标' } };
    const at = lastCostAt + DAY + 4 * HOUR;
    if (add(at, request, am, 'adjustment') && add(at + DAY, { type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor, 'adjustment confirmed')) {
      const decider = beyond ? as('ex-1', 'EXECUTIVE') : own.chance(50) ? as('gm-1', 'BU_GENERAL_MANAGER') : sponsor;
      const approve = beyond || !own.chance(15);
      add(at + 2 * DAY, { type: 'DecidePlanAdjustment', data: { number: 1, approve, ...(approve ? {} : { comments: '先压缩差旅，下月再议' }) } }, decider, 'adjustment decided');
    }
  }
  return [...replaced, ...added].sort((a, b) => a.at.getTime() - b.at.getTime());
}
