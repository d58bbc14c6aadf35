import type { EventMetadata, Position, StoredEvent } from './event-store.port.js';
import type { UpcasterRegistry } from './upcasters.js';

/** An event as an adapter keeps it: JSON text, exactly as written. */
export interface RawEvent {
  id: string;
  stream: string;
  revision: number;
  position: Position;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
}

export const serialize = (value: Record<string, unknown>): string => JSON.stringify(value);

/** Parses what was stored and upcasts it to the current schema version; without upcasters (asStored), leaves it as stored. */
export function deserialize(raw: RawEvent, upcasters: UpcasterRegistry | undefined): StoredEvent {
  const metadata = JSON.parse(raw.metadata) as EventMetadata;
  const stored = JSON.parse(raw.data) as Record<string, unknown>;
  const { schemaVersion, data } = upcasters ? upcasters.upcast(raw.type, metadata.schemaVersion, stored, raw) : { schemaVersion: metadata.schemaVersion, data: stored };
  // set on the parsed object, not spread into a new one: an object a spread begins gets a shape of its own, slow to make and to read
  metadata.schemaVersion = schemaVersion;
  return {
    id: raw.id,
    stream: raw.stream,
    revision: raw.revision,
    position: raw.position,
    type: raw.type,
    data,
    metadata,
    recordedAt: raw.recordedAt,
  };
}
