import { EVENT_VERSIONS, PROJECT_UPCASTERS } from '../domain/project/event-versions.js';
import { STANDARD_SOLUTION_EVENT_VERSIONS } from '../domain/catalogue/standard-solution.js';
import { MONTHLY_REPORT_EVENT_VERSIONS } from '../domain/reports/monthly-report.js';
import { QUARTERLY_ANALYSIS_EVENT_VERSIONS } from '../domain/reports/quarterly-analysis.js';
import { UpcasterRegistry } from './upcasters.js';

/** The one registry every reader of the log (projects, the catalogue of standard solutions, the management reports) opens its event store with: no two readers upcast apart. */
export const projectUpcasters = new UpcasterRegistry({ ...EVENT_VERSIONS, ...STANDARD_SOLUTION_EVENT_VERSIONS, ...MONTHLY_REPORT_EVENT_VERSIONS, ...QUARTERLY_ANALYSIS_EVENT_VERSIONS }, PROJECT_UPCASTERS);
