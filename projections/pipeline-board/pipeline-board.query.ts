import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NEXT_STEP, PIPELINE_CARDS } from './pipeline-board.projection.js';
import { AMOUNT_HISTORY, STAGE_INTERVALS } from '../stage-history/stage-history.projection.js';
import type { Stage } from '../../src/domain/project/state.js';
import type { Money } from '../../src/domain/project/vocabulary.js';
import { daysBetween, shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';

export interface BoardFilter {
  ownerId?: string;
  region?: string;
  productLine?: string;
  projectClass?: string;
}

export interface BoardCard {
  projectId: string;
  title: string;
  customer: string;
  ownerId: string;
  region: string;
  productLine: string;
  projectClass: string | null;
  amount: Money;
  stage: Stage;
  stageEnteredAt: string;
  daysInStage: number;
  nextStep: string | null;
  dueOn: string | null;
  overdue: boolean;
  /** False once the project is won, lost, terminated or closed: it leaves the board. */
  open: boolean;
}

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
  ) {}
}

/** What a card shows: the board reads nothing else of its documents. */
const CARD_FIELDS = Object.fromEntries([
  'projectId', 'title', 'customer', 'ownerId', 'region', 'productLine', 'projectClass', 'amount', 'stage', 'stageEnteredAt',
  'nextStep', 'dueOn', 'doneBy', 'open',
].map((field) => [field, 1 as const]));

/** A card as the board shows it on a given day (YYYY-MM-DD, Asia/Shanghai). */
export function boardCard(card: CardDocument, day: string): BoardCard {
  return {
    projectId: card.projectId, title: card.title, customer: card.customer, ownerId: card.ownerId, region: card.region,
    productLine: card.productLine, projectClass: card.projectClass, amount: card.amount, stage: card.stage, stageEnteredAt: card.stageEnteredAt,
    daysInStage: Math.max(0, Math.floor(daysBetween(shanghaiDate(new Date(card.stageEnteredAt)), day))),
    nextStep: card.nextStep, dueOn: card.dueOn ?? null, overdue: card.dueOn !== undefined && card.dueOn < day && !card.doneBy,
    open: card.open !== false,
  };
}

export type CardDocument = Document & Omit<BoardCard, 'daysInStage' | 'overdue' | 'dueOn' | 'open'> & {
  dueOn?: string;
  doneBy?: boolean;
  open?: boolean;
  businessUnit?: string | null;
  members?: string[];
};
type IntervalDocument = Document & { projectId: string; stage: Stage; from: string; to: string | null; dueOn?: string; doneAt?: string; projectClass?: string | null };
type AmountDocument = Document & { projectId: string; at: string; amount: Money };

/** The open projects by stage: count, amount and weighted amount per column, a card per project. */
@QueryHandler(GetPipelineBoard)
export class GetPipelineBoardHandler implements IQueryHandler<GetPipelineBoard, BoardColumn[]> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly policy: PolicyProvider,
  ) {}

  async execute({ filter, asOf, visible, cardsPerColumn }: GetPipelineBoard): Promise<BoardColumn[]> {
    const selection = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null));
    const cards = asOf ? await this.cardsAsOf(asOf, selection, visible) : await this.reads.find<CardDocument>(PIPELINE_CARDS, { $and: [visible, { open: true, ...selection }] }, { projection: CARD_FIELDS });
    cards.sort((a, b) => b.amount.amount - a.amount.amount || a._id.localeCompare(b._id));
    const { policy } = this.policy.current();
    const day = shanghaiDate(asOf ?? new Date());
    return OPEN_STAGES.map((stage) => {
      const column = cards.filter((card) => card.stage === stage);
      // saturates: an amount stored before the policy's maximum cannot make the whole board unanswerable
      const amount = column.reduce((sum, card) => Math.min(sum + card.amount.amount, Number.MAX_SAFE_INTEGER), 0);
      const shown = column.slice(0, cardsPerColumn ?? column.length).map((card) => boardCard(card, day));
      return { stage, count: column.length, amount, weightedAmount: Math.round((amount * (policy.stageProbability[stage] ?? 0)) / 100), cards: shown };
    });
  }

  /**
   * The cards as they stood at an instant: the stage intervals spanning it, the amounts in force then,
   * of the projects the caller may see (and only theirs are read: the cost follows what is shown).
   */
  private async cardsAsOf(asOf: Date, selection: BoardFilter, visible: Filter): Promise<CardDocument[]> {
    const at = asOf.toISOString();
    const current = await this.reads.find<CardDocument>(PIPELINE_CARDS, { $and: [visible, { registeredAt: { $lte: at } }] }, { projection: CARD_FIELDS });
    if (current.length === 0) return [];
    const visibleIds = current.map((card) => card._id);
    const [intervals, amounts] = await Promise.all([
      this.reads.find<IntervalDocument>(STAGE_INTERVALS, {
        projectId: { $in: visibleIds }, stage: { $in: OPEN_STAGES }, from: { $lte: at }, $or: [{ to: null }, { to: { $gt: at } }],
      }),
      this.reads.find<AmountDocument>(AMOUNT_HISTORY, { projectId: { $in: visibleIds }, at: { $lte: at } }, { sort: { at: 1 } }),
    ]);
    const cardOf = new Map(current.map((card) => [card._id, card]));
    const amountOf = new Map(amounts.map((entry) => [entry.projectId, entry.amount]));
    return intervals.flatMap((interval): CardDocument[] => {
      const card = cardOf.get(interval.projectId);
      if (!card) return [];
      const then: CardDocument = {
        ...card, stage: interval.stage, stageEnteredAt: interval.from, amount: amountOf.get(interval.projectId) ?? card.amount,
        projectClass: interval.projectClass ?? null, nextStep: NEXT_STEP[interval.stage] ?? null, dueOn: interval.dueOn,
        doneBy: interval.doneAt !== undefined && interval.doneAt <= at,
      };
      return Object.entries(selection).every(([key, value]) => then[key] === value) ? [then] : [];
    });
  }
}
