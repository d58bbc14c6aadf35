import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash } from '../../src/application/audit/event-chain.js';
import { ProjectAudit } from '../../src/application/audit/project-audit.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { seed } from '../support/demo-world.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

/** Tampering done to the SQLite file behind the service's back, then found by recomputing the chain. */
describe('tamper evidence on the SQLite event store', () => {
  let dir: string;
  let projectId: string;
  let ids: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'psm-tamper-'));
    const store = new SqliteEventStore(join(dir, 'pristine.db'), projectUpcasters);
    await seed(store, { projects: 6, months: 6, seed: 3, end: new Date('2026-11-01T00:00:00Z') });
    await store.close();
    const db = new Database(join(dir, 'pristine.db'), { readonly: true });
    const stream = db.prepare('SELECT stream FROM events GROUP BY stream ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as string;
    ids = db.prepare('SELECT id FROM events WHERE stream = ? ORDER BY revision').pluck().all(stream) as string[];
    db.close();
    projectId = stream.slice('project-'.length);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the pristine file, changed by `tamper`, then verified through the store as the service opens it. */
  async function verifyAfter(name: string, tamper: (db: Database.Database, stream: string) => void) {
    const file = join(dir, `${name}.db`);
    copyFileSync(join(dir, 'pristine.db'), file);
    const db = new Database(file);
    tamper(db, `project-${projectId}`);
    db.close();
    const store = new SqliteEventStore(file, projectUpcasters);
    try {
      return await new ProjectAudit(store).verify(projectId);
    } finally {
      await store.close();
    }
  }

  it('an untouched project verifies intact', async () => {
    expect(await verifyAfter('untouched', () => undefined)).toMatchObject({ status: 'INTACT', events: ids.length, unchained: 0 });
    expect(ids.length).toBeGreaterThan(10);
  });

  it('one altered event is named: its revision, id and type', async () => {
    const result = await verifyAfter('altered', (db, stream) =>
      db.prepare(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE stream = ? AND revision = 5`).run(stream));
    expect(result.status).toBe('BROKEN');
    expect(result.firstBreak).toMatchObject({ revision: 5, eventId: ids[5], reason: 'CONTENT_ALTERED' });
  });

  it('an altered actor in the metadata is found too', async () => {
    const result = await verifyAfter('actor', (db, stream) =>
      db.prepare(`UPDATE events SET metadata = json_set(metadata, '$.actor.userId', 'someone-else') WHERE stream = ? AND revision = 2`).run(stream));
    expect(result.firstBreak).toMatchObject({ revision: 2, eventId: ids[2], reason: 'CONTENT_ALTERED' });
  });

  it('a removed event is detected where the gap is', async () => {
    const result = await verifyAfter('removed', (db, stream) => db.prepare('DELETE FROM events WHERE stream = ? AND revision = 4').run(stream));
    expect(result.firstBreak).toMatchObject({ revision: 5, eventId: ids[5], reason: 'REVISION_GAP' });
  });

  it('a removed event whose successors were renumbered is detected', async () => {
    const result = await verifyAfter('renumbered', (db, stream) => {
      db.prepare('DELETE FROM events WHERE stream = ? AND revision = 4').run(stream);
      db.prepare('UPDATE events SET revision = revision - 1 WHERE stream = ? AND revision > 4').run(stream);
    });
    expect(result.firstBreak).toMatchObject({ revision: 4, eventId: ids[5], reason: 'CONTENT_ALTERED' });
  });

  it('two events swapped in order are detected at the first of them', async () => {
    const result = await verifyAfter('reordered', (db, stream) => {
      const move = db.prepare('UPDATE events SET revision = ? WHERE stream = ? AND revision = ?');
      move.run(-1, stream, 6);
      move.run(6, stream, 7);
      move.run(7, stream, -1);
    });
    expect(result.firstBreak).toMatchObject({ revision: 6, eventId: ids[7], reason: 'CONTENT_ALTERED' });
  });

  it('a recomputed hash does not hide an alteration: the next event still links to the original', async () => {
    const result = await verifyAfter('rehashed', (db, stream) => {
      const row = db.prepare('SELECT * FROM events WHERE stream = ? AND revision = 3').get(stream) as { id: string; type: string; data: string; metadata: string };
      const metadata = JSON.parse(row.metadata);
      const data = { ...JSON.parse(row.data), tampered: true };
      metadata.hash = eventHash({ stream, revision: 3, id: row.id, type: row.type, data, metadata }, metadata.previousHash);
      db.prepare('UPDATE events SET data = ?, metadata = ? WHERE id = ?').run(JSON.stringify(data), JSON.stringify(metadata), row.id);
    });
    expect(result.firstBreak).toMatchObject({ revision: 4, eventId: ids[4], reason: 'BROKEN_LINK' });
  });
});
