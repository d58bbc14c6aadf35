import { Inject, Injectable } from '@nestjs/common';
import { MONTHLY_STATISTICS, type Dimension } from '../../../projections/monthly-statistics/monthly-statistics.projection.js';
import { STAGE_INTERVALS } from '../../../projections/stage-history/stage-history.projection.js';
import { shanghaiDate } from '../../domain/policy/working-calendar.js';
import { READ_STORE, type Document, type ReadStore } from '../../read-store/read-store.port.js';
import { addCounters, emptyCounters, firstPassRate, type Counters } from './counters.js';
import { monthBounds, monthDays } from './periods.js';

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

type Interval = Document & { stage: string; from: string; to: string | null; dueOn?: string; doneAt?: string; ownerId?: string; region?: string; productLine?: string };

const DAY_MS = 86_400_000;
const valueOf = (interval: Interval, dimension: Dimension): string | undefined =>
  dimension === 'all' ? '*' : dimension === 'owner' ? interval.ownerId : interval[dimension];

/** The report of a run of months: the stored counters summed, and what the stage history says of time. */
@Injectable()
export class PeriodReport {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  /** The row of a period in which nothing happened. */
  emptyRow(value = '*'): PeriodRow {
    return { value, counters: emptyCounters(), firstPassRate: null, overdueSteps: 0, averageDaysPerStage: [] };
  }

  /** With `durations: false` the time spent per stage is left out (comparisons need only the counters). */
  async rows(months: string[], dimension: Dimension, { durations: withDurations = true } = {}): Promise<PeriodRow[]> {
    const docs = await this.reads.find(MONTHLY_STATISTICS, { month: { $in: months }, dimension });
    const start = monthBounds(months[0]).start;
    const end = monthBounds(months[months.length - 1]).end;
    const firstDay = monthDays(months[0]).first;
    const nextDay = monthDays(months[months.length - 1]).next;
    const [closed, due] = await Promise.all([
      withDurations ? this.reads.find<Interval>(STAGE_INTERVALS, { closedMonth: { $in: months } }) : Promise.resolve([]),
      this.reads.find<Interval>(STAGE_INTERVALS, { dueMonth: { $in: months } }),
    ]);
    const intervals = [...new Map([...closed, ...due].map((interval) => [interval._id, interval])).values()];
    const rows = new Map<string, PeriodRow>();
    const rowOf = (value: string) => {
      let row = rows.get(value);
      if (!row) rows.set(value, (row = { value, counters: emptyCounters(), firstPassRate: null, overdueSteps: 0, averageDaysPerStage: [] }));
      return row;
    };
    for (const doc of docs) addCounters(rowOf(String(doc.value)).counters, doc);
    const durations = new Map<string, Map<string, number[]>>();
    for (const interval of intervals) {
      const value = valueOf(interval, dimension);
      if (value === undefined) continue;
      const row = rowOf(value);
      if (interval.dueOn && interval.dueOn >= firstDay && interval.dueOn < nextDay && !(interval.doneAt && shanghaiDate(new Date(interval.doneAt)) <= interval.dueOn)) {
        row.overdueSteps += 1;
      }
      if (withDurations && interval.to && interval.to >= start && interval.to < end) {
        const byStage = durations.get(value) ?? new Map<string, number[]>();
        durations.set(value, byStage);
        byStage.set(interval.stage, [...(byStage.get(interval.stage) ?? []), (Date.parse(interval.to) - Date.parse(interval.from)) / DAY_MS]);
      }
    }
    for (const row of rows.values()) {
      row.firstPassRate = firstPassRate(row.counters);
      row.averageDaysPerStage = [...(durations.get(row.value) ?? new Map<string, number[]>())]
        .map(([stage, days]) => ({ stage, intervals: days.length, averageDays: Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 }))
        .sort((a, b) => a.stage.localeCompare(b.stage));
    }
    return [...rows.values()].sort((a, b) => a.value.localeCompare(b.value));
  }
}
