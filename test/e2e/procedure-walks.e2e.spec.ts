import { ProcedureDriver } from '../support/procedure-driver.js';
import { handoverSheets } from '../support/handover-list.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

describe('walking whole projects through GraphQL', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
  });
  afterAll(() => psm.stop());

  const am = () => drive.am();
  const ok: ProcedureDriver['ok'] = (pending) => drive.ok(pending);

  it('(a) negotiation to a signed contract, handover and summary', async () => {
    const projectId = await drive.toQuotation();
    await drive.approveQuotation(projectId, 90_000, ['tm-he', 'TECH_MANAGER']);
    expect((await ok(am().do('chooseProcurement', { projectId, method: 'NEGOTIATION' }))).stage).toBe('PSM060_NEGOTIATION');
    await ok(am().do('recordNegotiation', { projectId, notes: 'agreed on delivery in 90 days' }));
    await drive.signAgreement(projectId);
    await ok(am().do('draftContract', { projectId, document: docOf('contract v1'), amount: cny(90_000) }));
    await drive.countersignAll(projectId, 'contract v1');
    const signed = await drive.signContract(projectId, 'contract v1');
    expect(signed.stage).toBe('WON');
    await ok(am().do('handOver', { projectId, receivedBy: 'de-lin', items: handoverSheets() }));
    await ok(am().do('summarizeProject', { projectId, reasons: ['TECHNICAL'], text: 'the reference case convinced them' }));

    const { data } = await psm.graphql(`query($id: ID!) { project(id: $id) { stage signedAmount { amount currency } details } }`, { id: projectId }, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(data.project).toMatchObject({ stage: 'WON', signedAmount: cny(90_000), details: { handedOver: true, summarized: true } });
  });

  it('(b) tender, no-bid → closed as not bid (no loss), then summarized', async () => {
    const projectId = await drive.toQuotation();
    await drive.approveQuotation(projectId, 90_000, ['tm-he', 'TECH_MANAGER']);
    await ok(am().do('chooseProcurement', { projectId, method: 'TENDER' }));
    const decided = await ok(psm.as('am-li', 'ACCOUNT_MANAGER').do('decideBid', { projectId, decision: 'NO_BID', reason: 'qualification missing' }));
    expect(decided.stage).toBe('CLOSED');
    await ok(am().do('summarizeProject', { projectId, reasons: ['QUALIFICATION'], text: 'no ISO certificate for this line' }));
  });

  it('(c) tender won → technical agreement → countersign with one rejection and a re-draft → signed', async () => {
    const projectId = await drive.toQuotation();
    await drive.approveQuotation(projectId, 90_000, ['tm-he', 'TECH_MANAGER']);
    await ok(am().do('chooseProcurement', { projectId, method: 'TENDER' }));
    await ok(psm.as('am-li', 'ACCOUNT_MANAGER').do('decideBid', { projectId, decision: 'BID' }));
    await ok(am().do('recordBidStep', { projectId, step: 'DOCUMENTS_PURCHASED', openingOn: '2099-01-20' }));
    await ok(am().do('evaluateTenderDocuments', { projectId, findings: 'terms acceptable', evaluators: ['am-li'] }));
    await ok(am().do('decideBid', { projectId, decision: 'BID' }));
    await ok(am().do('recordBidStep', { projectId, step: 'BOND_PAID', amount: cny(5_000) }));
    await ok(psm.as('mk-zhou', 'MARKETING').do('recordBidStep', { projectId, step: 'DOCUMENTS_CHECKED' }));
    await ok(psm.as('mk-zhou', 'MARKETING').do('recordBidStep', { projectId, step: 'DOCUMENTS_SEALED', delivery: 'POST' }));
    await ok(am().do('recordBidStep', { projectId, step: 'BID_SUBMITTED', amount: cny(90_000) }));
    expect((await ok(am().do('recordBidResult', { projectId, result: 'WON' }))).stage).toBe('PSM060_NEGOTIATION');
    await drive.signAgreement(projectId);
    await ok(am().do('draftContract', { projectId, document: docOf('contract v1'), amount: cny(90_000) }));
    await ok(am().do('countersign', { projectId, decision: 'SIGN', documentSha256: docOf('contract v1').sha256 }));
    const rejected = await ok(psm.as('mk-zhou', 'MARKETING').do('countersign', { projectId, decision: 'REJECT', documentSha256: docOf('contract v1').sha256, comments: 'payment terms' }));
    expect(rejected.events.map((e) => e.type)).toEqual(['CountersignRejected']);
    await ok(am().do('draftContract', { projectId, document: docOf('contract v2'), amount: cny(90_000) }));
    await drive.countersignAll(projectId, 'contract v2');
    expect((await drive.signContract(projectId, 'contract v2')).stage).toBe('WON');
  });

  it('(d) a MAJOR project: 3 reviewers, and the quotation needs the operations center and the BU general manager', async () => {
    const projectId = await drive.toQuotation({ major: true, yuan: 5_500_000 });
    const { data } = await psm.graphql(`query($id: ID!) { project(id: $id) { projectClass details } }`, { id: projectId }, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(data.project.projectClass).toBe('MAJOR');
    expect(data.project.details.solution).toMatchObject({ reviewers: ['rv-1', 'rv-2', 'rv-3'], approvalsNeeded: 2, status: 'PASSED' });
    expect(data.project.details.quotation.requiredApprovals).toEqual(['OPERATIONS_CENTER', 'BU_GENERAL_MANAGER']);
    const early = await am().do('chooseProcurement', { projectId, method: 'NEGOTIATION' });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'QUOTATION_NOT_APPROVED' });
    await drive.approveQuotation(projectId, 5_500_000, ['oc-ma', 'OPERATIONS_CENTER'], ['gm-qian', 'BU_GENERAL_MANAGER']);
    expect((await ok(am().do('chooseProcurement', { projectId, method: 'NEGOTIATION' }))).stage).toBe('PSM060_NEGOTIATION');
  });

  it('(e) termination requested and approved mid-way', async () => {
    const projectId = await drive.toQuotation();
    await ok(am().do('requestTermination', { projectId, reason: 'customer froze the budget' }));
    const terminated = await ok(psm.as('dir-sun', 'SALES_DIRECTOR').do('decideTermination', { projectId, approve: true }));
    expect(terminated.stage).toBe('TERMINATED');
    const after = await psm.as('tm-he', 'TECH_MANAGER').do('approveQuotation', { projectId, documentSha256: docOf('quotation 90000').sha256 });
    expect(after.errors?.[0].extensions).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'INVALID_TRANSITION' });
  });

  it('(f) a quotation approved, its amount then changed: the old approval is refused at contract time', async () => {
    const projectId = await drive.toQuotation();
    await drive.approveQuotation(projectId, 90_000, ['tm-he', 'TECH_MANAGER']);
    await ok(am().do('chooseProcurement', { projectId, method: 'NEGOTIATION' }));
    await drive.signAgreement(projectId);
    await ok(am().do('submitQuotation', { projectId, amount: cny(95_000), document: docOf('quotation 95000') }));
    const stale = await psm.as('tm-he', 'TECH_MANAGER').do('approveQuotation', { projectId, documentSha256: docOf('quotation 90000').sha256 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'DOCUMENT_CHANGED' });
    const draft = await am().do('draftContract', { projectId, document: docOf('contract v1'), amount: cny(90_000) });
    expect(draft.errors?.[0].extensions).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'QUOTATION_NOT_APPROVED' });
    await drive.approveQuotation(projectId, 95_000, ['tm-he', 'TECH_MANAGER']);
    const wrongAmount = await am().do('draftContract', { projectId, document: docOf('contract v1'), amount: cny(90_000) });
    expect(wrongAmount.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'DOCUMENT_CHANGED' });
    await ok(am().do('draftContract', { projectId, document: docOf('contract v1'), amount: cny(95_000) }));
  });
});
