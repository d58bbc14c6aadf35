import { occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { stageEnteredBy } from '../../src/domain/project/stage-of.js';
import { CLOSED_STAGES } from '../../src/domain/project/state.js';
import { ACCESS_EVENT_TYPES, accessUpdate } from '../project-access-fields.js';
import type { Projection } from '../runtime/projection.js';

export const TRACKING_ROWS = 'tracking_rows';

/** Who may see a project, its stage, and its tracking: the events the table folds. */
const TRACKED = new Set<string>([...ACCESS_EVENT_TYPES, 'TrackingNoteAdded', 'WeeklyTrackingReported', 'ChallengeRaised', 'ChallengeAnswered']);

/**
 * 项目跟踪表 (S3 L51-55): a row per project with its latest contact, the next action that contact named
 * and its date (a later note replaces both; a note naming none leaves none), the tracking notes counted,
 * the last week reported to the supervisor and the challenges waiting for an answer.
 */
export const trackingTableProjection: Projection = {
  name: 'tracking-table',
  // estimated, not measured: a document upserted per event it folds, as the board does for every event
  rebuildCost: 1.5,
  eventTypes: [...TRACKED],
  collections: [{
    name: TRACKING_ROWS,
    indexes: [
      { name: 'by_open_region_owner', key: { open: 1, region: 1, ownerId: 1 } },
      { name: 'by_member', key: { members: 1 } },
      { name: 'by_business_unit', key: { businessUnit: 1 } },
    ],
  }],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId || !TRACKED.has(stored.type)) return [];
    const event = toDomainEvent(stored);
    const at = occurredAt(stored);
    const update = accessUpdate(stored, event);
    const set = update.$set;
    switch (event.type) {
      case 'LeadRegistered':
        Object.assign(set, { projectId, notes: 0, openChallenges: 0, lastContact: null, nextAction: null, nextActionOn: null });
        break;
      case 'TrackingNoteAdded': {
        const { kind, note, place, customerFeedback, nextAction, nextActionOn } = event.data;
        const contactedOn = event.data.contactedOn ?? shanghaiDate(new Date(at));
        Object.assign(set, { lastContact: { kind, contactedOn, note, place: place ?? null, customerFeedback: customerFeedback ?? null }, nextAction: nextAction ?? null, nextActionOn: nextActionOn ?? null });
        update.$inc = { notes: 1 };
        break;
      }
      // absent until the first week is reported: $max over a null would keep the null in the embedded store
      case 'WeeklyTrackingReported':
        update.$max = { lastWeekReported: event.data.weekStartingOn };
        break;
      case 'ChallengeRaised':
        update.$inc = { openChallenges: 1 };
        break;
      case 'ChallengeAnswered':
        update.$inc = { openChallenges: -1 };
        break;
    }
    const stage = stageEnteredBy(event);
    if (stage) Object.assign(set, { stage, open: !CLOSED_STAGES.includes(stage) });
    return [{ collection: TRACKING_ROWS, updateOne: { filter: { _id: projectId }, update, upsert: true } }];
  },
};
