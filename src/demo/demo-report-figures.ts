import { pino } from 'pino';
import { MonthFigures, periodFigures } from '../../projections/monthly-statistics/month-figures.js';
import { monthlyStatisticsProjection } from '../../projections/monthly-statistics/monthly-statistics.projection.js';
import { PeriodReport } from '../../projections/monthly-statistics/period-report.js';
import { Projector } from '../../projections/runtime/projector.js';
import { stageHistoryProjection } from '../../projections/stage-history/stage-history.projection.js';
import type { Figure } from '../domain/reports/figures.js';
import type { FrozenFigures } from '../domain/reports/monthly-report.js';
import { monthsOfQuarter } from '../domain/reports/periods.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { EmbeddedReadStore } from '../read-store/embedded/embedded.read-store.js';
import type { ReportFigures } from './demo-reports.js';

/**
 * The read side as the seed goes: the read models the monthly statistics are made of, folded from the log as it is
 * written, so a report prepared at an instant of the history freezes what the service would have shown then.
 */
export class SeedReportFigures implements ReportFigures {
  private readonly reads = new EmbeddedReadStore(':memory:');
  private readonly projector: Projector;

  constructor(private readonly events: EventStore) {
    this.projector = new Projector([monthlyStatisticsProjection, stageHistoryProjection], events, this.reads, pino({ level: 'silent' }));
  }

  start(): Promise<void> {
    return this.projector.start();
  }

  stop(): Promise<void> {
    return this.projector.stop();
  }

  async month(month: string, at: Date): Promise<FrozenFigures> {
    await this.projector.drain();
    return new MonthFigures(this.reads, this.events).now(new PeriodReport(this.reads), month, null, at);
  }

  async quarter(quarter: string, at: Date): Promise<Figure[]> {
    await this.projector.drain();
    return periodFigures(new PeriodReport(this.reads), monthsOfQuarter(quarter), null, at);
  }
}
