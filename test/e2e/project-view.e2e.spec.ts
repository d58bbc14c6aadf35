import { buildClientSchema, getIntrospectionQuery, getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

const DOCUMENT = 'title uri sha256';
const REVIEW = `subject version document { ${DOCUMENT} } authorId reviewers approvalsNeeded votes { reviewerId vote } status`;
const PROJECT = `query($id: ID!, $atRevision: Int) { project(id: $id, atRevision: $atRevision) {
  revision stage projectClass sponsorId presalesEngineerId evaluationRequested solutionRequestOpen outcome handedOver summarized
  lead { title customer contact { name } need channel estimatedAmount { amount currency } region productLine businessUnit ownerId }
  milestones { name dueOn } exchange { summary surveyNeeded } survey { summary }
  solution { ${REVIEW} } systemBudget { amount currency }
  solutionVersions { version document { sha256 } reviewers approvalsNeeded votes { reviewerId vote comments scores { rationality } } outcome }
  quotation { version amount { amount } document { ${DOCUMENT} } requiredApprovals approvals { role approverId } approvalsMissing }
  quotationVersions { version approvals { role approverId } }
  procurement tender { decision documentsPurchased bondPaid documentsChecked submitted }
  agreement { ${REVIEW} signed signature { signerId capacity } scan { sha256 } }
  contract { version document { sha256 } amount { amount } quotationVersion chain { role userId signed signedBy } nextSigner { role userId } status }
  termination { reason } documents { kind title version sha256 uri filedAt } openDeadlines { kind overdue waitingFor { userId role } }
} }`;

/** Who holds each role in the driver's walks. */
const HOLDER = { TECH_MANAGER: 'tm-he', OPERATIONS_CENTER: 'oc-ma', BU_GENERAL_MANAGER: 'gm-qian' } as const;

describe('the project as typed GraphQL objects (issue 17 item 1)', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
  });
  afterAll(() => psm.stop());

  const read = async (id: string, atRevision?: number) => {
    const response = await psm.graphql(PROJECT, { id, atRevision }, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    expect(response.errors).toBeUndefined();
    return response.data.project;
  };

  it('shows the lead, the solution\'s reviewers and votes, and the quotation\'s approvals needed and given with the sha256 to send', async () => {
    const projectId = await drive.toQuotation();
    const before = await read(projectId);
    expect(before).toMatchObject({
      stage: 'PSM040_QUOTATION', projectClass: 'GENERAL', sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', outcome: null, handedOver: false,
      lead: { title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells', channel: 'EXHIBITION', estimatedAmount: cny(800_000), ownerId: 'am-li' },
      milestones: [{ name: 'solution', dueOn: '2026-12-15' }],
      exchange: { summary: 'memo', surveyNeeded: true }, survey: { summary: 'site report' },
      solution: {
        subject: 'SOLUTION', version: 1, document: docOf('solution v1'), authorId: 'pe-wang', reviewers: ['rv-1'], approvalsNeeded: 1,
        votes: [{ reviewerId: 'rv-1', vote: 'APPROVE' }], status: 'PASSED',
      },
      solutionVersions: [{ version: 1, reviewers: ['rv-1'], votes: [{ reviewerId: 'rv-1', vote: 'APPROVE', comments: null, scores: null }], outcome: 'PASSED' }],
      systemBudget: cny(600_000),
      quotation: { version: 1, amount: { amount: 9_000_000 }, document: docOf('quotation 90000'), approvals: [] },
      tender: { decision: null, documentsPurchased: false, submitted: false },
      agreement: null, contract: null,
    });
    const { requiredApprovals, approvalsMissing, document } = before.quotation;
    expect(requiredApprovals.length).toBeGreaterThan(0);
    expect(approvalsMissing).toEqual(requiredApprovals);
    expect(before.documents.map((filed: { kind: string }) => filed.kind)).toEqual(['SOLUTION', 'QUOTATION']);
    expect(before.documents[1]).toMatchObject({ ...docOf('quotation 90000'), version: '1' });

    // the approver sends the sha256 read from the typed field
    const [role] = requiredApprovals as Array<keyof typeof HOLDER>;
    await drive.ok(psm.as(HOLDER[role], role).do('approveQuotation', { projectId, documentSha256: document.sha256 }));
    const after = await read(projectId);
    expect(after.quotation.approvals).toEqual([{ role, approverId: HOLDER[role] }]);
    expect(after.quotation.approvalsMissing).toEqual(requiredApprovals.slice(1));
    expect(after.quotationVersions).toEqual([{ version: 1, approvals: [{ role, approverId: HOLDER[role] }] }]);
  });

  it('shows the signed agreement, and the contract\'s chain and next signer after a countersign; as of a revision too', async () => {
    const projectId = await drive.toDraftedContract();
    const drafted = await read(projectId);
    expect(drafted.agreement).toMatchObject({
      subject: 'TECHNICAL_AGREEMENT', document: docOf('agreement'), reviewers: ['rv-1'], votes: [{ reviewerId: 'rv-1', vote: 'APPROVE' }], status: 'PASSED',
      signed: true, signature: { signerId: 'dl-feng', capacity: 'DEPARTMENT_LEADER' }, scan: null,
    });
    expect(drafted.procurement).toBe('NEGOTIATION');
    const { contract } = drafted;
    expect(contract).toMatchObject({ version: 1, document: { sha256: docOf('contract v1').sha256 }, amount: { amount: 9_000_000 }, quotationVersion: 1, status: 'COUNTERSIGNING' });
    expect(contract.chain.every((step: { signed: boolean; signedBy: string | null }) => !step.signed && step.signedBy === null)).toBe(true);
    expect(contract.nextSigner).toEqual({ role: contract.chain[0].role, userId: contract.chain[0].userId });
    expect(drafted.openDeadlines.map((clock: { kind: string }) => clock.kind)).toContain('CONTRACT_REVIEW');

    await drive.ok(psm.as('am-li', 'ACCOUNT_MANAGER').do('countersign', { projectId, decision: 'SIGN', documentSha256: contract.document.sha256 }));
    const countersigned = await read(projectId);
    expect(countersigned.contract.chain[0]).toMatchObject({ role: 'ACCOUNT_MANAGER', signed: true, signedBy: 'am-li' });
    expect(countersigned.contract.chain.slice(1).every((step: { signed: boolean }) => !step.signed)).toBe(true);
    expect(countersigned.contract.nextSigner).toEqual({ role: contract.chain[1].role, userId: contract.chain[1].userId });

    // the state as it was: the same typed fields from the shorter fold
    expect((await read(projectId, drafted.revision)).contract).toEqual(contract);

    for (const [userId, role] of [['mk-zhou', 'MARKETING'], ['gm-qian', 'BU_GENERAL_MANAGER']] as const) {
      await drive.ok(psm.as(userId, role).do('countersign', { projectId, decision: 'SIGN', documentSha256: contract.document.sha256 }));
    }
    const complete = await read(projectId);
    expect(complete.contract).toMatchObject({ status: 'COUNTERSIGNED', nextSigner: null });
    expect(complete.contract.chain.every((step: { signed: boolean }) => step.signed)).toBe(true);
    // the countersign that completes the chain stops the contract review's clock
    expect(complete.openDeadlines.map((clock: { kind: string }) => clock.kind)).not.toContain('CONTRACT_REVIEW');
  });

  it('answers null to a caller who may not see the project, as before', async () => {
    const projectId = await drive.toQuotation();
    const response = await psm.graphql(PROJECT, { id: projectId }, psm.tokenFor('am-wu', 'ACCOUNT_MANAGER'));
    expect(response.errors).toBeUndefined();
    expect(response.data.project).toBeNull();
  });

  it('has no JSON on the project but the deprecated details', async () => {
    const { data } = await psm.graphql(getIntrospectionQuery(), {}, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    const schema = buildClientSchema(data);
    const jsonFields: string[] = [];
    const seen = new Set<string>();
    const walk = (type: GraphQLObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (named.name === 'JSON') jsonFields.push(`${type.name}.${field.name}${field.deprecationReason ? ' (deprecated)' : ''}`);
        if (isObjectType(named)) walk(named);
      }
    };
    walk(schema.getType('ProjectView') as GraphQLObjectType);
    expect(jsonFields).toEqual(['ProjectView.details (deprecated)']);
  });
});
