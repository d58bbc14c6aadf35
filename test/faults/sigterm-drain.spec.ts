import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PIPELINE_CARDS } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { PROJECTIONS } from '../../projections/projections.js';
import { checkpointKey } from '../../projections/runtime/projection.js';
import { TokenService } from '../../src/auth/token.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { closedPort } from '../support/closed-port.js';
import { cny } from '../support/psm-app.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const JWT_SECRET = 'a-test-secret-of-at-least-32-characters!';
const CLIENTS = 16;
const ACKS_BEFORE_SIGTERM = 60;
const REGISTER = 'mutation($input: RegisterLeadInput!) { registerLead(input: $input) { projectId revision } }';

describe('SIGTERM to the API process during a burst of commands', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync('dist/src/main.js')) throw new Error('run `npm run build` first (npm test does)');
    dir = mkdtempSync(join(tmpdir(), 'psm-sigterm-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers what is in flight, loses no acknowledged command, checkpoints every read model at the log head and exits 0', async () => {
    const port = await closedPort();
    const env = { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JWT_SECRET };
    const child = spawn(process.execPath, ['dist/src/main.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 500 && !(await fetch(`${url}/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 20));

    const token = new TokenService(loadConfig(env)).sign({ userId: 'am-li', roles: ['ACCOUNT_MANAGER'] });
    const acknowledged: string[] = [];
    const otherAnswers = new Set<string>();
    let signalled = false;
    const client = async () => {
      for (;;) {
        const commandId = randomUUID();
        const input = { commandId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'cells', channel: 'WEB', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL' };
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: REGISTER, variables: { input } }),
        }).catch(() => undefined);
        // refused connection or 503: the service is stopping, and says so
        if (!response || response.status === 503) return;
        const body = (await response.json()) as { data?: { registerLead?: unknown } };
        if (body.data?.registerLead) acknowledged.push(commandId);
        else otherAnswers.add(JSON.stringify(body));
        if (acknowledged.length >= ACKS_BEFORE_SIGTERM && !signalled) {
          signalled = true;
          child.kill('SIGTERM');
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const hung = setTimeout(() => child.kill('SIGKILL'), 15_000);
    // a stop that hangs is killed: exit code null
    expect(await exited).toBe(0);
    clearTimeout(hung);
    expect([...otherAnswers]).toEqual([]);

    const events = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
    const log = await events.readAll({ limit: 1_000_000 });
    const head = (await events.head())!.position;
    await events.close();
    const inLog = new Set(log.map((event) => event.metadata.commandId));
    expect(acknowledged.filter((commandId) => !inLog.has(commandId))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_SIGTERM);

    const reads = new Database(join(dir, 'read.db'), { readonly: true });
    const checkpoints = reads.prepare('SELECT projection, position FROM checkpoints ORDER BY projection').all();
    const cards = reads.prepare('SELECT COUNT(*) FROM documents WHERE collection = ?').pluck().get(PIPELINE_CARDS);
    reads.close();
    expect(checkpoints).toEqual(PROJECTIONS.map((projection) => ({ projection: checkpointKey(projection), position: head })).sort((a, b) => a.projection.localeCompare(b.projection)));
    expect(cards).toBe(new Set(log.map((event) => event.stream)).size);
  });
});
