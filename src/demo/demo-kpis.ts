import { createHash } from 'node:crypto';
import type { AssessmentCommand } from '../domain/assessment/presales-assessment.js';
import type { ProjectCommand } from '../domain/project/commands.js';
import type { Actor } from '../domain/project/vocabulary.js';
import type { ProjectStep } from './demo-schedule.js';
import { as, DAY, HOUR, uuidOf } from './demo-values.js';
import { Random } from './random.js';

/** The customer answers a survey through its link: every question, the marks taken in turn (on a 1–5 scale). */
export interface SurveyAnswerStep {
  at: Date;
  projectId: string;
  token: string;
  marks: number[];
  comment?: string;
}

/** 月度考核 of one pre-sales person and month, or its revision. */
export interface AssessmentStep {
  at: Date;
  person: string;
  month: string;
  commandId: string;
  command: AssessmentCommand;
  actor: Actor;
}

const COMMENTS = ['方案讲解清楚，响应及时', '技术交流专业', '希望方案更早提交', '演示效果很好'];
const RATINGS = ['评审材料准备充分，配合顺畅', '交接资料完整', '响应及时，沟通清楚', '方案修改较慢'];
const ASSESSMENTS = ['方案按时提交，客户评价好', '本月跟进项目较多，成交一项', '演示准备充分', '方案评审一次未过，需加强'];

/** A demo survey's token: fixed by its project, so the schedule knows the link it sends and the one the customer opens. */
export function demoSurveyToken(projectId: string): { token: string; tokenSha256: string } {
  const token = `${projectId}.${createHash('sha256').update(`demo survey ${projectId}`).digest('base64url')}`;
  return { token, tokenSha256: createHash('sha256').update(token).digest('hex') };
}

/**
 * 售前考核 for one project's steps: the reviewers' scores on its solution votes, a customer survey after its solution
 * was reviewed (answered seven times in ten, within ten days), and the departments' ratings of its engineer; drawn
 * from a sequence of the project's own, so that no other draw changes.
 */
export function withKpis(steps: ProjectStep[]): Array<ProjectStep | SurveyAnswerStep> {
  const approved = steps.find((step) => step.command.type === 'ApproveProject');
  if (!approved || approved.command.type !== 'ApproveProject' || !approved.command.data.presalesEngineerId) return steps;
  const engineer = approved.command.data.presalesEngineerId;
  const { projectId } = steps[0];
  const own = new Random(Number.parseInt(projectId.slice(24, 32), 16));
  const scored = steps.map((step) => {
    const { command } = step;
    if ((command.type !== 'ApproveReview' && command.type !== 'RejectReview') || command.data.subject !== 'SOLUTION') return step;
    const mark = (base: number) => Math.max(1, Math.min(5, base + own.int(-1, 1)));
    const base = command.type === 'ApproveReview' ? 4 : 2;
    return { ...step, command: { ...command, data: { ...command.data, scores: { rationality: mark(base), innovation: mark(base - 1), completeness: mark(base) } } } as ProjectCommand };
  });
  const reviewed = scored.findLast((step) => step.command.type === 'ApproveReview' || step.command.type === 'SendStandardSolution');
  if (!reviewed) return scored;
  const owner = scored.find((step) => step.command.type === 'AssignLead')?.command;
  const am = as(owner?.type === 'AssignLead' ? owner.data.ownerId : steps[0].actor.userId, 'ACCOUNT_MANAGER');
  const added: Array<ProjectStep | SurveyAnswerStep> = [];
  const add = (when: number, command: ProjectCommand, actor: Actor, what: string) => added.push({ at: new Date(when), projectId, commandId: uuidOf(`${projectId} ${what}`), command, actor });
  const after = reviewed.at.getTime();
  if (own.chance(60)) {
    const sentAt = after + own.int(2, 6) * DAY + 4 * HOUR;
    const { token, tokenSha256 } = demoSurveyToken(projectId);
    add(sentAt, { type: 'SendSatisfactionSurvey', data: { contact: { name: '联系人', email: 'contact@customer.example' }, rates: [engineer], tokenSha256 } }, am, 'satisfaction survey');
    if (own.chance(70)) {
      const base = own.int(3, 5);
      added.push({ at: new Date(sentAt + own.int(1, 10) * DAY), projectId, token, marks: [base, Math.min(5, base + 1), base, Math.max(1, base - 1)], ...(own.chance(50) ? { comment: own.pick(COMMENTS) } : {}) });
    }
  }
  // 沟通协作评价: 市场部 after the review, the account manager now and then
  if (own.chance(50)) add(after + own.int(1, 5) * DAY + 5 * HOUR, { type: 'RateCollaboration', data: { person: engineer, score: own.int(3, 5), comment: own.pick(RATINGS) } }, as('mk-1', 'MARKETING'), 'collaboration mk-1');
  if (own.chance(30)) add(after + own.int(1, 5) * DAY + 6 * HOUR, { type: 'RateCollaboration', data: { person: engineer, score: own.int(2, 5), comment: own.pick(RATINGS) } }, am, `collaboration ${am.userId}`);
  return [...scored, ...added];
}

/** The months (YYYY-MM, Shanghai) from the one holding `from` to the one before `end`'s. */
function monthsBetween(from: number, end: Date): string[] {
  const months: string[] = [];
  const last = new Date(end.getTime() + 8 * HOUR).toISOString().slice(0, 7);
  for (let at = new Date(new Date(from + 8 * HOUR).toISOString().slice(0, 7) + '-01T00:00:00Z'); ; at.setUTCMonth(at.getUTCMonth() + 1)) {
    const month = at.toISOString().slice(0, 7);
    if (month >= last) return months;
    months.push(month);
  }
}

/** 月度考核: the tech manager assesses each engineer's month on the 3rd of the next (four in five), revising one in ten a week later. */
export function assessmentSchedule(from: number, end: Date, seed: number): AssessmentStep[] {
  const random = new Random(seed * 31 + 19);
  const manager = as('tm-1', 'TECH_MANAGER');
  const steps: AssessmentStep[] = [];
  for (const month of monthsBetween(from, end)) {
    const next = new Date(`${month}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    for (const person of ['pe-1', 'pe-2', 'pe-3', 'pe-4']) {
      if (!random.chance(80)) continue;
      const at = new Date(next.getTime() + 2 * DAY + 2 * HOUR);
      const rating = random.int(2, 5);
      steps.push({ at, person, month, commandId: uuidOf(`assessment ${person} ${month}`), actor: manager, command: { type: 'AssessPresales', data: { person, month, rating, comment: random.pick(ASSESSMENTS), kpis: {} } } });
      if (random.chance(10)) {
        steps.push({
          at: new Date(at.getTime() + 7 * DAY), person, month, commandId: uuidOf(`assessment ${person} ${month} revised`), actor: manager,
          command: { type: 'ReviseAssessment', data: { rating: Math.min(5, rating + 1), comment: '复核后上调', reason: '客户满意度调查结果补充', kpis: {} } },
        });
      }
    }
  }
  return steps;
}
