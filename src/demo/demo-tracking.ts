import type { ProjectCommand } from '../domain/project/commands.js';
import type { Actor, TrackingKind } from '../domain/project/vocabulary.js';
import type { ProjectStep } from './demo-schedule.js';
import { as, DAY, dayOf, HOUR, uuidOf } from './demo-values.js';
import { Random } from './random.js';

const KINDS: TrackingKind[] = ['VISIT', 'CALL', 'CALL', 'EMAIL', 'MEETING', 'FAX'];
const NOTES = ['了解项目进度与预算', '沟通方案修改意见', '确认现场条件与节拍要求', '跟进报价反馈', '了解竞争对手动向', '确认决策流程与时间表'];
const FEEDBACK = ['认可方案，等待内部审批', '关注交期', '希望降价', '要求补充案例', '技术部门倾向我方', '预算尚未落实'];
const NEXT_ACTIONS = ['电话回访', '上门拜访', '提交修改方案', '安排演示', '发送补充资料', '约见采购经理'];
const PLACES = ['客户办公室', '客户生产现场', '公司展厅', '客户会议室'];
const QUESTIONS = ['下一步计划为何逾期？', '客户预算是否落实？', '竞争对手报价了解了吗？', '本月为何没有拜访？'];
const ANSWERS = ['客户内部调整，已约下周拜访', '预算已批，等待招标公告', '已了解，对方报价低约 8%', '客户停产检修，已电话沟通'];
const MEETINGS: Array<[string, string]> = [['方案讨论会', '按客户意见修改布局，下周提交'], ['投标启动会', '分工：技术标由售前工程师负责，商务标由客户经理负责'], ['项目进展会', '加快报价审批，本周约见客户']];
const LESSONS = ['尽早确认客户预算', '技术交流要邀请使用部门参加', '报价前了解竞争对手价格', '及早安排演示', '投标文件要提前审核'];

/** The Monday of the week (Shanghai) an instant falls in. */
function mondayOf(instant: number): string {
  const date = new Date(`${dayOf(instant)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The events that close a project: a challenge questions it before them. */
const closes = ({ command }: ProjectStep) =>
  command.type === 'DecideTermination' || command.type === 'SignContract' || (command.type === 'DecideBid' && command.data.decision === 'NO_BID') ||
  (command.type === 'RecordBidResult' && command.data.result === 'LOST');

/**
 * 项目跟踪, 每周汇总, 质询, 会议备忘录 and the summary's meeting and lessons for one project's steps, drawn from a
 * sequence of the project's own (seeded by its id), so that no draw of the demo's or of any other project changes.
 */
export function withTracking(steps: ProjectStep[]): ProjectStep[] {
  const approved = steps.find((step) => step.command.type === 'ApproveProject');
  if (!approved || approved.command.type !== 'ApproveProject') return steps;
  const { projectId } = steps[0];
  const own = new Random(Number.parseInt(projectId.slice(9, 13) + projectId.slice(14, 18), 16));
  const assigned = steps.find((step) => step.command.type === 'AssignLead');
  const ownerId = assigned?.command.type === 'AssignLead' ? assigned.command.data.ownerId : steps[0].actor.userId;
  const { presalesEngineerId: engineer, sponsorId } = approved.command.data;
  const am = as(ownerId, 'ACCOUNT_MANAGER');
  const added: ProjectStep[] = [];
  const add = (when: number, command: ProjectCommand, actor: Actor, what: string) =>
    added.push({ at: new Date(when), projectId, commandId: uuidOf(`${projectId} ${what}`), command, actor });

  // a contact every one to two weeks from the approval until the project closes (or the history ends), each week's reported on the Monday after
  const closing = steps.find(closes)?.at.getTime() ?? steps[steps.length - 1].at.getTime() + 60 * DAY;
  const weeks = new Set<string>();
  let notes = 0;
  for (let when = approved.at.getTime() + own.int(1, 5) * DAY + 2 * HOUR; when < closing; when += own.int(7, 15) * DAY) {
    const kind = own.pick(KINDS);
    const inPerson = kind === 'VISIT' || kind === 'MEETING';
    add(when, { type: 'AddTrackingNote', data: {
      kind, note: own.pick(NOTES), contactedOn: dayOf(when), ...(inPerson ? { place: own.pick(PLACES) } : {}),
      participants: inPerson ? [ownerId, engineer, '客户联系人'] : [ownerId, '客户联系人'], customerFeedback: own.pick(FEEDBACK),
      nextAction: own.pick(NEXT_ACTIONS), nextActionOn: dayOf(when + own.int(3, 14) * DAY),
    } }, am, `tracking ${++notes}`);
    const week = mondayOf(when);
    if (!weeks.has(week)) {
      weeks.add(week);
      add(Date.parse(`${week}T01:00:00Z`) + 7 * DAY, { type: 'ReportWeeklyTracking', data: { weekStartingOn: week, summary: `本周跟踪 ${notes} 次：${own.pick(FEEDBACK)}` } }, am, `week ${week}`);
    }
  }
  // 质询: one project in five, a week after the approval, answered by its owner within three days
  if (own.chance(20)) {
    const raisedAt = approved.at.getTime() + 7 * DAY + 3 * HOUR;
    if (raisedAt < closing) {
      const pick = own.int(0, QUESTIONS.length - 1);
      add(raisedAt, { type: 'RaiseChallenge', data: { question: QUESTIONS[pick] } }, as('sup-1', 'SALES_SUPERVISOR'), 'challenge 1');
      add(raisedAt + own.int(1, 3) * DAY, { type: 'AnswerChallenge', data: { number: 1, answer: ANSWERS[pick] } }, am, 'challenge 1 answer');
    }
  }
  // 会议备忘录: one project in three holds a project meeting after its approval
  if (own.chance(33)) {
    const heldAt = approved.at.getTime() + own.int(3, 20) * DAY + 5 * HOUR;
    const [subject, decisions] = own.pick(MEETINGS);
    add(heldAt, { type: 'RecordMeetingMemo', data: { heldOn: dayOf(heldAt), place: '公司会议室', participants: [ownerId, engineer, 'sup-1'], subject, decisions } }, am, 'meeting 1');
  }
  // 项目总结会: the sponsor, the owner and the engineer, on the day of the summary, with a lesson
  const summarized = steps.map((step) => (step.command.type === 'SummarizeProject'
    ? { ...step, command: { ...step.command, data: { ...step.command.data, participants: [sponsorId, ownerId, engineer], meetingOn: dayOf(step.at.getTime()), lessons: own.pick(LESSONS) } } }
    : step));
  return [...summarized, ...added];
}
