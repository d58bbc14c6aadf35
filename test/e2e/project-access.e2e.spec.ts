import { randomUUID } from 'node:crypto';
import { TokenService } from '../../src/auth/token.service.js';
import type { Role } from '../../src/domain/project/vocabulary.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

/** The security probe's findings 1, 2, 5 and 11 (shared/reviews/security-probe.md), replayed as its attacker sent them. */
describe('nobody reads or acts on a project outside their reach', () => {
  let psm: PsmApp;
  let victim: string;
  let quotationCommand: string;
  const token = (userId: string, roles: string[], businessUnit?: string) =>
    psm.app.get(TokenService).sign({ userId, roles: roles as Role[], ...(businessUnit ? { businessUnit } : {}) });
  let T: Record<'amA1' | 'amA2' | 'amB' | 'supA' | 'dirA' | 'dirB' | 'peA' | 'admin' | 'noRole' | 'rvA', string>;

  const send = async (bearer: string, mutation: string, input: Record<string, unknown>) => {
    const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    const { data, errors } = await psm.graphql(`mutation($input: ${type}!) { ${mutation}(input: $input) { projectId revision stage events { type data } } }`,
      { input: { commandId: randomUUID(), ...input } }, bearer);
    return { data: data?.[mutation], errors: errors?.map(({ message, extensions }) => ({ message, code: extensions.code, domainCode: extensions.domainCode })) };
  };
  const ok = async (bearer: string, mutation: string, input: Record<string, unknown>) => {
    const { data, errors } = await send(bearer, mutation, input);
    if (errors) throw new Error(`${mutation}: ${JSON.stringify(errors)}`);
    return data;
  };
  const lead = (projectId?: string) => ({
    ...(projectId ? { projectId } : {}), title: 'SECRET-ALPHA welding line', customer: 'Victim Customer Ltd', contact: { name: '陈工' },
    need: 'secret need', channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
  });
  const eventCount = async (projectId: string) =>
    (await psm.graphql('query($id: ID!) { verifyProject(id: $id) { events } }', { id: projectId }, T.dirA)).data.verifyProject.events as number;
  const stageOf = async (projectId: string) => (await psm.graphql('query($id: ID!) { project(id: $id) { stage } }', { id: projectId }, T.dirA)).data.project.stage;

  beforeAll(async () => {
    psm = await PsmApp.start();
    T = {
      amA1: token('am-a1', ['ACCOUNT_MANAGER'], 'A'), amA2: token('am-a2', ['ACCOUNT_MANAGER'], 'A'), amB: token('am-b', ['ACCOUNT_MANAGER'], 'B'),
      supA: token('sup-a', ['SALES_SUPERVISOR'], 'A'), dirA: token('dir-a', ['SALES_DIRECTOR'], 'A'), dirB: token('dir-b', ['SALES_DIRECTOR'], 'B'),
      peA: token('pe-a1', ['PRESALES_ENGINEER'], 'A'), rvA: token('rev-a1', ['REVIEWER'], 'A'), admin: token('admin-1', ['ADMIN']), noRole: token('nobody', ['VIEWER']),
    };
    victim = randomUUID();
    await ok(T.amA1, 'registerLead', lead(victim));
    await ok(T.supA, 'screenLead', { projectId: victim, decision: 'QUALIFY' });
    await ok(T.dirA, 'approveProject', {
      projectId: victim, sponsorId: 'dir-a', presalesEngineerId: 'pe-a1', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2027-03-01' }], presalesBudget: cny(20_000),
    });
    await ok(T.peA, 'recordExchange', { projectId: victim, summary: 'memo', surveyNeeded: false });
    // the probe's reviewers include a role-less user and ADMIN: named, they still see nothing
    await ok(T.peA, 'submitSolution', { projectId: victim, document: docOf('solution-secret') });
    await ok(token('mk-a', ['MARKETING'], 'A'), 'conveneReview', { projectId: victim, subject: 'SOLUTION', reviewers: ['rev-a1', 'nobody', 'admin-1'] });
    await ok(T.rvA, 'approveReview', { projectId: victim, subject: 'SOLUTION', documentSha256: docOf('solution-secret').sha256 });
    await ok(token('mk-a', ['MARKETING'], 'A'), 'recordCustomerConfirmation', { projectId: victim, subject: 'SOLUTION', documentSha256: docOf('solution-secret').sha256 });
    quotationCommand = randomUUID();
    const { errors } = await psm.graphql('mutation($input: SubmitQuotationInput!) { submitQuotation(input: $input) { revision } }',
      { input: { commandId: quotationCommand, projectId: victim, amount: cny(288_000), document: docOf('quotation-v1') } }, T.amA1);
    expect(errors).toBeUndefined();
    await psm.caughtUp();
  }, 60_000);
  afterAll(() => psm.stop());

  it('finding 1: ADMIN and a token with no role of PSM\'s see no card on the board as of any instant, and no work item', async () => {
    for (const bearer of [T.admin, T.noRole]) {
      for (const asOf of ['2099-01-01T00:00:00Z', new Date().toISOString()]) {
        const { data, errors } = await psm.graphql('query($at: DateTime) { pipelineBoard(asOf: $at, cardsPerColumn: 1000) { count amount cards { projectId title } } }', { at: asOf }, bearer);
        expect(errors).toBeUndefined();
        expect(data.pipelineBoard.flatMap((column: { cards: unknown[] }) => column.cards)).toEqual([]);
        expect(data.pipelineBoard.reduce((sum: number, column: { count: number; amount: number }) => sum + column.count + column.amount, 0)).toBe(0);
      }
      const { data } = await psm.graphql('{ myWork { projectId kind } }', {}, bearer);
      expect(data.myWork).toEqual([]);
    }
  });

  it('finding 2: another unit\'s account manager cannot append, and so never becomes a member who reads the project', async () => {
    const before = await eventCount(victim);
    const onMissing = await send(T.amB, 'addTrackingNote', { projectId: randomUUID(), kind: 'CALL', note: 'x' });
    expect(await send(T.amB, 'addTrackingNote', { projectId: victim, kind: 'CALL', note: 'x' })).toEqual(onMissing);
    expect(onMissing.errors).toEqual([{ message: 'no such project', code: 'NOT_FOUND', domainCode: 'PROJECT_NOT_FOUND' }]);
    expect((await psm.graphql('query($id: ID!) { project(id: $id) { title customer } }', { id: victim }, T.amB)).data.project).toBeNull();
    const history = await psm.graphql('query($id: ID!) { projectHistory(projectId: $id) { entries { payload } } }', { id: victim }, T.amB);
    expect(history.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await fetch(`${psm.url}/projects/${victim}/archive`, { headers: { authorization: `Bearer ${T.amB}` } })).status).toBe(404);
    // unit A's own engineer and reviewer, and another unit's supervisor, cannot append either unless a step named them
    expect((await send(token('pe-a9', ['PRESALES_ENGINEER'], 'A'), 'addTrackingNote', { projectId: victim, kind: 'CALL', note: 'x' })).errors?.[0].domainCode).toBe('PROJECT_NOT_FOUND');
    expect((await send(token('rev-a9', ['REVIEWER'], 'A'), 'attachDocument', { projectId: victim, kind: 'MINUTES', version: '1', ...docOf('m') })).errors?.[0].domainCode).toBe('PROJECT_NOT_FOUND');
    expect((await send(token('sup-b', ['SALES_SUPERVISOR'], 'B'), 'attachDocument', { projectId: victim, kind: 'MINUTES', version: '1', ...docOf('m') })).errors?.[0].domainCode).toBe('PROJECT_NOT_FOUND');
    expect(await eventCount(victim)).toBe(before);
  });

  it('finding 2: another unit cannot replace the quotation in force, nor terminate the project', async () => {
    const before = await eventCount(victim);
    expect((await send(T.amB, 'submitQuotation', { projectId: victim, amount: cny(1), document: docOf('cheap') })).errors?.[0].domainCode).toBe('PROJECT_NOT_FOUND');
    expect((await send(T.amB, 'requestTermination', { projectId: victim, reason: 'sabotage' })).errors?.[0].domainCode).toBe('PROJECT_NOT_FOUND');
    expect((await send(T.dirB, 'decideTermination', { projectId: victim, approve: true })).errors?.[0].domainCode).toBe('PROJECT_NOT_FOUND');
    expect(await eventCount(victim)).toBe(before);
    expect(await stageOf(victim)).toBe('PSM040_QUOTATION');
  });

  it('finding 2: a refusal tells an outsider nothing of the project\'s stage', async () => {
    const bid = { kind: 'recordBidResult', input: { result: 'WON', competitors: ['甲公司'] } };
    const [onVictim, onMissing] = await Promise.all([victim, randomUUID()].map((projectId) => send(T.amA2, bid.kind, { projectId, ...bid.input })));
    expect(onVictim).toEqual(onMissing);
    // a member learns the stage, as before
    expect((await send(T.amA1, bid.kind, { projectId: victim, ...bid.input })).errors?.[0].domainCode).toBe('INVALID_TRANSITION');
  });

  it('finding 5: another user\'s commandId returns none of their events, whoever sends it', async () => {
    const before = await eventCount(victim);
    for (const bearer of [T.admin, T.noRole, T.amA2, T.supA, T.dirA]) {
      const { data, errors } = await send(bearer, 'addTrackingNote', { projectId: victim, commandId: quotationCommand, kind: 'CALL', note: 'x' });
      expect(data ?? null).toBeNull();
      // the id sent comes back in the message; nothing of the quotation it carried may (a random id can hold "288")
      expect(JSON.stringify(errors).replaceAll(quotationCommand, '<commandId>')).not.toMatch(/Quotation|288|quotation-v1/);
    }
    // unit A's director sees the project, so learns only that the id is taken
    const { errors } = await send(T.dirA, 'addTrackingNote', { projectId: victim, commandId: quotationCommand, kind: 'CALL', note: 'x' });
    expect(errors).toEqual([{ message: `the commandId ${quotationCommand} is already used: send the command with a new one`, code: 'CONFLICT', domainCode: 'COMMAND_ID_TAKEN' }]);
    // its sender still gets the first answer back
    const { data: again } = await send(T.amA1, 'submitQuotation', { projectId: victim, commandId: quotationCommand, amount: cny(288_000), document: docOf('quotation-v1') });
    expect(again.events.map((event: { type: string }) => event.type)).toEqual(['QuotationSubmitted']);
    expect(await eventCount(victim)).toBe(before);
  });

  it('finding 5: a lead registered with someone else\'s commandId and no project id is a project of its own', async () => {
    const commandId = randomUUID();
    const { data: first } = await send(T.amA1, 'registerLead', { ...lead(), commandId });
    const { data: second, errors } = await send(T.amA2, 'registerLead', { ...lead(), commandId, title: 'mine' });
    expect(errors).toBeUndefined();
    expect(second.projectId).not.toBe(first.projectId);
    expect(second.events[0].data.title).toBe('mine');
  });

  it('finding 11: a commandId used on one project is free on another, without an internal error', async () => {
    const mine = (await ok(T.amA2, 'registerLead', lead())).projectId;
    const { data, errors } = await send(T.amA2, 'addTrackingNote', { projectId: mine, commandId: quotationCommand, kind: 'CALL', note: 'mine' });
    expect(errors).toBeUndefined();
    expect(data.events.map((event: { type: string }) => event.type)).toEqual(['TrackingNoteAdded']);
  });
});
