import { Inject, Injectable } from '@nestjs/common';
import { WIN_LOSS } from '../../../projections/win-loss/win-loss.projection.js';
import { READ_STORE, type Document, type ReadStore } from '../../read-store/read-store.port.js';
import { bidHitRate, ranked } from './counters.js';
import { monthsBetween } from './periods.js';

export type WinLossGroupBy = 'all' | 'region' | 'productLine' | 'owner' | 'procurement' | 'amountBand';

export interface WinLossFilter {
  region?: string;
  productLine?: string;
  ownerId?: string;
  procurement?: string;
}

type Record_ = Document & {
  outcome?: 'WON' | 'LOST' | 'TERMINATED';
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
  'reasons', 'competitors', 'failedReviews', 'countersignRejections', 'ownerId', 'region', 'productLine',
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

const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

export interface WinLossGroup {
  key: string;
  closed: number;
  won: number;
  lost: number;
  terminated: number;
  winRate: number | null;
  bidsWon: number;
  bidsLost: number;
  bidHitRate: number | null;
  amountWon: number;
  amountLost: number;
  lossReasons: Array<{ key: string; count: number }>;
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

  async groups(from: string, to: string, groupBy: WinLossGroupBy, filter: WinLossFilter = {}): Promise<WinLossGroup[]> {
    const selection = Object.fromEntries(Object.entries(filter).filter(([, value]) => value));
    const records = await this.reads.find<Record_>(WIN_LOSS, { ...selection, closedMonth: { $in: monthsBetween(from, to) } }, { projection: FIELDS });
    const groups = new Map<string, Record_[]>();
    for (const record of records) {
      const key = keyOf(record, groupBy);
      const members = groups.get(key);
      if (members) members.push(record);
      else groups.set(key, [record]);
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, members]) => summarize(key, members));
  }
}

function summarize(key: string, records: Record_[]): WinLossGroup {
  const won = records.filter((r) => r.outcome === 'WON');
  const lost = records.filter((r) => r.outcome === 'LOST');
  const count = (lists: string[][]) => {
    const counts: Record<string, number> = {};
    for (const item of lists.flat()) counts[item] = (counts[item] ?? 0) + 1;
    return ranked(counts);
  };
  const bidsWon = records.filter((r) => r.bidWon).length;
  const bidsLost = lost.filter((r) => r.bidSubmitted).length;
  return {
    key,
    closed: records.length,
    won: won.length,
    lost: lost.length,
    terminated: records.length - won.length - lost.length,
    winRate: won.length + lost.length ? won.length / (won.length + lost.length) : null,
    bidsWon,
    bidsLost,
    bidHitRate: bidHitRate(bidsWon, bidsLost),
    amountWon: won.reduce((sum, r) => sum + (r.wonAmount ?? 0), 0),
    amountLost: lost.reduce((sum, r) => sum + (r.quotedAmount ?? r.estimatedAmount ?? 0), 0),
    lossReasons: count(lost.map((r) => r.reasons ?? [])),
    competitorsMet: count(records.map((r) => r.competitors ?? [])),
    competitorsBeaten: count(won.map((r) => r.competitors ?? [])),
    averageCycleDays: average(records.filter((r) => r.registeredAt).map((r) => (Date.parse(r.closedAt!) - Date.parse(r.registeredAt!)) / DAY_MS)),
    averageFailedReviews: average(records.map((r) => r.failedReviews ?? 0)),
    averageCountersignRejections: average(records.map((r) => r.countersignRejections ?? 0)),
  };
}
