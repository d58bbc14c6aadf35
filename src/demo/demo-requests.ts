import type { ProjectCommand } from '../domain/project/commands.js';
import type { Actor } from '../domain/project/vocabulary.js';
import { documentOf } from './demo-documents.js';
import type { CatalogueStep, ProjectStep } from './demo-schedule.js';
import { as, cny, DAY, dayOf, HOUR, uuidOf } from './demo-values.js';
import type { Random } from './random.js';
import type { StandardSolutionCommand } from '../domain/catalogue/standard-solution.js';

// Document 003 L25–L33 in the demo world: the catalogue of standard solutions and the solution requests.

/** 标准方案库 of the demo: what 市场部 keeps, by product line; production lines are never standard. */
const STANDARD_SOLUTIONS = [
  { entryId: uuidOf('standard ROBOT_CELL'), name: '标准双工位弧焊机器人工作站', productLine: 'ROBOT_CELL', yuan: [680_000, 650_000] },
  { entryId: uuidOf('standard SINGLE_EQUIPMENT'), name: '标准伺服点焊机', productLine: 'SINGLE_EQUIPMENT', yuan: [120_000] },
  { entryId: uuidOf('standard SINGLE_EQUIPMENT old'), name: '气动点焊机（旧型号）', productLine: 'SINGLE_EQUIPMENT', yuan: [90_000], withdrawn: true },
] as const;

/** The catalogue's history: each entry published, the cell revised once (a cheaper positioner), the old model withdrawn. */
export function catalogueSchedule(start: number): CatalogueStep[] {
  const keeper = as('mk-1', 'MARKETING');
  return STANDARD_SOLUTIONS.flatMap((entry, index): CatalogueStep[] => {
    const step = (days: number, command: StandardSolutionCommand, what: string): CatalogueStep =>
      ({ at: new Date(start - days * DAY + index * HOUR), entryId: entry.entryId, commandId: uuidOf(`${entry.entryId} ${what}`), command, actor: keeper });
    const priced = (version: number) => ({ document: documentOf(`${entry.name} 参考方案 v${version}`), referencePrice: cny(entry.yuan[version - 1]) });
    return [
      step(90, { type: 'PublishStandardSolution', data: { name: entry.name, productLine: entry.productLine, ...priced(1) } }, 'published'),
      ...entry.yuan.slice(1).map((_, i) => step(40, { type: 'ReviseStandardSolution', data: { ...priced(i + 2), changes: '改用国产变位机，参考价格下调' } }, `v${i + 2}`)),
      ...('withdrawn' in entry ? [step(20, { type: 'WithdrawStandardSolution', data: { reason: '该型号停产，由伺服点焊机替代' } }, 'withdrawn')] : []),
    ];
  });
}

/** A solution request filed the day before `end` by the supervisor, on the owner's behalf, still unanswered. */
export const openRequest = (projectId: string, end: Date): ProjectStep => ({
  at: new Date(end.getTime() - 30 * HOUR), projectId, commandId: uuidOf(`${projectId} open request`),
  command: { type: 'RequestSolution', data: { need: '补充第二工位的换型方案' } }, actor: as('sup-1', 'SALES_SUPERVISOR'),
});

export type Aside = (command: ProjectCommand, actor: Actor, when: number, what: string) => void;

/**
 * 方案申请表 after the exchange (document 003 L25-L29): one in four with a dispatch the director signs (or refuses the trip);
 * the project's engineer answers within the working day, a few late; one refusal in five, written by the tech manager, and half of
 * those disputed before the sales GM, who has the solution made two times in three.
 */
export function solutionRequest(asks: Random, exchangeAt: number, requester: Actor, engineer: Actor, take: Aside): void {
  const requestedAt = exchangeAt + 2 * HOUR;
  const dispatch = asks.chance(25);
  take({ type: 'RequestSolution', data: {
    need: asks.pick(['两台焊接工作站，节拍 60 秒', '码垛线改造，兼容三种箱型', '装配线增加视觉检测', '喷涂线换型时间缩短到 10 分钟']),
    ...(dispatch ? { dispatch: { site: '客户现场', purpose: '现场查看工件与场地', wantedOn: dayOf(requestedAt + 3 * DAY), people: asks.int(1, 3) } } : {}),
  } }, requester, requestedAt, 'solution request');
  let at = requestedAt;
  if (dispatch) {
    at += asks.int(2, 20) * HOUR;
    const signed = asks.chance(80);
    take({ type: 'SignDispatchRequest', data: signed ? { approve: true } : { approve: false, comments: '先电话沟通，暂不派人' } }, as('dir-1', 'SALES_DIRECTOR'), at, 'dispatch signed');
  }
  // most within the working day, one in eight two or three days on
  at += asks.chance(12) ? asks.int(50, 75) * HOUR : asks.int(1, 6) * HOUR;
  if (!asks.chance(20)) {
    take({ type: 'AnswerSolutionRequest', data: { willMake: true } }, engineer, at, 'solution request answered');
    return;
  }
  const manager = as('tm-1', 'TECH_MANAGER');
  take({ type: 'AnswerSolutionRequest', data: { willMake: false, reason: '本月方案任务已满，建议下月再做', reply: documentOf(`${requestedAt} 不制作书面回复`) } }, manager, at, 'solution request declined');
  if (!asks.chance(50)) return;
  take({ type: 'DisputeSolutionAnswer', data: { reason: '重点客户，竞争对手已提交方案' } }, as('dir-1', 'SALES_DIRECTOR'), at + 3 * HOUR, 'refusal disputed');
  const make = asks.chance(67);
  take({ type: 'DecideSolutionDispute', data: { makeSolution: make, reasoning: make ? '重点客户优先，技术中心调整排期' : '确无资源，维持不制作' } }, as('gm-1', 'BU_GENERAL_MANAGER'), at + 20 * HOUR, 'dispute decided');
}

/** The entry in force for a product line, at its version in force, if the catalogue covers it. */
export const standardFor = (productLine: string) => {
  const entry = STANDARD_SOLUTIONS.find((candidate) => candidate.productLine === productLine && !('withdrawn' in candidate));
  return entry && { entryId: entry.entryId, version: entry.yuan.length };
};
