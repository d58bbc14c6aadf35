import { occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { DEADLINE_EVENT_TYPES, deadlinesStartedBy } from '../../src/domain/project/deadlines-of-events.js';
import { stageEnteredBy } from '../../src/domain/project/stage-of.js';
import { CLOSED_STAGES } from '../../src/domain/project/state.js';
import { ACCESS_EVENT_TYPES, accessUpdate } from '../project-access-fields.js';
import type { Projection } from '../runtime/projection.js';

export const PROJECT_SUMMARIES = 'project_summaries';

/** Who may see a project, its close, its summary's clock and its summary: the events the knowledge base folds. */
const SUMMARIZED = new Set<string>([...ACCESS_EVENT_TYPES, ...DEADLINE_EVENT_TYPES, 'ProjectSummarized']);

/**
 * 项目总结 as knowledge (S4 第六步 "總結內容將進入企業知識庫"): a document per project, searchable once
 * `summarized`, with its customer, product line, outcome and reasons, the report, its lessons, the
 * meeting's people and day, when the summary was due and when it was written.
 */
export const projectSummariesProjection: Projection = {
  name: 'project-summaries',
  // estimated, not measured: a document upserted per event it folds, as the board does for every event
  rebuildCost: 1.5,
  eventTypes: [...SUMMARIZED],
  collections: [{
    name: PROJECT_SUMMARIES,
    indexes: [
      { name: 'by_summarized_product_line', key: { summarized: 1, productLine: 1 } },
      { name: 'by_member', key: { members: 1 } },
      { name: 'by_business_unit', key: { businessUnit: 1 } },
    ],
  }],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId || !SUMMARIZED.has(stored.type)) return [];
    const event = toDomainEvent(stored);
    const at = occurredAt(stored);
    const update = accessUpdate(stored, event);
    const set = update.$set;
    if (event.type === 'LeadRegistered') Object.assign(set, { projectId, summarized: false });
    const stage = stageEnteredBy(event);
    if (stage && CLOSED_STAGES.includes(stage)) set.closedAt = at;
    const clock = deadlinesStartedBy(event).find((deadline) => deadline.kind === 'SUMMARY');
    if (clock) set.dueAt = clock.dueAt;
    if (event.type === 'ProjectSummarized') {
      const { outcome, reasons, text, participants, meetingOn, lessons } = event.data;
      Object.assign(set, { summarized: true, summarizedAt: at, outcome, reasons, text, participants, meetingOn: meetingOn ?? null, lessons: lessons ?? null });
    }
    return [{ collection: PROJECT_SUMMARIES, updateOne: { filter: { _id: projectId }, update, upsert: true } }];
  },
};
