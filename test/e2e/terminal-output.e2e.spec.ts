import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { cny, PsmApp } from '../support/psm-app.js';
import { storeAlteredCopy } from '../support/stored-before-a-rule.js';

const PROBE_NAME = 'Li\u001b]0;PWNED-TITLE\u0007\u001b[2J\u001b[31mFAKE-ROW';
const PROBE_SUB = 'am-\u001b[8mhidden';
/** What a terminal obeys or hides instead of showing: escapes, bells, bidi overrides, zero-width characters. */
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/u;

const cli = (dataDir: string, script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`dist/src/audit/${script}`, ...args], { env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: 'utf8' });

/** Review finding 8: a token's name and sub, stored with an event, were printed raw by `npm run replay`. */
describe('the audit CLIs show stored text, never hand it to the terminal', () => {
  let psm: PsmApp;
  let projectId: string;
  beforeAll(async () => {
    psm = await PsmApp.start();
    const template = randomUUID();
    const { errors } = await psm.as('am-a1', 'ACCOUNT_MANAGER').do('registerLead', {
      projectId: template, title: 'welding line', customer: 'c', contact: { name: 'n' }, need: 'n', channel: 'WEB',
      estimatedAmount: cny(1_000), region: 'EAST', productLine: 'ROBOT_CELL',
    });
    expect(errors).toBeUndefined();
    // stored before tokens' claims and titles were held to the text rules
    projectId = await storeAlteredCopy(psm.app.get<EventStore>(EVENT_STORE), template, (event) => ({
      ...event,
      data: { ...event.data, title: 'invoice\u202Efdp.exe', ownerId: PROBE_SUB },
      metadata: { ...event.metadata, actor: { userId: PROBE_SUB, name: PROBE_NAME, roles: ['ACCOUNT_MANAGER'] } },
    }));
  });
  afterAll(() => psm.stop());

  it('replay prints the probe’s name and sub escaped (\\u001b), in the table and as JSON', () => {
    const table = cli(psm.dir, 'replay.cli.js', projectId);
    expect(table.status).toBe(0);
    expect(table.stdout).not.toMatch(OBEYED);
    expect(table.stdout).toContain('Li\\u001b]0;PWNED-TITLE\\u0007\\u001b[2J\\u001b[31mFAKE-ROW am-\\u001b[8mhidden (ACCOUNT_MANAGER)');
    expect(table.stdout).toContain('invoice\\u202efdp.exe');

    const json = cli(psm.dir, 'replay.cli.js', projectId, '--json');
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(OBEYED);
    // still JSON, and still the very text stored
    const [entry] = JSON.parse(json.stdout).entries;
    expect(entry.actor).toMatchObject({ userId: PROBE_SUB, name: PROBE_NAME });
    expect(entry.payload.title).toBe('invoice\u202Efdp.exe');
  });

  it('replay and verify escape what they echo of their arguments and files', () => {
    const missing = cli(psm.dir, 'replay.cli.js', '\u001b[2Jnot-a-project');
    expect(missing.stderr).not.toMatch(OBEYED);
    const archive = join(psm.dir, 'archive.json');
    writeFileSync(archive, JSON.stringify({ projectId: `${randomUUID()}\u001b[2J\u202E`, events: [] }));
    const verified = cli(psm.dir, 'verify.cli.js', '--file', archive);
    expect(verified.stdout).toContain('\\u001b[2J\\u202e');
    expect(verified.stdout).not.toMatch(OBEYED);
  });
});
