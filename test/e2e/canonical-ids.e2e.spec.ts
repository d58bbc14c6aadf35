import { randomUUID } from 'node:crypto';
import { cny, PsmApp } from '../support/psm-app.js';

const lead = (projectId: string) => ({
  projectId, title: 'SECRET-ALPHA welding line', customer: 'Victim Customer Ltd', contact: { name: '陈工' }, need: 'welding', channel: 'WEB',
  estimatedAmount: cny(288_000), region: 'EAST', productLine: 'ROBOT_CELL',
});

/** Review finding 17: an upper-cased copy of a project id registered a second, look-alike project. */
describe('a project id names one project whatever its letter case', () => {
  let psm: PsmApp;
  let projectId: string;
  const upper = () => projectId.toUpperCase();
  beforeAll(async () => {
    psm = await PsmApp.start();
    projectId = randomUUID();
    expect((await psm.as('am-a1', 'ACCOUNT_MANAGER').do('registerLead', lead(projectId))).errors).toBeUndefined();
  });
  afterAll(() => psm.stop());

  it('registering the upper-cased id of an existing project is a conflict, and no look-alike project appears', async () => {
    const before = await psm.logHead();
    const { errors } = await psm.as('am-a1', 'ACCOUNT_MANAGER').do('registerLead', lead(upper()));
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'PROJECT_EXISTS' });
    expect(await psm.logHead()).toBe(before);
    await psm.caughtUp();
    const { data } = await psm.graphql('{ projects { total } }', {}, psm.tokenFor('sup-a', 'SALES_SUPERVISOR'));
    expect(data.projects.total).toBe(1);
  });

  it('a new project registered with an upper-cased id is stored under its lowercase id', async () => {
    const id = randomUUID();
    const { data, errors } = await psm.as('am-a1', 'ACCOUNT_MANAGER').do('registerLead', lead(id.toUpperCase()));
    expect(errors).toBeUndefined();
    expect(data.registerLead.projectId).toBe(id);
  });

  it('reads and writes through the upper-cased id reach the same project', async () => {
    const token = psm.tokenFor('am-a1', 'ACCOUNT_MANAGER');
    const read = await psm.graphql('query($id: ID!) { project(id: $id) { id title } }', { id: upper() }, token);
    expect(read.data.project).toEqual({ id: projectId, title: 'SECRET-ALPHA welding line' });
    const note = await psm.as('am-a1', 'ACCOUNT_MANAGER').do('addTrackingNote', { projectId: upper(), kind: 'CALL', note: 'called' });
    expect(note.data.addTrackingNote).toMatchObject({ projectId, revision: 1 });
    const history = await psm.graphql('query($id: ID!) { projectHistory(projectId: $id) { projectId entries { revision } } }', { id: upper() }, token);
    expect(history.data.projectHistory).toEqual({ projectId, entries: [{ revision: 0 }, { revision: 1 }] });
    const archive = await fetch(`${psm.url}/projects/${upper()}/archive`, { headers: { authorization: `Bearer ${token}` } });
    expect(archive.status).toBe(200);
    expect(((await archive.json()) as { projectId: string }).projectId).toBe(projectId);
  });

  it('a command id too: a retry in another letter case repeats nothing', async () => {
    const commandId = randomUUID();
    const am = psm.tokenFor('am-a1', 'ACCOUNT_MANAGER');
    const send = (id: string) => psm.graphql('mutation($input: AddTrackingNoteInput!) { addTrackingNote(input: $input) { revision } }',
      { input: { commandId: id, projectId, kind: 'CALL', note: 'once' } }, am);
    const first = await send(commandId.toUpperCase());
    expect(first.errors).toBeUndefined();
    const head = await psm.logHead();
    expect(await send(commandId)).toEqual(first);
    expect(await psm.logHead()).toBe(head);
  });
});
