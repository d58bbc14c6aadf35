import { UnreadableEventError } from './event-store.errors.js';

/** Turns the data of one event type from schema version `from` into version `from + 1`. Pure. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface UpcasterDefinition {
  type: string;
  fromVersion: number;
  upcast: Upcaster;
}

/** Where an event sits in the log, for the refusal of one this code cannot read. */
export interface EventLocation {
  stream: string;
  revision: number;
  position: string;
}

/**
 * Old event shapes are upgraded on read, one version at a time, to the version the code writes;
 * stored events are never edited. Built once, whole: a chain with a gap is refused here, at start,
 * and an event stored at a version newer than the code knows is refused on read, never folded.
 */
export class UpcasterRegistry {
  private readonly current: ReadonlyMap<string, number>;
  private readonly steps = new Map<string, Upcaster>();

  constructor(currentVersions: Readonly<Record<string, number>>, definitions: readonly UpcasterDefinition[]) {
    this.current = new Map(Object.entries(currentVersions));
    for (const [type, version] of this.current) {
      if (!Number.isInteger(version) || version < 1) throw new Error(`${type}: schema version ${version} is not a positive integer`);
    }
    for (const { type, fromVersion, upcast } of definitions) {
      const current = this.current.get(type);
      if (current === undefined) throw new Error(`an upcaster for ${type}, which has no schema version`);
      if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion >= current) {
        throw new Error(`the upcaster ${type}@${fromVersion} does not lead to ${type}'s version ${current}`);
      }
      const key = `${type}@${fromVersion}`;
      if (this.steps.has(key)) throw new Error(`an upcaster for ${key} is already registered`);
      this.steps.set(key, upcast);
    }
    for (const [type, current] of this.current) {
      for (let version = 1; version < current; version += 1) {
        if (!this.steps.has(`${type}@${version}`)) {
          throw new Error(`${type} is at version ${current} but has no upcaster from version ${version}: an event stored at ${version} could not be read`);
        }
      }
    }
  }

  /** A type the registry does not version is read as stored; `where` names the event in a refusal. */
  upcast(type: string, schemaVersion: number, data: Record<string, unknown>, where: EventLocation) {
    const current = this.current.get(type);
    if (current === undefined || schemaVersion === current) return { schemaVersion, data };
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
      throw new UnreadableEventError(type, schemaVersion, current, where);
    }
    let upcast = data;
    for (let version = schemaVersion; version < current; version += 1) upcast = this.steps.get(`${type}@${version}`)!(upcast);
    return { schemaVersion: current, data: upcast };
  }
}
