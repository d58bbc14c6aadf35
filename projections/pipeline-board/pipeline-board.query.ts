import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NEXT_STEP, PIPELINE_CARDS } from './pipeline-board.projection.js';
import { AMOUNT_HISTORY, DUE_STEPS, OWNER_HISTORY, STAGE_INTERVALS } from '../stage-history/stage-history.projection.js';
import type { Deadline } from '../../src/domain/project/deadlines.js';
import type { Stage } from '../../src/domain/project/state.js';
import type { Money } from '../../src/domain/project/vocabulary.js';
import { weightedAmount } from '../../src/domain/policy/policy.js';
import { daysBetween, shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import type { ProjectHeading } from '../project-access-fields.js';

export interface BoardFilter {
  ownerId?: string;
  region?: string;
  productLine?: string;
  projectClass?: string;
}

export interface BoardCard extends ProjectHeading {
  projectClass: string | null;
  amount: Money;
  stage: Stage;
  stageEnteredAt: string;
  daysInStage: number;
  nextStep: string | null;
  /** The date (Asia/Shanghai) the earliest open clock is due. */
  dueOn: string | null;
  /** Some open clock is overdue. */
  overdue: boolean;
  /** The open SLA clocks, earliest due first. */
  deadlines: DeadlineOnCard[];
  /** False once the project is won, lost, terminated or closed: it leaves the board. */
  open: boolean;
  /** 项目发起人 named at 立项. */
  sponsorId: string | null;
  /** A milestone in force not reached and past its day (document 004); null as of a past instant, which keeps no plan. */
  milestoneOverdue: boolean | null;
  /** More booked than the budget in force; null before 立项 and as of a past instant. */
  overBudget: boolean | null;
}

/** What a card keeps of document 004's controls. */
export interface CardControl {
  sponsorId?: string;
  approvedMonth?: string;
  budget?: Money;
  booked?: Money;
  milestones?: Array<{ name: string; dueOn: string; reachedOn?: string }>;
  monthsReported?: string[];
}

/** The flags a board filters on: cards with a milestone overdue, or over their budget. */
export const BOARD_FLAGS = ['MILESTONE_OVERDUE', 'OVER_BUDGET'] as const;
export type BoardFlag = (typeof BOARD_FLAGS)[number];

/** The milestones in force not reached and whose day is over in Beijing on `day`. */
export const overdueMilestones = (control: CardControl | undefined, day: string) => (control?.milestones ?? []).filter((milestone) => !milestone.reachedOn && milestone.dueOn < day);
const isOverBudget = (control: CardControl | undefined) => (control?.budget && control.booked ? control.booked.amount > control.budget.amount : null);

/** An open SLA clock as a card shows it at an instant. */
export type DeadlineOnCard = Deadline & { overdue: boolean };

export interface BoardColumn {
  stage: Stage;
  count: number;
  amount: number;
  weightedAmount: number;
  cards: BoardCard[];
}

const OPEN_STAGES: Stage[] = [
  'LEAD', 'QUALIFIED', 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION',
  'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT',
];

export class GetPipelineBoard {
  constructor(
    readonly filter: BoardFilter = {},
    /** The board as it stood at this instant; now when absent. */
    readonly asOf?: Date,
    /** The projects the caller may see, as a filter over the cards (see auth/project-visibility). */
    readonly visible: Filter = {},
    /** The cards each column shows, largest amounts first; its count and amounts cover them all. Undefined: every card. */
    readonly cardsPerColumn?: number,
    /** Only the cards with this flag (document 004): a milestone overdue, or over budget. */
    readonly flag?: BoardFlag,
  ) {}
}

/** What a card shows: the board reads nothing else of its documents. */
const CARD_FIELDS = Object.fromEntries([
  'projectId', 'title', 'customer', 'ownerId', 'region', 'productLine', 'projectClass', 'amount', 'stage', 'stageEnteredAt',
  'nextStep', 'deadlines', 'open', 'control',
].map((field) => [field, 1 as const]));

/** The open clocks of a card at an instant, earliest due first: overdue once past their limit. */
function deadlinesAt(card: CardDocument, at: string): DeadlineOnCard[] {
  return Object.values(card.deadlines ?? {})
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind))
    .map((deadline) => ({ ...deadline, overdue: deadline.overdueAt < at }));
}

/** A card as the board shows it at an instant. */
export function boardCard(card: CardDocument, at: Date): BoardCard {
  const day = shanghaiDate(at);
  const deadlines = deadlinesAt(card, at.toISOString());
  // an instant at the end of a Shanghai day belongs to that day
  const dueOn = deadlines.length ? shanghaiDate(new Date(Date.parse(deadlines[0].dueAt) - 1)) : null;
  return {
    projectId: card.projectId, title: card.title, customer: card.customer, ownerId: card.ownerId, region: card.region,
    productLine: card.productLine, projectClass: card.projectClass, amount: card.amount, stage: card.stage, stageEnteredAt: card.stageEnteredAt,
    daysInStage: Math.max(0, Math.floor(daysBetween(shanghaiDate(new Date(card.stageEnteredAt)), day))),
    nextStep: card.nextStep, dueOn, overdue: deadlines.some((deadline) => deadline.overdue), deadlines,
    open: card.open !== false,
    sponsorId: card.control?.sponsorId ?? null,
    milestoneOverdue: card.control ? overdueMilestones(card.control, day).length > 0 : null,
    overBudget: isOverBudget(card.control),
  };
}

