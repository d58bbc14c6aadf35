import { occurredAt } from '../../src/application/project-event-metadata.js';
import { toStandardSolutionEvent } from '../../src/application/execute-standard-solution-command.js';
import { STANDARD_SOLUTION_EVENT_VERSIONS, STANDARD_SOLUTION_STREAM_PREFIX } from '../../src/domain/catalogue/standard-solution.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const STANDARD_SOLUTIONS = 'standard_solutions';

/**
 * 标准方案库: one document per catalogue entry, with every version and the one in force. A later event
 * changes it only if it is newer than the revision the document holds, so a redelivered one changes nothing.
 */
export const standardSolutionsProjection: Projection = {
  name: 'standard-solutions',
  eventTypes: Object.keys(STANDARD_SOLUTION_EVENT_VERSIONS),
  rebuildCost: 0.05,
  collections: [{ name: STANDARD_SOLUTIONS, indexes: [{ name: 'by_product_line', key: { productLine: 1, status: 1 } }] }],
  project(stored): Change[] {
    if (!stored.stream.startsWith(STANDARD_SOLUTION_STREAM_PREFIX)) return [];
    const entryId = stored.stream.slice(STANDARD_SOLUTION_STREAM_PREFIX.length);
    const event = toStandardSolutionEvent(stored);
    const at = occurredAt(stored);
    const newer = { _id: entryId, revision: { $lt: stored.revision } };
    switch (event.type) {
      case 'StandardSolutionPublished': {
        const { name, productLine, ...version } = event.data;
        const published = { ...version, publishedAt: at };
        return [{
          collection: STANDARD_SOLUTIONS,
          replaceOne: {
            filter: { _id: entryId },
            replacement: { _id: entryId, entryId, name, productLine, status: 'PUBLISHED', revision: stored.revision, inForce: published, versions: [published], publishedAt: at, updatedAt: at },
            upsert: true,
          },
        }];
      }
      case 'StandardSolutionRevised': {
        const published = { ...event.data, publishedAt: at };
        return [{ collection: STANDARD_SOLUTIONS, updateOne: { filter: newer, update: { $set: { revision: stored.revision, inForce: published, updatedAt: at }, $push: { versions: published } } } }];
      }
      case 'StandardSolutionWithdrawn':
        return [{ collection: STANDARD_SOLUTIONS, updateOne: { filter: newer, update: { $set: { revision: stored.revision, status: 'WITHDRAWN', withdrawal: { ...event.data, withdrawnAt: at }, updatedAt: at } } } }];
      default:
        return [];
    }
  },
};
