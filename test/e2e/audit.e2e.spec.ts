import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectArchive } from '../../src/application/audit/project-audit.js';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

const HISTORY = `query($id: ID!, $from: Int, $limit: Int, $types: [String!]) { projectHistory(projectId: $id, from: $from, limit: $limit, types: $types) {
  headRevision nextFrom entries { revision type label occurredAt recordedAt actor { userId name roles } commandId correlationId payload
  decidedDocument { kind title version sha256 uri filedAt } } } }`;

describe('audit replay over HTTP', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  let won: string;
  const cli = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, [`dist/src/audit/${script}.cli.js`, ...args], { env: { PATH: process.env.PATH, DATA_DIR: psm.dir }, encoding: 'utf8' });

  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
    won = await drive.toDraftedContract();
    await drive.countersignAll(won, 'contract v1');
    await drive.signContract(won, 'contract v1');
  });
  afterAll(() => psm.stop());

  const director = () => psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
  const history = async (variables: Record<string, unknown>, token = director()) => psm.graphql(HISTORY, { id: won, ...variables }, token);

  it('projectHistory lists the events in order, labelled, with actors and the document each countersigner signed', async () => {
    const { data, errors } = await history({ limit: 1000 });
    expect(errors).toBeUndefined();
    const { entries, headRevision, nextFrom } = data.projectHistory;
    expect(entries.map((entry: { revision: number }) => entry.revision)).toEqual([...Array(headRevision + 1).keys()]);
    expect(nextFrom).toBeNull();
    expect(entries[0]).toMatchObject({ type: 'LeadRegistered', label: '信息登记', actor: { userId: 'am-li', name: null, roles: ['ACCOUNT_MANAGER'] } });
    expect(entries[0].commandId).toBe(entries[0].correlationId);
    const countersigns = entries.filter((entry: { type: string }) => entry.type === 'ContractCountersigned');
    expect(countersigns.map((entry: { actor: { userId: string } }) => entry.actor.userId)).toEqual(['am-li', 'mk-zhou', 'gm-qian']);
    for (const entry of countersigns) {
      expect(entry.label).toBe('会签');
      expect(entry.decidedDocument).toMatchObject({ kind: 'CONTRACT', ...docOf('contract v1'), version: '1' });
    }
    expect(entries.at(-1)).toMatchObject({ type: 'ContractSigned', label: '签订合同', payload: { amount: cny(90_000) } });
  });

  it('pages by revision and filters by type', async () => {
    const first = (await history({ limit: 4 })).data.projectHistory;
    const second = (await psm.graphql(HISTORY.replace('from: $from', 'from: $from, to: null'), { id: won, from: first.nextFrom, limit: 4 }, director())).data.projectHistory;
    expect([first.nextFrom, ...second.entries.map((entry: { revision: number }) => entry.revision)]).toEqual([4, 4, 5, 6, 7]);
    const votes = (await history({ types: ['ReviewVoteCast'] })).data.projectHistory.entries;
    expect(votes.map((entry: { decidedDocument: { kind: string } }) => entry.decidedDocument.kind)).toEqual(['SOLUTION', 'TECHNICAL_AGREEMENT']);
    expect((await history({ types: ['ReviewVoteCast', 'Nonsense'] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: ['unknown event type(s): Nonsense'] });
  });

  it('project(asOf) at each recorded instant is the state after the last event recorded by then; atRevision after that revision', async () => {
    const { entries } = (await history({ limit: 1000 })).data.projectHistory;
    const query = 'query($id: ID!, $asOf: DateTime, $atRevision: Int) { project(id: $id, asOf: $asOf, atRevision: $atRevision) { revision stage } }';
    for (const entry of entries) {
      const lastByThen = entries.filter((other: { recordedAt: string }) => other.recordedAt <= entry.recordedAt).at(-1).revision;
      expect((await psm.graphql(query, { id: won, asOf: entry.recordedAt }, director())).data.project.revision).toBe(lastByThen);
    }
    expect((await psm.graphql(query, { id: won, atRevision: 2 }, director())).data.project).toEqual({ revision: 2, stage: 'PSM010_EXCHANGE' });
    expect((await psm.graphql(query, { id: won, asOf: '2000-01-01T00:00:00Z' }, director())).data.project).toBeNull();
    const both = await psm.graphql(query, { id: won, asOf: entries[0].recordedAt, atRevision: 1 }, director());
    expect(both.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('projectDiff lists the fields changed between two revisions', async () => {
    const { data } = await psm.graphql('query($id: ID!) { projectDiff(id: $id, from: { atRevision: 0 }, to: { atRevision: 1 }) { fromRevision toRevision changes { field before after } } }', { id: won }, director());
    expect(data.projectDiff).toEqual({ fromRevision: 0, toRevision: 1, changes: [{ field: 'stage', before: 'LEAD', after: 'QUALIFIED' }] });
  });

  it('ADMIN reads no commercial content, but may verify the chain; an unknown project is NOT_FOUND', async () => {
    const admin = psm.tokenFor('root', 'ADMIN');
    expect((await history({}, admin)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await psm.graphql('query($id: ID!) { verifyProject(id: $id) { status } }', { id: won }, admin)).data.verifyProject.status).toBe('INTACT');
    const unknown = await psm.graphql(HISTORY, { id: '00000000-0000-4000-8000-000000000000' }, director());
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('GET /projects/:id/archive exports the stream with its chain, which audit:verify --file checks offline', async () => {
    const get = (id: string, token?: string) => fetch(`${psm.url}/projects/${id}/archive`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const response = await get(won, director());
    expect(response.status).toBe(200);
    const archive = (await response.json()) as ProjectArchive;
    expect(archive).toMatchObject({ format: 'psm-project-archive/1', projectId: won, stream: `project-${won}`, verification: { status: 'INTACT' } });
    const refusals = [get(won), get(won, psm.tokenFor('root', 'ADMIN')), get('nope', director()), get(randomUUID(), director())];
    expect((await Promise.all(refusals)).map((refused) => refused.status)).toEqual([401, 403, 400, 404]);

    const file = join(psm.dir, 'archive.json');
    writeFileSync(file, JSON.stringify(archive));
    const intact = cli('verify', '--file', file);
    expect([intact.status, intact.stdout]).toEqual([0, expect.stringContaining(`${won}  INTACT  ${archive.events.length} events`)]);
    archive.events[3].data.summary = 'rewritten';
    writeFileSync(file, JSON.stringify(archive));
    const broken = cli('verify', '--file', file);
    expect([broken.status, broken.stdout]).toEqual([1, expect.stringContaining(`revision 3 (event ${archive.events[3].id}, ExchangeRecorded): CONTENT_ALTERED`)]);
  });

  it('npm run replay prints the timeline from the configured store, as a table or as JSON', () => {
    const table = cli('replay', won);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/会签 ContractCountersigned +\| mk-zhou \(MARKETING\) +\| contract v1 \[v1\]/);
    const json = JSON.parse(cli('replay', won, '--json').stdout);
    expect(json).toMatchObject({ projectId: won, stage: 'WON' });
    const before = JSON.parse(cli('replay', won, '--json', '--as-of', json.entries[1].recordedAt).stdout);
    expect(before.entries.at(-1).revision).toBeLessThan(json.revision);
    expect(cli('replay').status).toBe(2);
  });

  it('an event altered in the SQLite file under the running service is named by verifyProject and audit:verify', async () => {
    const projectId = await drive.toQuotation();
    const db = new Database(join(psm.dir, 'events.db'));
    const altered = db.prepare(`UPDATE events SET data = json_set(data, '$.summary', 'no survey needed') WHERE stream = ? AND revision = 3 RETURNING id`).get(`project-${projectId}`) as { id: string };
    db.close();
    const { data } = await psm.graphql('query($id: ID!) { verifyProject(id: $id) { status events firstBreak { revision eventId type reason } } }', { id: projectId }, director());
    expect(data.verifyProject).toMatchObject({ status: 'BROKEN', firstBreak: { revision: 3, eventId: altered.id, type: 'ExchangeRecorded', reason: 'CONTENT_ALTERED' } });
    const all = cli('verify');
    expect([all.status, all.stdout]).toEqual([1, expect.stringMatching(/2 project\(s\) verified, 1 broken/)]);
    expect(cli('verify', won).status).toBe(0);
  });
});
