import { EVENT_VERSIONS, PROJECT_UPCASTERS } from '../domain/project/event-versions.js';
import { UpcasterRegistry } from './upcasters.js';

/** The one registry every reader of the project log opens its event store with: no two readers upcast apart. */
export const projectUpcasters = new UpcasterRegistry(EVENT_VERSIONS, PROJECT_UPCASTERS);
