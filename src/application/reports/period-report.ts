import { Inject, Injectable } from '@nestjs/common';
import { MONTHLY_STATISTICS, type Dimension } from '../../../projections/monthly-statistics/monthly-statistics.projection.js';
import { DUE_STEPS } from '../../../projections/stage-history/stage-history.projection.js';
import { endOfShanghaiDay } from '../../domain/policy/working-calendar.js';
import { READ_STORE, type Document, type ReadStore } from '../../read-store/read-store.port.js';
import { addCounters, averageDaysPerStage, emptyCounters, firstPassRate, type Counters } from './counters.js';

export interface StageDays {
  stage: string;
  intervals: number;
  averageDays: number;
}

export interface PeriodRow {
  /** The region, product line or owner; `*` for the whole department. */
  value: string;
  counters: Counters;
  firstPassRate: number | null;
  /** Steps whose deadline fell in the period and were not done by it. */
  overdueSteps: number;
  averageDaysPerStage: StageDays[];
}

type Interval = Document & { dueOn?: string; doneAt?: string; ownerId?: string; region?: string; productLine?: string };

const valueOf = (interval: Interval, dimension: Dimension): string | undefined =>
  dimension === 'all' ? '*' : dimension === 'owner' ? interval.ownerId : interval[dimension];

/** The report of a run of months: the stored counters summed, and the deadlines that fell in it. */
@Injectable()
export class PeriodReport {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  /** The row of a period in which nothing happened. */
  emptyRow(value = '*'): PeriodRow {
    return { value, counters: emptyCounters(), firstPassRate: null, overdueSteps: 0, averageDaysPerStage: [] };
  }

  /** The rows of a business unit's report (null: the projects registered outside any unit). */
  async rows(months: string[], dimension: Dimension, businessUnit: string | null): Promise<PeriodRow[]> {
    const [docs, due] = await Promise.all([
      this.reads.find(MONTHLY_STATISTICS, { month: { $in: months }, businessUnit, dimension }),
      this.reads.find<Interval>(DUE_STEPS, { dueMonth: { $in: months }, businessUnit }, { projection: { dueOn: 1, doneAt: 1, ownerId: 1, region: 1, productLine: 1 } }),
    ]);
    const rows = new Map<string, PeriodRow>();
    const rowOf = (value: string) => {
      let row = rows.get(value);
      if (!row) rows.set(value, (row = this.emptyRow(value)));
      return row;
    };
    for (const doc of docs) addCounters(rowOf(String(doc.value)).counters, doc);
    for (const interval of due) {
      const value = valueOf(interval, dimension);
      const doneInTime = interval.doneAt !== undefined && interval.doneAt < endOfShanghaiDay(interval.dueOn!);
      if (value !== undefined && !doneInTime) rowOf(value).overdueSteps += 1;
    }
    for (const row of rows.values()) {
      row.firstPassRate = firstPassRate(row.counters);
      row.averageDaysPerStage = averageDaysPerStage(row.counters);
    }
    return [...rows.values()].sort((a, b) => a.value.localeCompare(b.value));
  }
}
