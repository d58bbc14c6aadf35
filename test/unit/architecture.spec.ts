import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const DRIVERS = ['better-sqlite3', 'mongodb', '@eventstore/db-client', 'mingo'];
/** Libraries of pure functions over data, fit for the domain: the public-holiday calendar. */
const PURE_LIBRARIES = ['chinese-days'];
const ADAPTER_DIRS = ['src/event-store/sqlite', 'src/event-store/eventstoredb', 'src/read-store/embedded', 'src/read-store/mongodb'];

function sources(dir: string, extensions = ['.ts']): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name), extensions) : extensions.some((extension) => entry.name.endsWith(extension)) ? [join(dir, entry.name)] : [],
  );
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);

const isPackage = (specifier: string, name: string) => specifier === name || specifier.startsWith(`${name}/`);

describe('architecture rules', () => {
  it('imports database drivers only inside the store adapters', () => {
    const offenders = [...sources('src'), ...sources('projections')]
      .filter((file) => !ADAPTER_DIRS.some((dir) => relative(dir, file).split('/')[0] !== '..'))
      .flatMap((file) => importsOf(file).filter((s) => DRIVERS.some((d) => isPackage(s, d))).map((s) => `${file}: ${s}`));
    expect(offenders).toEqual([]);
  });

  it('keeps src/application below the read models: queries live beside their read model in projections/', () => {
    const offenders = sources('src/application').flatMap((file) =>
      importsOf(file).filter((s) => s.startsWith('.') && relative('projections', resolve(dirname(file), s)).split('/')[0] !== '..').map((s) => `${file}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the domain free of Nest and of I/O', () => {
    // the domain imports its own files and pure data libraries only: no @nestjs/*, no node:*, no driver
    const offenders = sources('src/domain').flatMap((file) =>
      importsOf(file).filter((s) => !s.startsWith('.') && !PURE_LIBRARIES.includes(s)).map((s) => `${file}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('builds the upcaster registry in one module only, so every reader of the log upcasts alike', () => {
    const building = ['src', 'projections', 'bench'].flatMap((dir) => sources(dir, ['.ts', '.mjs'])).filter((file) => /\bUpcasterRegistry\s*\(/.test(readFileSync(file, 'utf8')));
    expect(building).toEqual(['src/event-store/project-upcasters.ts']);
  });

  it('opens an event store adapter only through openEventStore, in the service and the projector', () => {
    const opening = [...sources('src'), ...sources('projections')].filter((file) =>
      /\b(SqliteEventStore|EventStoreDbEventStore|InMemoryEventStore)\s*\(/.test(readFileSync(file, 'utf8')),
    );
    expect(opening).toEqual(['src/event-store/open-event-store.ts']);
  });

  it('finds the imports it checks', () => {
    expect(importsOf('src/event-store/sqlite/sqlite.event-store.ts')).toContain('better-sqlite3');
  });
});
