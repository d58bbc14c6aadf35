import { Inject, Injectable } from '@nestjs/common';
import { WIN_LOSS } from './win-loss.projection.js';
import { READ_STORE, type Document, type ReadStore } from '../../src/read-store/read-store.port.js';
import { bidHitRate, ranked } from '../monthly-statistics/counters.js';
import { monthsBetween } from '../../src/application/reports/periods.js';

export type WinLossGroupBy = 'all' | 'region' | 'productLine' | 'owner' | 'procurement' | 'amountBand';

export interface WinLossFilter {
  region?: string;
  productLine?: string;
  ownerId?: string;
  procurement?: string;
}

type Record_ = Document & {
  outcome?: 'WON' | 'LOST' | 'TERMINATED' | 'NOT_BID' | 'CUSTOMER_DECLINED';
  closedAt?: string;
  registeredAt?: string;
  estimatedAmount?: number;
  quotedAmount?: number;
  wonAmount?: number;
  procurement?: string;
  bidSubmitted?: boolean;
  bidWon?: boolean;
  noBid?: boolean;
  reasons?: string[];
  winReasons?: string[];
  winner?: string;
  competitors?: string[];
  failedReviews?: number;
  countersignRejections?: number;
  ownerId?: string;
  region?: string;
  productLine?: string;
};

/** What the analysis reads of a record. */
const FIELDS = Object.fromEntries([
  'outcome', 'closedAt', 'registeredAt', 'estimatedAmount', 'quotedAmount', 'wonAmount', 'procurement', 'bidSubmitted', 'bidWon',
  'reasons', 'winReasons', 'competitors', 'failedReviews', 'countersignRejections', 'ownerId', 'region', 'productLine',
].map((field) => [field, 1 as const]));

const DAY_MS = 86_400_000;
/** Amount bands by estimated amount, fen. */
const BANDS: Array<[string, number]> = [['< 1,000,000 CNY', 1_000_000_00], ['1,000,000–5,000,000 CNY', 5_000_000_00], ['> 5,000,000 CNY', Infinity]];
const bandOf = (amount = 0) => BANDS.find(([, below]) => amount < below)![0];

const keyOf = (record: Record_, groupBy: WinLossGroupBy): string => {
  switch (groupBy) {
    case 'all': return '*';
    case 'owner': return record.ownerId ?? 'NONE';
    case 'amountBand': return bandOf(record.estimatedAmount);
    default: return record[groupBy] ?? 'NONE';
  }
};

export interface WinLossGroup {
  key: string;
  closed: number;
  won: number;
  lost: number;
  terminated: number;
  /** Tenders not bid for: closed, neither won nor lost. */
  notBid: number;
  /** Projects whose customer declined the solution, the agreement or a contract: closed, neither won nor lost. */
  customerDeclined: number;
  winRate: number | null;
  bidsWon: number;
  bidsLost: number;
  bidHitRate: number | null;
  amountWon: number;
  amountLost: number;
  lossReasons: Array<{ key: string; count: number }>;
  /** Why the projects won were won, as their bid results and summaries say (each reason once per project). */
  winReasons: Array<{ key: string; count: number }>;
  competitorsMet: Array<{ key: string; count: number }>;
  competitorsBeaten: Array<{ key: string; count: number }>;
  averageCycleDays: number | null;
  averageFailedReviews: number | null;
  averageCountersignRejections: number | null;
}

/** 成败分析 over the projects closed in a period. */
@Injectable()
export class WinLossAnalysis {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  /** The groups of one business unit's projects (null: those registered outside any unit). */
  async groups(from: string, to: string, groupBy: WinLossGroupBy, filter: WinLossFilter, businessUnit: string | null): Promise<WinLossGroup[]> {
    const selection = Object.fromEntries(Object.entries(filter).filter(([, value]) => value));
    const records = await this.reads.find<Record_>(WIN_LOSS, { ...selection, businessUnit, closedMonth: { $in: monthsBetween(from, to) } }, { projection: FIELDS });
    const tallies = new Map<string, Tally>();
    for (const record of records) {
      const key = keyOf(record, groupBy);
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = new Tally()));
      tally.add(record);
    }
    return [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([key, tally]) => tally.summary(key));
  }
}

const tenths = (sum: number, count: number) => (count ? Math.round((sum / count) * 10) / 10 : null);

function countEach(counts: Record<string, number>, items: string[] | undefined): void {
  for (const item of items ?? []) counts[item] = (counts[item] ?? 0) + 1;
}

/** A group's figures, added up in one pass over its records. */
class Tally {
  private closed = 0;
  private won = 0;
  private lost = 0;
  private notBid = 0;
  private customerDeclined = 0;
  private bidsWon = 0;
  private bidsLost = 0;
  private amountWon = 0;
  private amountLost = 0;
  private cycleDays = 0;
  private cycles = 0;
  private failedReviews = 0;
  private countersignRejections = 0;
  private readonly lossReasons: Record<string, number> = {};
  private readonly winReasons: Record<string, number> = {};
  private readonly competitorsMet: Record<string, number> = {};
  private readonly competitorsBeaten: Record<string, number> = {};

  add(record: Record_): void {
    this.closed += 1;
    if (record.bidWon) this.bidsWon += 1;
    if (record.outcome === 'WON') {
      this.won += 1;
      this.amountWon += record.wonAmount ?? 0;
      countEach(this.competitorsBeaten, record.competitors);
      countEach(this.winReasons, record.winReasons);
    } else if (record.outcome === 'NOT_BID') {
      this.notBid += 1;
    } else if (record.outcome === 'CUSTOMER_DECLINED') {
      this.customerDeclined += 1;
    } else if (record.outcome === 'LOST') {
      this.lost += 1;
      if (record.bidSubmitted) this.bidsLost += 1;
      this.amountLost += record.quotedAmount ?? record.estimatedAmount ?? 0;
      countEach(this.lossReasons, record.reasons);
    }
    countEach(this.competitorsMet, record.competitors);
    if (record.registeredAt) {
      this.cycleDays += (Date.parse(record.closedAt!) - Date.parse(record.registeredAt)) / DAY_MS;
      this.cycles += 1;
    }
    this.failedReviews += record.failedReviews ?? 0;
    this.countersignRejections += record.countersignRejections ?? 0;
  }

  summary(key: string): WinLossGroup {
    const decided = this.won + this.lost;
    return {
      key,
      closed: this.closed,
      won: this.won,
      lost: this.lost,
      terminated: this.closed - decided - this.notBid - this.customerDeclined,
      notBid: this.notBid,
      customerDeclined: this.customerDeclined,
      winRate: decided ? this.won / decided : null,
      bidsWon: this.bidsWon,
      bidsLost: this.bidsLost,
      bidHitRate: bidHitRate(this.bidsWon, this.bidsLost),
      amountWon: this.amountWon,
      amountLost: this.amountLost,
      lossReasons: ranked(this.lossReasons),
      winReasons: ranked(this.winReasons),
      competitorsMet: ranked(this.competitorsMet),
      competitorsBeaten: ranked(this.competitorsBeaten),
      averageCycleDays: tenths(this.cycleDays, this.cycles),
      averageFailedReviews: tenths(this.failedReviews, this.closed),
      averageCountersignRejections: tenths(this.countersignRejections, this.closed),
    };
  }
}
