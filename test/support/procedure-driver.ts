import { randomUUID } from 'node:crypto';
import { cny, docOf, type GraphQLResponse, type PsmApp } from './psm-app.js';

export type Step = { projectId: string; stage: string; revision: number; events: Array<{ type: string }> };

/** Drives projects through the procedure over GraphQL, step by step, failing loudly on any refusal. */
export class ProcedureDriver {
  /** The walks follow the default profile (enterprise-standard) unless told which one the service runs. */
  constructor(private readonly psm: PsmApp, private readonly profile: 'enterprise-standard' | 'equipment-maker' = 'enterprise-standard') {}

  async ok(pending: Promise<GraphQLResponse>): Promise<Step> {
    const response = await pending;
    if (response.errors) throw new Error(`refused: ${JSON.stringify(response.errors)}`);
    return response.data[Object.keys(response.data)[0]] as Step;
  }

  am() {
    return this.psm.as('am-li', 'ACCOUNT_MANAGER');
  }

  /** 市场部 convenes the review of the version just submitted (the default profile's organiser). */
  convene(projectId: string, subject: 'SOLUTION' | 'TECHNICAL_AGREEMENT', reviewers: string[]): Promise<Step> {
    return this.ok(this.psm.as('mk-zhou', 'MARKETING').do('conveneReview', { projectId, subject, reviewers }));
  }

  /** The profile's organiser records the customer's confirmation of the version shown: 市场部, or 业务主管 under equipment-maker. */
  confirm(projectId: string, subject: 'EXCHANGE_MEMO' | 'SOLUTION' | 'TECHNICAL_AGREEMENT' | 'CONTRACT_INTENT' | 'CONTRACT', document: string): Promise<Step> {
    const organiser = this.profile === 'equipment-maker' ? this.psm.as('sup-zhao', 'SALES_SUPERVISOR') : this.psm.as('mk-zhou', 'MARKETING');
    return this.ok(organiser.do('recordCustomerConfirmation', { projectId, subject, documentSha256: docOf(document).sha256 }));
  }

  /** 部门领导: signs with the customer under the default profile (enterprise-standard). */
  leader() {
    return this.psm.as('dl-feng', 'DEPARTMENT_LEADER');
  }

  /** Lead → approval → exchange → survey → solution passed → quotation submitted. */
  async toQuotation(options: { yuan?: number; major?: boolean } = {}): Promise<string> {
    const { psm } = this;
    const projectId = randomUUID();
    await this.ok(this.am().do('registerLead', {
      projectId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells',
      channel: 'EXHIBITION', estimatedAmount: cny(options.major ? 6_000_000 : 800_000), region: 'EAST', productLine: 'ROBOT_CELL',
    }));
    await this.ok(psm.as('sup-zhao', 'SALES_SUPERVISOR').do('screenLead', { projectId, decision: 'QUALIFY' }));
    const approver = options.major ? psm.as('gm-qian', 'BU_GENERAL_MANAGER') : psm.as('dir-sun', 'SALES_DIRECTOR');
    await this.ok(approver.do('approveProject', {
      projectId, sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    }));
    const engineer = psm.as('pe-wang', 'PRESALES_ENGINEER');
    await this.ok(engineer.do('recordExchange', { projectId, summary: 'memo', surveyNeeded: true }));
    await this.ok(engineer.do('recordSurvey', { projectId, summary: 'site report' }));
    const reviewers = options.major ? ['rv-1', 'rv-2', 'rv-3'] : ['rv-1'];
    await this.ok(engineer.do('submitSolution', { projectId, document: docOf('solution v1') }));
    await this.ok(this.am().do('setSystemBudget', { projectId, systemBudget: cny(600_000) }));
    await this.convene(projectId, 'SOLUTION', reviewers);
    for (const reviewer of reviewers.slice(0, options.major ? 2 : 1)) {
      await this.ok(psm.as(reviewer, 'REVIEWER').do('approveReview', { projectId, subject: 'SOLUTION', documentSha256: docOf('solution v1').sha256 }));
    }
    await this.confirm(projectId, 'SOLUTION', 'solution v1');
    const yuan = options.yuan ?? 90_000;
    await this.ok(this.am().do('submitQuotation', { projectId, amount: cny(yuan), document: docOf(`quotation ${yuan}`) }));
    return projectId;
  }

  async approveQuotation(projectId: string, yuan: number, ...approvers: Array<[string, 'TECH_MANAGER' | 'OPERATIONS_CENTER' | 'BU_GENERAL_MANAGER']>) {
    for (const [userId, role] of approvers) {
      await this.ok(this.psm.as(userId, role).do('approveQuotation', { projectId, documentSha256: docOf(`quotation ${yuan}`).sha256 }));
    }
  }

  async signAgreement(projectId: string) {
    const engineer = this.psm.as('pe-wang', 'PRESALES_ENGINEER');
    await this.ok(engineer.do('submitTechnicalAgreement', { projectId, document: docOf('agreement') }));
    await this.convene(projectId, 'TECHNICAL_AGREEMENT', ['rv-1']);
    await this.ok(this.psm.as('rv-1', 'REVIEWER').do('approveReview', { projectId, subject: 'TECHNICAL_AGREEMENT', documentSha256: docOf('agreement').sha256 }));
    await this.confirm(projectId, 'TECHNICAL_AGREEMENT', 'agreement');
    await this.ok(this.leader().do('signTechnicalAgreement', { projectId, documentSha256: docOf('agreement').sha256, capacity: 'DEPARTMENT_LEADER' }));
    await this.confirm(projectId, 'CONTRACT_INTENT', 'agreement');
  }

  /** PSM080: the customer confirms the countersigned draft's terms; the department leader signs it with the customer. */
  async signContract(projectId: string, draft: string): Promise<Step> {
    await this.confirm(projectId, 'CONTRACT', draft);
    return this.ok(this.leader().do('signContract', { projectId, signedOn: '2026-11-24', document: docOf(draft), capacity: 'DEPARTMENT_LEADER' }));
  }

  /** A GENERAL project of 90,000 CNY, negotiated, with its contract drafted and awaiting countersigns. */
  async toDraftedContract(draft = 'contract v1'): Promise<string> {
    const projectId = await this.toQuotation();
    await this.approveQuotation(projectId, 90_000, ['tm-he', 'TECH_MANAGER']);
    await this.ok(this.am().do('chooseProcurement', { projectId, method: 'NEGOTIATION' }));
    await this.signAgreement(projectId);
    await this.ok(this.am().do('draftContract', { projectId, document: docOf(draft), amount: cny(90_000) }));
    return projectId;
  }

  async countersignAll(projectId: string, draft: string) {
    for (const [userId, role] of [['am-li', 'ACCOUNT_MANAGER'], ['mk-zhou', 'MARKETING'], ['gm-qian', 'BU_GENERAL_MANAGER']] as const) {
      await this.ok(this.psm.as(userId, role).do('countersign', { projectId, decision: 'SIGN', documentSha256: docOf(draft).sha256 }));
    }
  }
}
