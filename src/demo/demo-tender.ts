import type { ProjectCommand } from '../domain/project/commands.js';
import type { Actor, Money, OutcomeReason } from '../domain/project/vocabulary.js';
import { documentOf } from './demo-documents.js';
import { cny, DAY, dayOf } from './demo-values.js';
import { Random } from './random.js';

const between = (from: number, to: number, share: number) => from + Math.round((to - from) * share);

const ADVICE = ['客户关系良好，技术方案匹配', '有同类项目业绩，资质齐全', '预算充足，竞争对手少'];
const FINDINGS = ['技术条款与我方方案吻合，付款条件可接受', '工期紧但可满足，需补充资质证明', '评分办法偏重价格，需控制成本', '质保要求高于常规，已评估风险'];
const TASKS = ['技术标书与偏离表', '商务标书与资质文件', '报价清单与成本核算', '投标演示文稿'];
const PRESENTATIONS = ['讲解方案架构与节拍，展示同行业案例', '演示样机视频，讲解工艺路线', '介绍项目团队与实施计划'];
const QUESTIONS = ['换型时间与夹具通用性', '售后响应时间与备件库存', '控制系统是否开放接口', '产能爬坡计划'];
const WIN_REASONS: OutcomeReason[] = ['TECHNICAL', 'RELATIONSHIP', 'PRICE', 'QUALIFICATION'];
const NO_BID_REASONS = ['付款条件不可接受', '交期无法满足', '技术参数倾向竞争对手', '资质不满足招标要求'];

type Aside = (when: number, command: ProjectCommand, actor: Actor, what: string) => void;

/**
 * PSM050 as it happens around the demo history's decisions: advice, the loan, the evaluation, the kick-off, the technical
 * bid, the opening. Drawn from a sequence of the project's own, apart from its demos' and competitor notes', so neither
 * they nor any other project change with it.
 */
export function tenderWork(projectId: string, aside: Aside, people: { am: Actor; pe: Actor; director: Actor; quoteYuan: number }) {
  const own = new Random(Number.parseInt(projectId.slice(9, 13) + projectId.slice(14, 18), 16));
  const { am, pe, director, quoteYuan } = people;
  const evaluated = (when: number) =>
    aside(when, { type: 'EvaluateTenderDocuments', data: { findings: own.pick(FINDINGS), evaluators: [am.userId, pe.userId] } }, own.chance(50) ? am : pe, 'tender evaluated');
  return {
    advised(when: number): void {
      if (own.chance(70)) aside(when, { type: 'AdviseBid', data: { advice: 'BID', reason: own.pick(ADVICE) } }, am, 'bid advised');
    },
    loanSigned(when: number): void {
      aside(when, { type: 'RecordBidStep', data: { step: 'LOAN_SIGNED', amount: cny(own.pick([300, 500, 800, 1_000])) } }, director, 'bid loan signed');
    },
    purchaseTerms(openingAt: number): { amount: Money; purchaseClosesOn: string } {
      return { amount: cny(own.pick([300, 500, 800, 1_000])), purchaseClosesOn: dayOf(openingAt - own.int(5, 10) * DAY) };
    },
    /** Between the purchase and the bond: the evaluation, the final decision, the kick-off and the technical bid. */
    preparedAfterPurchase(from: number, to: number, openingAt: number): void {
      evaluated(between(from, to, 0.2));
      aside(between(from, to, 0.4), { type: 'DecideBid', data: { decision: 'BID' } }, am, 'final bid decision');
      const shares = TASKS.slice(0, own.int(2, 4)).map((task, i) => ({ assignee: i === 0 || i === 3 ? pe.userId : am.userId, task, dueOn: dayOf(openingAt - own.int(2, 5) * DAY) }));
      aside(between(from, to, 0.6), { type: 'HoldBidKickOff', data: { attendees: [am.userId, pe.userId], assignments: shares } }, am, 'bid kick-off');
      aside(between(from, to, 0.8), { type: 'SubmitTechnicalBid', data: { document: documentOf(`${projectId} technical bid`), cost: cny(quoteYuan * own.int(60, 80) / 100) } }, pe, 'technical bid');
    },
    /**
     * One no-bid in two is said only once the documents are bought and evaluated: the intent, the purchase and the evaluation
     * come before it, between `from` and `to`. The reason it is given.
     */
    noBidAfterEvaluation(from: number, to: number): string {
      if (!own.chance(50)) return 'qualification missing';
      aside(between(from, to, 0.2), { type: 'DecideBid', data: { decision: 'BID' } }, am, 'bid intent');
      aside(between(from, to, 0.4), { type: 'RecordBidStep', data: { step: 'DOCUMENTS_PURCHASED', openingOn: dayOf(to + own.int(10, 20) * DAY), amount: cny(500) } }, am, 'documents bought');
      evaluated(between(from, to, 0.6));
      return own.pick(NO_BID_REASONS);
    },
    opened(when: number, bidders: string[], winningYuan?: number): void {
      aside(when, { type: 'RecordBidOpening', data: {
        attendees: own.chance(60) ? [am.userId, pe.userId] : [am.userId],
        presentation: own.pick(PRESENTATIONS),
        ...(own.chance(70) ? { technicalQuestions: own.pick(QUESTIONS) } : {}),
        bidders: bidders.map((bidder, i) => ({ bidder, ...(i === 0 && winningYuan ? { price: cny(winningYuan) } : own.chance(50) ? { price: cny(quoteYuan * own.int(90, 110) / 100) } : {}) })),
      } }, own.chance(50) ? am : pe, 'bid opening');
    },
    winReasons(): OutcomeReason[] {
      return own.chance(80) ? [own.pick(WIN_REASONS)] : [];
    },
  };
}
