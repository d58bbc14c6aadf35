import { managementReportsProjection } from './management-reports/management-reports.projection.js';
import { monthlyStatisticsProjection } from './monthly-statistics/monthly-statistics.projection.js';
import { myWorkProjection } from './my-work/my-work.projection.js';
import { presalesKpisProjection } from './presales-kpis/presales-kpis.projection.js';
import { pipelineBoardProjection } from './pipeline-board/pipeline-board.projection.js';
import { projectSummariesProjection } from './project-summaries/project-summaries.projection.js';
import type { Projection } from './runtime/projection.js';
import { standardSolutionsProjection } from './standard-solutions/standard-solutions.projection.js';
import { stageHistoryProjection } from './stage-history/stage-history.projection.js';
import { trackingTableProjection } from './tracking-table/tracking-table.projection.js';
import { winLossProjection } from './win-loss/win-loss.projection.js';

/** Every read model the projector keeps. */
export const PROJECTIONS: Projection[] = [
  pipelineBoardProjection,
  stageHistoryProjection,
  monthlyStatisticsProjection,
  winLossProjection,
  myWorkProjection,
  trackingTableProjection,
  projectSummariesProjection,
  standardSolutionsProjection,
  managementReportsProjection,
  presalesKpisProjection,
];
