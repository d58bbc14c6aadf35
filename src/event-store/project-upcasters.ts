import { EVENT_VERSIONS, PROJECT_UPCASTERS } from '../domain/project/event-versions.js';
import { STANDARD_SOLUTION_EVENT_VERSIONS } from '../domain/catalogue/standard-solution.js';
import { UpcasterRegistry } from './upcasters.js';

/** The one registry every reader of the log (projects and the catalogue of standard solutions) opens its event store with: no two readers upcast apart. */
export const projectUpcasters = new UpcasterRegistry({ ...EVENT_VERSIONS, ...STANDARD_SOLUTION_EVENT_VERSIONS }, PROJECT_UPCASTERS);
