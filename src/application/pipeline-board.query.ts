import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PIPELINE_CARDS } from '../../projections/pipeline-board/pipeline-board.projection.js';
import type { Stage } from '../domain/project/state.js';
import type { Money } from '../domain/project/vocabulary.js';
import { daysBetween, shanghaiDate } from '../domain/policy/working-calendar.js';
import { READ_STORE, type Document, type ReadStore } from '../read-store/read-store.port.js';
import { PolicyProvider } from './policy.provider.js';

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
    readonly today = new Date(),
  ) {}
}

type CardDocument = Document & Omit<BoardCard, 'daysInStage' | 'overdue' | 'dueOn'> & { dueOn?: string };

/** The open projects by stage: count, amount and weighted amount per column, a card per project. */
@QueryHandler(GetPipelineBoard)
export class GetPipelineBoardHandler implements IQueryHandler<GetPipelineBoard, BoardColumn[]> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly policy: PolicyProvider,
  ) {}

  async execute({ filter, today }: GetPipelineBoard): Promise<BoardColumn[]> {
    const selection = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null));
    const cards = await this.reads.find<CardDocument>(PIPELINE_CARDS, { open: true, ...selection }, { sort: { 'amount.amount': -1, _id: 1 } });
    const { policy } = this.policy.current();
    const day = shanghaiDate(today);
    return OPEN_STAGES.map((stage) => {
      const column = cards.filter((card) => card.stage === stage).map((card): BoardCard => ({
        projectId: card.projectId, title: card.title, customer: card.customer, ownerId: card.ownerId, region: card.region,
        productLine: card.productLine, projectClass: card.projectClass, amount: card.amount, stage, stageEnteredAt: card.stageEnteredAt,
        daysInStage: Math.max(0, Math.floor(daysBetween(shanghaiDate(new Date(card.stageEnteredAt)), day))),
        nextStep: card.nextStep, dueOn: card.dueOn ?? null, overdue: card.dueOn !== undefined && card.dueOn < day,
      }));
      const amount = column.reduce((sum, card) => sum + card.amount.amount, 0);
      return { stage, count: column.length, amount, weightedAmount: Math.round((amount * (policy.stageProbability[stage] ?? 0)) / 100), cards: column };
    });
  }
}
