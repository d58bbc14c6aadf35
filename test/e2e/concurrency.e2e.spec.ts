import { randomUUID } from 'node:crypto';
import { projectStream } from '../../src/application/project-stream.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

describe('50 concurrent calls on one project', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
  });
  afterAll(() => psm.stop());

  const streamOf = async (projectId: string) => psm.app.get<EventStore>(EVENT_STORE).readStream(projectStream(projectId));

  it('approveReview: every vote counts once and the review passes exactly once, at the majority', async () => {
    const projectId = randomUUID();
    await drive.ok(drive.am().do('registerLead', {
      projectId, title: '产线', customer: '常州', contact: { name: '刘' }, need: 'line', channel: 'REFERRAL',
      estimatedAmount: cny(9_000_000), region: 'EAST', productLine: 'PRODUCTION_LINE',
    }));
    await drive.ok(psm.as('sup', 'SALES_SUPERVISOR').do('screenLead', { projectId, decision: 'QUALIFY' }));
    await drive.ok(psm.as('gm', 'BU_GENERAL_MANAGER').do('approveProject', {
      projectId, sponsorId: 'gm', presalesEngineerId: 'pe', hasMatureReference: true, milestones: [{ name: 'x', dueOn: '2027-01-01' }], presalesBudget: cny(1),
    }));
    await drive.ok(psm.as('pe', 'PRESALES_ENGINEER').do('recordExchange', { projectId, summary: 'memo', surveyNeeded: false }));
    const reviewers = Array.from({ length: 9 }, (_, i) => `rv-${i}`);
    await drive.ok(psm.as('pe', 'PRESALES_ENGINEER').do('submitSolution', { projectId, document: docOf('line solution') }));
    await drive.convene(projectId, 'SOLUTION', reviewers);

    const calls = Array.from({ length: 50 }, (_, i) =>
      psm.as(reviewers[i % 9], 'REVIEWER').do('approveReview', { projectId, subject: 'SOLUTION', documentSha256: docOf('line solution').sha256 }));
    const responses = await Promise.all(calls);
    const refusals = responses.flatMap((r) => r.errors ?? []).map((e) => e.extensions.domainCode);
    for (const code of refusals) expect(['ALREADY_VOTED', 'INVALID_TRANSITION']).toContain(code);

    const events = await streamOf(projectId);
    const votes = events.filter((e) => e.type === 'ReviewVoteCast').map((e) => e.data.reviewerId as string);
    expect(new Set(votes).size).toBe(votes.length);
    expect(votes).toHaveLength(5);
    expect(events.filter((e) => e.type === 'ReviewPassed')).toHaveLength(1);
    expect(events.at(-1)!.type).toBe('ReviewPassed');
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(responses.filter((r) => !r.errors)).toHaveLength(5);
  });

  it('countersign: signatures land in chain order, each step once, and nothing is lost', async () => {
    const projectId = await drive.toDraftedContract();
    const signers = [['am-li', 'ACCOUNT_MANAGER'], ['mk-zhou', 'MARKETING'], ['gm-qian', 'BU_GENERAL_MANAGER']] as const;
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      psm.as(signers[i % 3][0], signers[i % 3][1]).do('countersign', { projectId, decision: 'SIGN', documentSha256: docOf('contract v1').sha256 })));
    for (const error of responses.flatMap((r) => r.errors ?? [])) expect(['NOT_NEXT_SIGNER', 'INVALID_TRANSITION']).toContain(error.extensions.domainCode);

    const signed = (await streamOf(projectId)).filter((e) => e.type === 'ContractCountersigned').map((e) => [e.data.step, e.data.signerId]);
    expect(signed).toEqual(signers.slice(0, signed.length).map(([userId], step) => [step, userId]));
    expect(responses.filter((r) => !r.errors)).toHaveLength(signed.length);
    for (const [userId, role] of signers.slice(signed.length)) {
      await drive.ok(psm.as(userId, role).do('countersign', { projectId, decision: 'SIGN', documentSha256: docOf('contract v1').sha256 }));
    }
    const done = await drive.signContract(projectId, 'contract v1');
    expect(done.stage).toBe('WON');
  });

  it('replaying one commandId 10 times appends once and answers the same each time', async () => {
    const projectId = await drive.toQuotation();
    const token = psm.tokenFor('am-li', 'ACCOUNT_MANAGER');
    const input = { commandId: randomUUID(), projectId, kind: 'CALL', note: 'called the buyer', nextAction: 'send samples', nextActionOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) };
    const send = () => psm.graphql('mutation($input: AddTrackingNoteInput!) { addTrackingNote(input: $input) { projectId revision stage events { type revision data } } }', { input }, token);
    const before = (await streamOf(projectId)).length;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send());
    answers.push(...(await Promise.all(Array.from({ length: 5 }, send))));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0].data.addTrackingNote.events).toEqual([{ type: 'TrackingNoteAdded', revision: before, data: expect.objectContaining({ note: 'called the buyer' }) }]);
    expect(await streamOf(projectId)).toHaveLength(before + 1);
  });

  it('a lead registered without a project id lands on the same project when the command is retried', async () => {
    const token = psm.tokenFor('am-li', 'ACCOUNT_MANAGER');
    const input = {
      commandId: randomUUID(), title: '喷涂线', customer: '佛山', contact: { name: '周' }, need: 'paint line', channel: 'PHONE',
      estimatedAmount: cny(1_200_000), region: 'SOUTH', productLine: 'PRODUCTION_LINE',
    };
    const send = () => psm.graphql('mutation($input: RegisterLeadInput!) { registerLead(input: $input) { projectId revision } }', { input }, token);
    const [first, again] = [await send(), await send()];
    expect(again).toEqual(first);
    expect(await streamOf(first.data.registerLead.projectId)).toHaveLength(1);
  });
});
