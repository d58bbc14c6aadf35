import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PIPELINE_CARDS } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { PROJECTIONS } from '../../projections/projections.js';
import { TokenService } from '../../src/auth/token.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { EVENT_VERSIONS } from '../../src/domain/project/event-versions.js';
import type { Role } from '../../src/domain/project/vocabulary.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { closedPort } from '../support/closed-port.js';
import { cny, PsmApp } from '../support/psm-app.js';

const JWT_SECRET = 'a-test-secret-of-at-least-32-characters!';
const TITLE = '焊接机器人工作站';
const CUSTOMER = '苏州精工';
/** What the next release's upcaster makes of a version-1 LeadRegistered: its title names the customer. */
const UPCAST_TITLE = `${CUSTOMER} · ${TITLE}`;

/** The built event-versions module of the next release: LeadRegistered one version up, with its upcaster. */
const NEXT_RELEASE_VERSIONS = `
import { EVENT_VERSIONS as BUILT, PROJECT_UPCASTERS as BUILT_UPCASTERS } from './event-versions.as-built.js';
export const EVENT_VERSIONS = { ...BUILT, LeadRegistered: BUILT.LeadRegistered + 1 };
export const PROJECT_UPCASTERS = [...BUILT_UPCASTERS, {
  type: 'LeadRegistered',
  fromVersion: BUILT.LeadRegistered,
  upcast: (data) => ({ ...data, title: data.customer + ' · ' + data.title }),
}];
`;

const REGISTER = `mutation($input: RegisterLeadInput!) { registerLead(input: $input) { projectId events { type data } } }`;
const HISTORY = 'query($id: ID!) { projectHistory(projectId: $id, limit: 10) { entries { type payload } } }';

/**
 * Every reader of the log reads through the one registry: a release whose only change is an upcaster
 * registered in event-versions.ts (this copy of dist/) shows the upcast shape in its rebuild workers,
 * its projector process, its API (live projector, command handler, audit history) and its audit CLIs.
 */
