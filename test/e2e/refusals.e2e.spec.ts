import { randomUUID } from 'node:crypto';
import { projectStream } from '../../src/application/project-stream.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp, type GraphQLResponse } from '../support/psm-app.js';

describe('refused commands through GraphQL: a code, a message, and nothing appended', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  let inReview: string;
  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
    inReview = randomUUID();
    await drive.ok(drive.am().do('registerLead', {
      projectId: inReview, title: '码垛机器人', customer: '无锡食品', contact: { name: '王经理' }, need: 'palletizing',
      channel: 'WEB', estimatedAmount: cny(300_000), region: 'EAST', productLine: 'ROBOT_CELL',
    }));
    await drive.ok(psm.as('sup-zhao', 'SALES_SUPERVISOR').do('screenLead', { projectId: inReview, decision: 'QUALIFY' }));
    await drive.ok(psm.as('gm-qian', 'BU_GENERAL_MANAGER').do('approveProject', {
      projectId: inReview, sponsorId: 'gm-qian', presalesEngineerId: 'pe-wang', hasMatureReference: false, milestones: [{ name: 'go-live', dueOn: '2027-03-01' }], presalesBudget: cny(5_000),
    }));
    await drive.ok(psm.as('pe-wang', 'PRESALES_ENGINEER').do('recordExchange', { projectId: inReview, summary: 'memo', surveyNeeded: false }));
    await drive.ok(psm.as('pe-wang', 'PRESALES_ENGINEER').do('submitSolution', { projectId: inReview, document: docOf('sol') }));
    await drive.convene(inReview, 'SOLUTION', ['rv-1', 'rv-2', 'rv-3']);
  });
  afterAll(() => psm.stop());

  const eventCount = async (projectId: string) => (await psm.app.get<EventStore>(EVENT_STORE).readStream(projectStream(projectId))).length;

  async function expectRefused(projectId: string, pending: Promise<GraphQLResponse>, code: string, domainCode?: string) {
    const before = await eventCount(projectId);
    const { data, errors } = await pending;
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject(domainCode ? { code, domainCode } : { code });
    expect(errors![0].message).not.toMatch(/\.js:\d+|\n\s+at /);
    expect(await eventCount(projectId)).toBe(before);
  }

  const vote = () => ({ projectId: inReview, subject: 'SOLUTION', documentSha256: docOf('sol').sha256 });

  it('wrong role → FORBIDDEN', async () => {
    await expectRefused(inReview, drive.am().do('approveReview', vote()), 'FORBIDDEN', 'NOT_ALLOWED_FOR_ROLE');
  });

  it('wrong stage → PRECONDITION_FAILED', async () => {
    await expectRefused(inReview, drive.am().do('submitQuotation', { projectId: inReview, amount: cny(1), document: docOf('q') }), 'PRECONDITION_FAILED', 'INVALID_TRANSITION');
  });

  it('double vote → CONFLICT', async () => {
    const reviewer = psm.as('rv-1', 'REVIEWER');
    await drive.ok(reviewer.do('approveReview', vote()));
    await expectRefused(inReview, reviewer.do('approveReview', vote()), 'CONFLICT', 'ALREADY_VOTED');
  });

  it('not the next signer → FORBIDDEN', async () => {
    const projectId = await drive.toDraftedContract();
    await expectRefused(projectId, psm.as('mk-zhou', 'MARKETING').do('countersign', { projectId, decision: 'SIGN', documentSha256: docOf('contract v1').sha256 }), 'FORBIDDEN', 'NOT_NEXT_SIGNER');
  });

  it('missing token → UNAUTHENTICATED', async () => {
    await expectRefused(inReview,
      psm.graphql('mutation($input: ScreenLeadInput!) { screenLead(input: $input) { stage } }', { input: { commandId: randomUUID(), projectId: inReview, decision: 'QUALIFY' } }),
      'UNAUTHENTICATED',
    );
    const { errors } = await psm.graphql('query($id: ID!) { project(id: $id) { stage } }', { id: inReview }, 'not-a-token');
    expect(errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('malformed input → BAD_USER_INPUT naming the fields', async () => {
    const before = await eventCount(inReview);
    const { errors } = await drive.am().do('addTrackingNote', { projectId: inReview, kind: 'VISIT', note: '', nextActionOn: '1 Dec' });
    expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(errors?.[0].extensions.details)).toMatch(/note/);
    expect(JSON.stringify(errors?.[0].extensions.details)).toMatch(/nextActionOn/);
    const negative = await drive.am().do('addTrackingNote', { projectId: 'p1', kind: 'VISIT', note: 'x' });
    expect(negative.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badAmount = await drive.am().do('submitQuotation', { projectId: inReview, amount: { amount: -5, currency: 'CNY' }, document: docOf('q') });
    expect(badAmount.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await eventCount(inReview)).toBe(before);
  });
});