export type CardDocument = Document & Omit<BoardCard, 'daysInStage' | 'overdue' | 'dueOn' | 'deadlines' | 'open' | 'sponsorId' | 'milestoneOverdue' | 'overBudget'> & {
  deadlines?: Record<string, Deadline>;
  control?: CardControl;
  open?: boolean;
  businessUnit?: string | null;
  members?: string[];
};
type IntervalDocument = Document & { projectId: string; stage: Stage; from: string; to: string | null; projectClass?: string | null };
type ClockDocument = Document & Deadline & { projectId: string };
type AmountDocument = Document & { projectId: string; at: string; amount: Money };
type OwnerDocument = Document & { projectId: string; at: string; ownerId: string };

function flagged(card: CardDocument, flag: BoardFlag, at: Date): boolean {
  return flag === 'OVER_BUDGET' ? isOverBudget(card.control) === true : overdueMilestones(card.control, shanghaiDate(at)).length > 0;
}

/** The open projects by stage: count, amount and weighted amount per column, a card per project. */
@QueryHandler(GetPipelineBoard)
export class GetPipelineBoardHandler implements IQueryHandler<GetPipelineBoard, BoardColumn[]> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly policy: PolicyProvider,
  ) {}

  async execute({ filter, asOf, visible, cardsPerColumn, flag }: GetPipelineBoard): Promise<BoardColumn[]> {
    const selection = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null));
    const at = asOf ?? new Date();
    const found = asOf ? await this.cardsAsOf(asOf, selection, visible) : await this.reads.find<CardDocument>(PIPELINE_CARDS, { $and: [visible, { open: true, ...selection }] }, { projection: CARD_FIELDS });
    const cards = flag ? found.filter((card) => flagged(card, flag, at)) : found;
    cards.sort((a, b) => b.amount.amount - a.amount.amount || a._id.localeCompare(b._id));
    const { policy } = this.policy.current();
    return OPEN_STAGES.map((stage) => {
      const column = cards.filter((card) => card.stage === stage);
      // saturates: an amount stored before the policy's maximum cannot make the whole board unanswerable
      const amount = column.reduce((sum, card) => Math.min(sum + card.amount.amount, Number.MAX_SAFE_INTEGER), 0);
      const shown = column.slice(0, cardsPerColumn ?? column.length).map((card) => boardCard(card, at));
      return { stage, count: column.length, amount, weightedAmount: weightedAmount(policy, stage, amount), cards: shown };
    });
  }

  /**
   * The cards as they stood at an instant: the stage intervals spanning it, the amounts and clocks in
   * force then, of the projects the caller may see (and only theirs are read: the cost follows what is shown).
   */
  private async cardsAsOf(asOf: Date, selection: BoardFilter, visible: Filter): Promise<CardDocument[]> {
    const at = asOf.toISOString();
    const current = await this.reads.find<CardDocument>(PIPELINE_CARDS, { $and: [visible, { registeredAt: { $lte: at } }] }, { projection: CARD_FIELDS });
    if (current.length === 0) return [];
    const visibleIds = current.map((card) => card._id);
    const [intervals, amounts, owners, clocks] = await Promise.all([
      this.reads.find<IntervalDocument>(STAGE_INTERVALS, {
        projectId: { $in: visibleIds }, stage: { $in: OPEN_STAGES }, from: { $lte: at }, $or: [{ to: null }, { to: { $gt: at } }],
      }),
      this.reads.find<AmountDocument>(AMOUNT_HISTORY, { projectId: { $in: visibleIds }, at: { $lte: at } }, { sort: { at: 1 } }),
      this.reads.find<OwnerDocument>(OWNER_HISTORY, { projectId: { $in: visibleIds }, at: { $lte: at } }, { sort: { at: 1 } }),
      this.reads.find<ClockDocument>(DUE_STEPS, { projectId: { $in: visibleIds }, startedAt: { $lte: at }, $or: [{ stoppedAt: null }, { stoppedAt: { $gt: at } }] }),
    ]);
    const clocksOf = new Map<string, Record<string, Deadline>>();
    for (const { projectId, kind, dueAt, overdueAt, waitingFor } of clocks) {
      clocksOf.set(projectId, { ...clocksOf.get(projectId), [kind]: { kind, dueAt, overdueAt, waitingFor } });
    }
    const cardOf = new Map(current.map((card) => [card._id, card]));
    const amountOf = new Map(amounts.map((entry) => [entry.projectId, entry.amount]));
    const ownerOf = new Map(owners.map((entry) => [entry.projectId, entry.ownerId]));
    return intervals.flatMap((interval): CardDocument[] => {
      const card = cardOf.get(interval.projectId);
      if (!card) return [];
      const then: CardDocument = {
        ...card, stage: interval.stage, stageEnteredAt: interval.from, amount: amountOf.get(interval.projectId) ?? card.amount, ownerId: ownerOf.get(interval.projectId) ?? card.ownerId,
        projectClass: interval.projectClass ?? null, nextStep: NEXT_STEP[interval.stage] ?? null, deadlines: clocksOf.get(interval.projectId) ?? {},
        // the plan's budget and milestones are not kept per instant: a past board shows no flags of them
        control: undefined,
      };
      return Object.entries(selection).every(([key, value]) => then[key] === value) ? [then] : [];
    });
  }
}
