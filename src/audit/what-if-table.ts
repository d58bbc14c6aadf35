import type { PolicyWhatIf } from '../application/what-if/policy-what-if.js';
import { textTable } from './text-table.js';

const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
const at = (instant: string | null) => (instant ? shanghai.format(new Date(instant)) : '—');
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const roles = (list: readonly string[] | null) => (list ? list.join(',') : '?');
const verdict = (overdue: boolean) => (overdue ? '逾期 overdue' : '按时 on time');

/** A what-if as a person reads it on a terminal: each kind of difference as a table under its totals. */
export function whatIfTables(answer: PolicyWhatIf): string {
  const { period, inForce, candidate, versionsInPeriod, approvals, deadlines, classes, pipeline } = answer;
  return [
    `策略推演 policy what-if · ${at(period.from)} – ${at(period.to)} (Asia/Shanghai) · ${answer.projects} projects`,
    `在用 in force: ${inForce.profile} v${inForce.version} · 候选 candidate: ${candidate.profile} v${candidate.version}`,
    `期间决策所用版本 versions the period's decisions used: ${versionsInPeriod.map((use) => `${use.profile} v${use.version} (${use.decisions})`).join(', ') || '—'}`,
    '',
    `审批 approvals: ${approvals.decisions} decisions, ${approvals.deciders} by other roles, ${approvals.routings} routed elsewhere`,
    ...textTable(['时间 at', '项目 project', '差异 kind', '决策 decision', '决定人 decided by', '按 as', '在用 in force', '候选 candidate'], approvals.differences.map((d) => [
      at(d.at), d.projectId, d.kind, d.decision, d.decidedBy, roles(d.decidedAs), roles(d.inForce), roles(d.candidate),
    ])),
    '',
    `时限 time limits: ${deadlines.steps} steps, overdue ${deadlines.overdueInForce} in force / ${deadlines.overdueUnderCandidate} under the candidate; ${deadlines.becameOverdue} become overdue, ${deadlines.becameOnTime} on time`,
    ...textTable(['项目 project', '时限 kind', '开始 started', '完成 stopped', '在用 overdue at', '候选 overdue at', '在用 in force', '候选 candidate'], deadlines.differences.map((d) => [
      d.projectId, d.kind, at(d.startedAt), at(d.stoppedAt), at(d.inForce.overdueAt), at(d.candidate.overdueAt), verdict(d.inForce.overdue), verdict(d.candidate.overdue),
    ])),
    '',
    `分类 classes: ${classes.projects} projects classed in the period; ${classes.becameMajor} become MAJOR, ${classes.becameGeneral} GENERAL`,
    ...textTable(['项目 project', '名称 title', '预估 estimate', '报价 quoted', '在用 in force', '候选 candidate'], classes.differences.map((d) => [
      d.projectId, d.title, yuan(d.estimatedAmount.amount), d.quotedAmount ? yuan(d.quotedAmount.amount) : '—', d.inForce, d.candidate,
    ])),
    '',
    `加权管道 weighted pipeline (${pipeline.currency}): ${yuan(pipeline.amount)}; weighted ${yuan(pipeline.inForceWeighted)} in force, ${yuan(pipeline.candidateWeighted)} under the candidate`,
    ...textTable(['阶段 stage', '项目 count', '金额 amount', '在用 % in force', '候选 % candidate', '在用加权 in force', '候选加权 candidate'], pipeline.stages.map((s) => [
      s.stage, String(s.count), yuan(s.amount), String(s.inForceWeight), String(s.candidateWeight), yuan(s.inForceWeighted), yuan(s.candidateWeighted),
    ])),
    '',
  ].join('\n');
}
