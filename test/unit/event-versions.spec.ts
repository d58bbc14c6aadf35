import { EVENT_VERSIONS, PROJECT_UPCASTERS } from '../../src/domain/project/event-versions.js';
import type { ProjectEventType } from '../../src/domain/project/events.js';
import { UnreadableEventError } from '../../src/event-store/event-store.errors.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { UpcasterRegistry, type UpcasterDefinition } from '../../src/event-store/upcasters.js';

const where = { stream: 'project-p1', revision: 4, position: '17' };
const rename = (fromVersion: number, from: string, to: string): UpcasterDefinition => ({
  type: 'NoteAdded',
  fromVersion,
  upcast: ({ [from]: value, ...rest }) => ({ ...rest, [to]: value }),
});

describe('schema versions of the project log', () => {
  it('reaches, for every event type, from each older version, the version the command handler writes it at', () => {
    const types = Object.keys(EVENT_VERSIONS) as ProjectEventType[];
    const reached = types.flatMap((type) =>
      Array.from({ length: EVENT_VERSIONS[type] - 1 }, (_, index) => [type, index + 1, projectUpcasters.upcast(type, index + 1, {}, where).schemaVersion]),
    );
    expect(reached).toEqual(types.flatMap((type) => Array.from({ length: EVENT_VERSIONS[type] - 1 }, (_, index) => [type, index + 1, EVENT_VERSIONS[type]])));
    // the one registry is built from these two lists, and building it refuses a gap
    expect(() => new UpcasterRegistry(EVENT_VERSIONS, PROJECT_UPCASTERS)).not.toThrow();
  });

  it('reads an event at the current version as stored, and one of a type without a version as stored', () => {
    const data = { note: 'x' };
    expect(projectUpcasters.upcast('TrackingNoteAdded', EVENT_VERSIONS.TrackingNoteAdded, data, where).data).toBe(data);
    expect(projectUpcasters.upcast('SomethingElse', 7, data, where)).toEqual({ schemaVersion: 7, data });
  });
});

describe('the upcaster registry', () => {
  it('upcasts one version at a time, in order, up to the current version', () => {
    const registry = new UpcasterRegistry({ NoteAdded: 3 }, [rename(2, 'text', 'body'), rename(1, 'note', 'text')]);
    expect(registry.upcast('NoteAdded', 1, { note: 'x' }, where)).toEqual({ schemaVersion: 3, data: { body: 'x' } });
    expect(registry.upcast('NoteAdded', 2, { text: 'y' }, where)).toEqual({ schemaVersion: 3, data: { body: 'y' } });
  });

  it('is refused when a version has no upcaster to the next: the chain would stop short of the current version', () => {
    expect(() => new UpcasterRegistry({ NoteAdded: 3 }, [rename(1, 'note', 'text')])).toThrow(
      'NoteAdded is at version 3 but has no upcaster from version 2: an event stored at 2 could not be read',
    );
    expect(() => new UpcasterRegistry({ NoteAdded: 2 }, [])).toThrow('NoteAdded is at version 2 but has no upcaster from version 1');
  });

  it('is refused with an upcaster that leads past the current version, twice for one step, or for a type without a version', () => {
    expect(() => new UpcasterRegistry({ NoteAdded: 2 }, [rename(1, 'a', 'b'), rename(2, 'b', 'c')])).toThrow("the upcaster NoteAdded@2 does not lead to NoteAdded's version 2");
    expect(() => new UpcasterRegistry({ NoteAdded: 2 }, [rename(1, 'a', 'b'), rename(1, 'a', 'c')])).toThrow('an upcaster for NoteAdded@1 is already registered');
    expect(() => new UpcasterRegistry({}, [rename(1, 'a', 'b')])).toThrow('an upcaster for NoteAdded, which has no schema version');
    expect(() => new UpcasterRegistry({ NoteAdded: 0 }, [])).toThrow('NoteAdded: schema version 0 is not a positive integer');
  });

  it('refuses an event stored at a version newer than the code knows, or at no version, naming where it is', () => {
    const registry = new UpcasterRegistry({ NoteAdded: 2 }, [rename(1, 'note', 'text')]);
    const newer = () => registry.upcast('NoteAdded', 3, { body: 'x' }, where);
    expect(newer).toThrow(UnreadableEventError);
    expect(newer).toThrow('NoteAdded at project-p1 revision 4 is stored at schema version 3, and this release reads NoteAdded up to version 2: run the release that wrote it');
    expect(() => registry.upcast('NoteAdded', undefined as unknown as number, {}, where)).toThrow('is stored at schema version undefined');
    expect(() => registry.upcast('NoteAdded', 0, {}, where)).toThrow(UnreadableEventError);
  });
});
