import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { cny, PsmApp } from '../support/psm-app.js';

/** Leads are handed to an account manager (分派), forwarded only with the director's approval, evaluated when unclear. */
describe('leads assigned, forwarded and evaluated', () => {
  let psm: PsmApp;
  beforeAll(async () => {
    psm = await PsmApp.start();
  });
  afterAll(() => psm.stop());

  const supervisor = () => psm.as('sup-zhao', 'SALES_SUPERVISOR');
  const director = () => psm.as('dir-sun', 'SALES_DIRECTOR');
  const lead = (projectId: string) => ({
    projectId, title: '码垛线', customer: '无锡港务', contact: { name: '钱工' }, need: 'palletizing', channel: 'PHONE',
    estimatedAmount: cny(700_000), region: 'EAST', productLine: 'PRODUCTION_LINE',
  });
  const ok = async (pending: ReturnType<ReturnType<PsmApp['as']>['do']>) => {
    const { data, errors } = await pending;
    if (errors) throw new Error(JSON.stringify(errors));
    return Object.values(data)[0] as { stage: string; events: Array<{ type: string; data: Record<string, unknown> }> };
  };
  const seenBy = async (userId: string, projectId: string) => {
    const token = psm.tokenFor(userId, 'ACCOUNT_MANAGER');
    const { data } = await psm.graphql('query($id: ID!) { project(id: $id) { ownerId } projects(page: { limit: 100 }) { items { projectId ownerId } } }', { id: projectId }, token);
    await psm.caughtUp();
    const board = await psm.graphql('{ pipelineBoard(cardsPerColumn: 1000) { cards { projectId ownerId } } }', {}, token);
    const cards = board.data.pipelineBoard.flatMap((column: { cards: Array<{ projectId: string; ownerId: string }> }) => column.cards);
    return {
      project: data.project?.ownerId ?? null,
      listed: data.projects.items.some((item: { projectId: string }) => item.projectId === projectId),
      onBoard: cards.find((card: { projectId: string }) => card.projectId === projectId)?.ownerId ?? null,
    };
  };

  it('the owner a supervisor assigns sees the project and works on it; reassigned, the project follows the new owner', async () => {
    const projectId = randomUUID();
    await ok(supervisor().do('registerLead', lead(projectId)));
    const assigned = await ok(supervisor().do('assignLead', { projectId, ownerId: 'am-zhou' }));
    expect(assigned.events).toEqual([expect.objectContaining({ type: 'LeadAssigned', data: { ownerId: 'am-zhou', previousOwnerId: 'sup-zhao', assignedBy: 'sup-zhao' } })]);
    await psm.caughtUp();
    expect(await seenBy('am-zhou', projectId)).toEqual({ project: 'am-zhou', listed: true, onBoard: 'am-zhou' });

    await ok(supervisor().do('screenLead', { projectId, decision: 'QUALIFY' }));
    await ok(director().do('approveProject', {
      projectId, sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2027-01-15' }], presalesBudget: cny(20_000),
    }));
    await ok(psm.as('am-zhou', 'ACCOUNT_MANAGER').do('addTrackingNote', { projectId, kind: 'CALL', note: 'called 钱工' }));

    await ok(supervisor().do('assignLead', { projectId, ownerId: 'am-wu', reason: 'am-zhou moved to the north region' }));
    await psm.caughtUp();
    expect(await seenBy('am-wu', projectId)).toEqual({ project: 'am-wu', listed: true, onBoard: 'am-wu' });
    expect(await seenBy('am-zhou', projectId)).toEqual({ project: null, listed: false, onBoard: null });
    const { errors } = await psm.as('am-zhou', 'ACCOUNT_MANAGER').do('addTrackingNote', { projectId, kind: 'CALL', note: 'still mine?' });
    expect(errors?.[0].extensions).toMatchObject({ domainCode: 'PROJECT_NOT_FOUND' });

    // the monthly statistics count each step under the owner of the project when it was taken
    await ok(psm.as('am-wu', 'ACCOUNT_MANAGER').do('recordExchange', { projectId, summary: 'met 钱工', surveyNeeded: true }));
    await psm.caughtUp();
    const month = shanghaiDate(new Date()).slice(0, 7);
    const { data } = await psm.graphql('query($month: String!) { monthlyStatistics(month: $month, groupBy: OWNER) { rows { value leads approvals } } }', { month }, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    const row = (owner: string) => data.monthlyStatistics.rows.find((candidate: { value: string }) => candidate.value === owner);
    expect(row('sup-zhao')).toMatchObject({ leads: expect.any(Number) });
    expect(row('am-zhou')).toMatchObject({ approvals: 1 });
  });

  it('a forward the supervisor proposes waits for the director, who approves or declines it', async () => {
    const [kept, forwarded] = [randomUUID(), randomUUID()];
    for (const projectId of [kept, forwarded]) {
      await ok(supervisor().do('registerLead', lead(projectId)));
      const proposed = await ok(supervisor().do('screenLead', { projectId, decision: 'FORWARD', businessUnit: 'Logistics BU', reason: 'ports are theirs' }));
      expect([proposed.stage, proposed.events.map((event) => event.type)]).toEqual(['LEAD', ['LeadForwardProposed']]);
    }
    const { errors } = await supervisor().do('decideForward', { projectId: kept, approve: true });
    expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
    const declined = await ok(director().do('decideForward', { projectId: kept, approve: false, comments: 'we build palletizers' }));
    expect([declined.stage, declined.events[0].type]).toEqual(['LEAD', 'LeadForwardDeclined']);
    expect((await ok(supervisor().do('screenLead', { projectId: kept, decision: 'QUALIFY' }))).stage).toBe('QUALIFIED');
    const approved = await ok(director().do('decideForward', { projectId: forwarded, approve: true }));
    expect(approved).toMatchObject({ stage: 'CLOSED', events: [{ type: 'LeadForwarded', data: { screenedBy: 'sup-zhao', businessUnit: 'Logistics BU', approvedBy: 'dir-sun' } }] });
  });

  it('an unclear lead goes to the director, whose importance the project shows', async () => {
    const projectId = randomUUID();
    await ok(supervisor().do('registerLead', lead(projectId)));
    await ok(supervisor().do('requestLeadEvaluation', { projectId, question: 'a port operator: a market for us?' }));
    await ok(director().do('evaluateLead', { projectId, importance: 'HIGH', comments: 'first port customer' }));
    const { data } = await psm.graphql('query($id: ID!) { project(id: $id) { importance stage } }', { id: projectId }, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    expect(data.project).toEqual({ importance: 'HIGH', stage: 'LEAD' });
  });
});
