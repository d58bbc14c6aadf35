import type { Projection } from '../runtime/projection.js';

export const STREAMS = 'streams';

/** The catalogue of streams: one document per project stream, with its last revision and event. */
export const streamsProjection: Projection = {
  name: 'streams',
  collections: [{ name: STREAMS, indexes: [{ name: 'by_last_recorded', key: { lastRecordedAt: -1 } }] }],
  project: (event) => [
    {
      collection: STREAMS,
      updateOne: {
        filter: { _id: event.stream },
        update: {
          $setOnInsert: { firstRecordedAt: event.recordedAt },
          $set: { revision: event.revision, events: event.revision + 1, lastType: event.type, lastRecordedAt: event.recordedAt },
        },
        upsert: true,
      },
    },
  ],
};
