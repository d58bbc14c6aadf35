import { Inject, Injectable } from '@nestjs/common';
import { DEMOS_HELD, MONTHLY_STATISTICS, monthlyStatisticsProjection, type Dimension } from './monthly-statistics.projection.js';
import { DUE_STEPS, stageHistoryProjection } from '../stage-history/stage-history.projection.js';
import { ReadModelsAsOf } from '../runtime/read-models-as-of.js';
import { wasOverdue, type Deadline } from '../../src/domain/project/deadlines.js';
import { READ_STORE, type Document, type ReadStore } from '../../src/read-store/read-store.port.js';
import { addCounters, averageDaysPerStage, emptyCounters, firstPassRate, type Counters } from './counters.js';
import { projectFigures, valueOf } from './project-figures.query.js';

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
  /** Steps whose limit ran out in the period, by the report's instant, with the step not done by it. */
  overdueSteps: number;
  /** The same, by kind of time limit. */
  overdueByKind: Record<string, number>;
  /** The same, by person: who did the step late, else the people it waits for, else the roles. */
  overdueByPerson: Record<string, number>;
  averageDaysPerStage: StageDays[];
  /** 演示: demos held in the period (by the day they were held). */
  demosHeld: number;
  /** The same, by presenter: a demo two people gave counts for each. */
  demosHeldByPerson: Record<string, number>;
  /** 终止原因: projects terminated in the period, by the reason of their request. */
  terminationsByReason: Record<string, number>;
}

type Dimensions = { ownerId?: string; region?: string; productLine?: string };
type Clock = Document & Deadline & Dimensions & { stoppedAt: string | null; doneBy?: string };
type DemoHeld = Document & Dimensions & { presenters: string[] };

/** Overdue at `at`: its limit passed by then, and it had not stopped (done, or lapsed by a close or a new version) by its limit. */
const isOverdue = (clock: Clock, at: string) => wasOverdue(clock, clock.stoppedAt, at);

/** Whose overdue step it is: who did it late, else the people it waits for, else the roles it waits for. */
function peopleOf(clock: Clock): string[] {
  if (clock.doneBy) return [clock.doneBy];
  const named = clock.waitingFor.flatMap((party) => ('userId' in party ? [party.userId] : []));
  return named.length ? named : clock.waitingFor.flatMap((party) => ('role' in party ? [party.role] : []));
}

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The report of a run of months: the stored counters summed, and the deadlines that fell in it. */
@Injectable()
export class PeriodReport {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  /** The row of a period in which nothing happened. */
  emptyRow(value = '*'): PeriodRow {
    return {
      value, counters: emptyCounters(), firstPassRate: null, overdueSteps: 0, overdueByKind: {}, overdueByPerson: {}, averageDaysPerStage: [], demosHeld: 0, demosHeldByPerson: {}, terminationsByReason: {},
    };
  }

  /** The rows of a business unit's report (null: the projects registered outside any unit), overdue counted as of `at`. */
  async rows(months: string[], dimension: Dimension, businessUnit: string | null, at = new Date()): Promise<PeriodRow[]> {
    const [docs, due, demos, perProject] = await Promise.all([
      this.reads.find(MONTHLY_STATISTICS, { month: { $in: months }, businessUnit, dimension }),
      this.reads.find<Clock>(DUE_STEPS, { dueMonth: { $in: months }, businessUnit }, {
        projection: { kind: 1, overdueAt: 1, stoppedAt: 1, doneBy: 1, waitingFor: 1, ownerId: 1, region: 1, productLine: 1 },
      }),
      this.reads.find<DemoHeld>(DEMOS_HELD, { month: { $in: months }, businessUnit }, { projection: { presenters: 1, ownerId: 1, region: 1, productLine: 1 } }),
      projectFigures(this.reads, months, dimension, businessUnit),
    ]);
    const rows = new Map<string, PeriodRow>();
    const rowOf = (value: string) => {
      let row = rows.get(value);
      if (!row) rows.set(value, (row = this.emptyRow(value)));
      return row;
    };
    for (const doc of docs) addCounters(rowOf(String(doc.value)).counters, doc);
    for (const [value, { terminationsByReason, ...once }] of perProject) {
      const row = rowOf(value);
      Object.assign(row.counters, once);
      row.terminationsByReason = terminationsByReason;
    }
    const instant = at.toISOString();
    for (const clock of due) {
      const value = valueOf(clock, dimension);
      if (value === undefined || !isOverdue(clock, instant)) continue;
      const row = rowOf(value);
      row.overdueSteps += 1;
      tally(row.overdueByKind, clock.kind);
      for (const person of peopleOf(clock)) tally(row.overdueByPerson, person);
    }
    for (const demo of demos) {
      const value = valueOf(demo, dimension);
      if (value === undefined) continue;
      const row = rowOf(value);
      row.demosHeld += 1;
      for (const person of demo.presenters) tally(row.demosHeldByPerson, person);
    }
    for (const row of rows.values()) {
      row.firstPassRate = firstPassRate(row.counters);
      row.averageDaysPerStage = averageDaysPerStage(row.counters);
    }
    return [...rows.values()].sort((a, b) => a.value.localeCompare(b.value));
  }
}

/** The live report, or the one the read models gave at an instant, replayed from the log. */
@Injectable()
export class PeriodReports {
  constructor(
    private readonly live: PeriodReport,
    private readonly past: ReadModelsAsOf,
  ) {}

  async at(asOf?: Date): Promise<PeriodReport> {
    return asOf ? new PeriodReport(await this.past.build(asOf, [monthlyStatisticsProjection, stageHistoryProjection])) : this.live;
  }
}
