import { Inject, Injectable } from '@nestjs/common';
import type { Figure } from '../../src/domain/reports/figures.js';
import type { FrozenFigures } from '../../src/domain/reports/monthly-report.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { READ_STORE, type ReadStore } from '../../src/read-store/read-store.port.js';
import { checkpointKey } from '../runtime/projection.js';
import { stageHistoryProjection } from '../stage-history/stage-history.projection.js';
import { monthlyStatisticsProjection } from './monthly-statistics.projection.js';
import { type PeriodReport, type PeriodRow } from './period-report.js';

const keyed = (name: string, counts: Record<string, number>): Figure[] => Object.entries(counts).map(([key, value]) => ({ figure: `${name}.${key}`, value }));

/**
 * A period's whole-unit row as the figures a report freezes, each by its path: every counter (the first-review parts
 * too, so a quarter's rate can be recomputed), every breakdown by key, the first-pass rate and the average days.
 */
export function figuresOf(row: PeriodRow): Figure[] {
  const { stageDays: _days, stageIntervals: _intervals, leadsByChannel, approvalsByClass, lossesByReason, ...scalars } = row.counters;
  return [
    ...Object.entries(scalars).map(([figure, value]) => ({ figure, value })),
    ...keyed('leadsByChannel', leadsByChannel), ...keyed('approvalsByClass', approvalsByClass), ...keyed('lossesByReason', lossesByReason),
    ...keyed('terminationsByReason', row.terminationsByReason),
    { figure: 'overdueSteps', value: row.overdueSteps }, ...keyed('overdueByKind', row.overdueByKind), ...keyed('overdueByPerson', row.overdueByPerson),
    { figure: 'demosHeld', value: row.demosHeld }, ...keyed('demosHeldByPerson', row.demosHeldByPerson),
    ...row.averageDaysPerStage.map(({ stage, averageDays }) => ({ figure: `averageDaysPerStage.${stage}`, value: averageDays })),
    ...(row.firstPassRate === null ? [] : [{ figure: 'firstPassRate', value: row.firstPassRate }]),
  ].sort((a, b) => a.figure.localeCompare(b.figure));
}

/** What the read side says of a run of months for a business unit, as figures, with the overdue steps counted as of `at`. */
export async function periodFigures(report: PeriodReport, months: string[], businessUnit: string | null, at: Date): Promise<Figure[]> {
  return figuresOf((await report.rows(months, 'all', businessUnit, at))[0] ?? report.emptyRow());
}

/** The figures a monthly report freezes: the live read models' now, with the log position they had both folded in by then. */
@Injectable()
export class MonthFigures {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async now(report: PeriodReport, month: string, businessUnit: string | null, readAt: Date): Promise<FrozenFigures> {
    // read before the figures: they include every event up to it, and perhaps a few after
    const checkpoints = await Promise.all([monthlyStatisticsProjection, stageHistoryProjection].map((projection) => this.reads.checkpoint(checkpointKey(projection))));
    const position = checkpoints.includes(undefined) ? null : (checkpoints as string[]).reduce((a, b) => (this.events.comparePositions(a, b) <= 0 ? a : b));
    return { figures: await periodFigures(report, [month], businessUnit, readAt), readAt: readAt.toISOString(), position };
  }
}