describe('one upcaster registry for every reader of the log', () => {
  let root: string;
  let data: string;
  let next: string;
  let projectId: string;
  let lead: Record<string, unknown>;
  /** A project the next release registered. */
  let another: string;
  const env = () => ({ PATH: process.env.PATH, DATA_DIR: data, LOG_LEVEL: 'warn', JWT_SECRET });
  const run = (release: string, script: string, ...args: string[]) => spawnSync(process.execPath, [join(release, script), ...args], { env: env(), encoding: 'utf8' });
  const cardTitle = async (id: string) => {
    const reads = new EmbeddedReadStore(join(data, 'read.db'));
    try {
      return (await reads.findOne(PIPELINE_CARDS, { _id: id }))?.title;
    } finally {
      await reads.close();
    }
  };
  const dropReadModels = () => ['read.db', 'read.db-wal', 'read.db-shm'].forEach((file) => rmSync(join(data, file), { force: true }));

  beforeAll(async () => {
    if (!existsSync('dist/src/domain/project/event-versions.js')) throw new Error('run `npm run build` first (npm test does)');
    root = mkdtempSync(join(tmpdir(), 'psm-upcast-'));
    data = join(root, 'data');
    next = join(root, 'next-release');
    cpSync('dist', join(next, 'dist'), { recursive: true });
    symlinkSync(realpathSync('node_modules'), join(next, 'node_modules'));
    writeFileSync(join(next, 'package.json'), '{ "type": "module" }');
    cpSync('policies', join(next, 'policies'), { recursive: true });
    const versions = join(next, 'dist/src/domain/project/event-versions.js');
    renameSync(versions, versions.replace(/\.js$/, '.as-built.js'));
    writeFileSync(versions, NEXT_RELEASE_VERSIONS);

    // a lead registered by this release, stored at LeadRegistered's version now, and projected
    const psm = await PsmApp.start({ DATA_DIR: data, JWT_SECRET });
    projectId = randomUUID();
    lead = { commandId: randomUUID(), projectId, title: TITLE, customer: CUSTOMER, contact: { name: '陈工' }, need: 'welding cells', channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL' };
    const registered = await psm.as('am-li', 'ACCOUNT_MANAGER').do('registerLead', lead);
    expect(registered.errors).toBeUndefined();
    await psm.caughtUp();
    await psm.stop();
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the rebuild, on worker threads, folds the upcast event into the read models', async () => {
    expect(await cardTitle(projectId)).toBe(TITLE);
    const rebuilt = run(next, 'dist/projections/rebuild.cli.js');
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    expect(await cardTitle(projectId)).toBe(UPCAST_TITLE);
  }, 60_000);

  it('the projector process folds the upcast event into read models it starts from scratch', async () => {
    dropReadModels();
    const head = await logHead();
    const projector = spawn(process.execPath, [join(next, 'dist/projections/main.js')], { env: env(), stdio: 'ignore' });
    await until(() => checkpointsAt(head));
    await stopped(projector);
    expect(await cardTitle(projectId)).toBe(UPCAST_TITLE);
  }, 60_000);

  it('the API answers a retried command, the audit history and its live read models with the upcast event, and writes at its own version', async () => {
    dropReadModels();
    const port = await closedPort();
    const api = spawn(process.execPath, [join(next, 'dist/src/main.js')], { env: { ...env(), PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    try {
      await until(() => fetch(`${url}/health`).then((response) => response.ok, () => false));
      const graphql = async (query: string, variables: Record<string, unknown>, userId: string, role: Role) => {
        const token = new TokenService(loadConfig(env())).sign({ userId, roles: [role] });
        const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
        return (await response.json()) as { data?: any; errors?: unknown };
      };
      // the command handler answers a retry with the events it stored, as it reads them now
      const retried = await graphql(REGISTER, { input: lead }, 'am-li', 'ACCOUNT_MANAGER');
      expect(retried.errors).toBeUndefined();
      expect(retried.data.registerLead.events.map((event: { data: { title: string } }) => event.data.title)).toEqual([UPCAST_TITLE]);
      const history = await graphql(HISTORY, { id: projectId }, 'dir-sun', 'SALES_DIRECTOR');
      expect(history.errors).toBeUndefined();
      expect(history.data.projectHistory.entries[0]).toMatchObject({ type: 'LeadRegistered', payload: { title: UPCAST_TITLE } });
      another = randomUUID();
      const written = await graphql(REGISTER, { input: { ...lead, commandId: randomUUID(), projectId: another } }, 'am-li', 'ACCOUNT_MANAGER');
      expect(written.errors).toBeUndefined();
      const head = await logHead();
      await until(() => checkpointsAt(head));
    } finally {
      await stopped(api);
    }
    expect(await cardTitle(projectId)).toBe(UPCAST_TITLE);
    const store = new SqliteEventStore(join(data, 'events.db'), projectUpcasters);
    const [stored] = await store.readStream(`project-${another}`, { asStored: true });
    await store.close();
    expect(stored.metadata.schemaVersion).toBe(EVENT_VERSIONS.LeadRegistered + 1);
  }, 60_000);

  it('the replay CLI shows the upcast event, and the verify CLI finds the chain of what is stored intact', () => {
    const replay = run(next, 'dist/src/audit/replay.cli.js', projectId, '--json');
    expect(replay.stderr).toBe('');
    expect(JSON.parse(replay.stdout).entries[0]).toMatchObject({ type: 'LeadRegistered', payload: { title: UPCAST_TITLE } });
    const verify = run(next, 'dist/src/audit/verify.cli.js', projectId);
    expect(verify.stdout).toContain(`${projectId}  INTACT  1 events`);
    expect(verify.status).toBe(0);
  });

  it('this release refuses the event the next release wrote, naming it, rather than folding it as its own version, and still verifies its chain', () => {
    const replay = run('.', 'dist/src/audit/replay.cli.js', another, '--json');
    expect(replay.stderr).toBe(
      `LeadRegistered at project-${another} revision 0 is stored at schema version ${EVENT_VERSIONS.LeadRegistered + 1}, ` +
        `and this release reads LeadRegistered up to version ${EVENT_VERSIONS.LeadRegistered}: run the release that wrote it\n`,
    );
    expect(replay.status).toBe(1);
    const verify = run('.', 'dist/src/audit/verify.cli.js', another);
    expect(verify.stdout).toContain(`${another}  INTACT  1 events`);
    expect(verify.status).toBe(0);
  });

  async function logHead(): Promise<string> {
    const store = new SqliteEventStore(join(data, 'events.db'), projectUpcasters);
    const head = await store.head();
    await store.close();
    return head!.position;
  }

  /** Every read model's checkpoint in read.db is at `head` (read beside the process writing it). */
  function checkpointsAt(head: string): boolean {
    if (!existsSync(join(data, 'read.db'))) return false;
    const reads = new Database(join(data, 'read.db'), { readonly: true });
    try {
      const positions = reads.prepare('SELECT position FROM checkpoints').pluck().all() as string[];
      return positions.length === PROJECTIONS.length && positions.every((position) => position === head);
    } catch {
      return false;
    } finally {
      reads.close();
    }
  }
});

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached');
}

/** SIGTERM, then the exit: the process writes its read models as it stops. */
async function stopped(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
