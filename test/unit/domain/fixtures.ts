import type { ProjectEvent } from '../../../src/domain/project/events.js';
import type { Deadline, DeadlineKind, Party } from '../../../src/domain/project/deadlines.js';
import { HANDOVER_KINDS, type ConfirmedSubject, type DocumentRef, type HandoverItem, type HandoverKind, type Money, type ProjectClass } from '../../../src/domain/project/vocabulary.js';

export const PROJECT = '6f1d2c1e-5b7a-4c39-9d57-2f3e8c1a9b10';
export const cny = (yuan: number): Money => ({ amount: yuan * 100, currency: 'CNY' });
export const doc = (title: string, n = 1): DocumentRef => ({
  title,
  uri: `https://docs.example.test/${encodeURIComponent(title)}/v${n}`,
  sha256: `${title.length.toString(16)}${n}`.padEnd(64, 'a'),
});

export const AM = 'am-li';
export const ENGINEER = 'pe-wang';
export const MARKETING = 'mk-zhou';

/** An SLA clock due at the end of a day in Shanghai, overdue at the end of `overdueOn` (the same day unless a tolerance applies). */
export const dueBy = (kind: DeadlineKind, dueOn: string, waitingFor: Party[], overdueOn = dueOn): Deadline =>
  ({ kind, dueAt: `${dueOn}T16:00:00.000Z`, overdueAt: `${overdueOn}T16:00:00.000Z`, waitingFor });

/** The summary clock a project closed at NOW starts: its owner's, 5 working days on (Tuesday 2026-11-24 → 2026-12-01). */
export const summaryDue = { deadlines: [dueBy('SUMMARY', '2026-12-01', [{ userId: AM }])] };

export function leadRegistered(estimatedYuan = 800_000, productLine = 'ROBOT_CELL'): ProjectEvent {
  return {
    type: 'LeadRegistered',
    data: {
      projectId: PROJECT,
      title: '焊接机器人工作站',
      customer: '苏州精工机械有限公司',
      contact: { name: '陈工', phone: '0512-6666-8888' },
      need: 'two welding cells',
      channel: 'EXHIBITION',
      estimatedAmount: cny(estimatedYuan),
      region: 'EAST',
      productLine,
      ownerId: AM,
    },
  };
}

/** 客户确认 of a version, recorded by 市场部 (the default profile's organiser). */
export const confirmed = (subject: ConfirmedSubject, version: number, documentSha256: string): ProjectEvent => ({
  type: 'CustomerConfirmed',
  data: { subject, document: subject === 'CONTRACT_INTENT' ? 'TECHNICAL_AGREEMENT' : subject, version, documentSha256, recordedBy: MARKETING },
});

/** The history of a project up to the start of each stage (ACCEPTED: the customer's acceptance of the passed solution), GENERAL unless told. */
export function history(until: string, projectClass: ProjectClass = 'GENERAL', reviewers = ['rv-1']): ProjectEvent[] {
  const events: ProjectEvent[] = [leadRegistered(projectClass === 'MAJOR' ? 6_000_000 : 800_000)];
  const steps: Array<[string, ProjectEvent[]]> = [
    ['QUALIFIED', [{ type: 'LeadQualified', data: { screenedBy: 'sup-zhao' } }]],
    ['PSM010', [{
      type: 'ProjectApproved',
      data: {
        projectClass, approvedBy: 'dir-sun', sponsorId: 'dir-sun', presalesEngineerId: ENGINEER, hasMatureReference: true,
        milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
      },
    }]],
    ['PSM030', [{ type: 'ExchangeRecorded', data: { summary: 'met the plant manager', surveyNeeded: false, solutionDueOn: '2026-11-27' } }]],
    ['REVIEW', [
      { type: 'SolutionSubmitted', data: { version: 1, document: doc('solution'), authorId: ENGINEER, organisers: ['MARKETING'] } },
      {
        type: 'ReviewConvened',
        data: { subject: 'SOLUTION', version: 1, reviewers, approvalsNeeded: projectClass === 'MAJOR' ? Math.floor(reviewers.length / 2) + 1 : 1, convenedBy: MARKETING },
      },
    ]],
    ['PSM040', [
      ...reviewers.slice(0, projectClass === 'MAJOR' ? Math.floor(reviewers.length / 2) + 1 : 1).map((reviewerId): ProjectEvent => ({
        type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId, vote: 'APPROVE', documentSha256: doc('solution').sha256 },
      })),
      { type: 'ReviewPassed', data: { subject: 'SOLUTION', version: 1, approvals: 1 } },
    ]],
    ['ACCEPTED', [confirmed('SOLUTION', 1, doc('solution').sha256)]],
    ['QUOTED', [{ type: 'QuotationSubmitted', data: { version: 1, amount: cny(90_000), document: doc('quotation'), requiredApprovals: ['TECH_MANAGER'] } }]],
    ['APPROVED', [{ type: 'QuotationApproved', data: { version: 1, role: 'TECH_MANAGER', approverId: 'tm-he', documentSha256: doc('quotation').sha256 } }]],
  ];
  for (const [stage, stepEvents] of steps) {
    if (stage === until) return events;
    events.push(...stepEvents);
  }
  if (until === 'QUOTATION_APPROVED') return events;
  throw new Error(`unknown stage ${until}`);
}

export const negotiating = (): ProjectEvent[] => [
  ...history('QUOTATION_APPROVED'),
  { type: 'ProcurementChosen', data: { method: 'NEGOTIATION' } },
];

export const tendering = (): ProjectEvent[] => [
  ...history('QUOTATION_APPROVED'),
  { type: 'ProcurementChosen', data: { method: 'TENDER' } },
];

/** A technical agreement submitted by the engineer and its review convened with rv-1. */
export const agreementSubmitted = (reviewers = ['rv-1']): ProjectEvent[] => [
  { type: 'TechnicalAgreementSubmitted', data: { version: 1, document: doc('agreement'), authorId: ENGINEER, organisers: ['MARKETING'] } },
  { type: 'ReviewConvened', data: { subject: 'TECHNICAL_AGREEMENT', version: 1, reviewers, approvalsNeeded: 1, convenedBy: MARKETING } },
];

/** The agreement passed its review and, unless told, its terms were confirmed by the customer. */
export const agreementPassed = (termsConfirmed = true): ProjectEvent[] => [
  ...negotiating(),
  ...agreementSubmitted(),
  { type: 'ReviewVoteCast', data: { subject: 'TECHNICAL_AGREEMENT', version: 1, reviewerId: 'rv-1', vote: 'APPROVE', documentSha256: doc('agreement').sha256 } },
  { type: 'ReviewPassed', data: { subject: 'TECHNICAL_AGREEMENT', version: 1, approvals: 1 } },
  ...(termsConfirmed ? [confirmed('TECHNICAL_AGREEMENT', 1, doc('agreement').sha256)] : []),
];

/** The agreement signed and, unless told, the customer's intent to sign a contract stated on it. */
export const contracting = (intentStated = true): ProjectEvent[] => [
  ...agreementPassed(),
  { type: 'TechnicalAgreementSigned', data: { version: 1, signerId: ENGINEER, documentSha256: doc('agreement').sha256 } },
  ...(intentStated ? [confirmed('CONTRACT_INTENT', 1, doc('agreement').sha256)] : []),
];

export const drafted = (): ProjectEvent[] => [
  ...contracting(),
  {
    type: 'ContractDrafted',
    data: {
      version: 1, document: doc('contract'), amount: cny(90_000), quotationVersion: 1,
      chain: [{ role: 'ACCOUNT_MANAGER', userId: AM }, { role: 'MARKETING' }, { role: 'BU_GENERAL_MANAGER' }],
    },
  },
];

/** Every countersign done and, unless told, the contract's terms confirmed by the customer. */
export const countersigned = (termsConfirmed = true): ProjectEvent[] => [
  ...drafted(),
  ...([['ACCOUNT_MANAGER', AM], ['MARKETING', 'mk-zhou'], ['BU_GENERAL_MANAGER', 'gm-qian']] as const).map(([role, signerId], step): ProjectEvent => ({
    type: 'ContractCountersigned', data: { version: 1, step, signerId, role, documentSha256: doc('contract').sha256 },
  })),
  ...(termsConfirmed ? [confirmed('CONTRACT', 1, doc('contract').sha256)] : []),
];

export const won = (): ProjectEvent[] => [
  ...countersigned(),
  { type: 'ContractSigned', data: { version: 1, amount: cny(90_000), signedOn: '2026-11-24', document: doc('contract') } },
];

/** A document of the handover list the project does not hold; its sha256 is its own, whatever its title. */
export const sheet = (kind: HandoverKind, title: string, n = 1): HandoverItem => ({
  kind, version: String(n), title, uri: `https://docs.example.test/handover/${encodeURIComponent(title)}`, sha256: `${HANDOVER_KINDS.indexOf(kind).toString(16)}${n}`.padEnd(64, 'b'),
});
/** The sheets S1-DY 6.7 and S2 ask for besides what a won project holds (its contract and solution). */
export const requiredSheets = (): HandoverItem[] => [
  sheet('CONTRACT_REVIEW_SHEET', '产品/项目销售合同评审表'),
  sheet('REVIEW_ISSUES_SHEET', '评审问题对策表'),
  sheet('CUSTOMER_NEEDS', '客户需求调查表'),
  sheet('PRODUCT_CONFIGURATION', '产品配置清单'),
];
export const RECEIVER = 'de-lin';
/** A won project handed over to RECEIVER with the sheets given and an oral agreement waiting for the EXECUTIVE. */
export const handedOver = (extra: HandoverItem[] = [sheet('ORAL_AGREEMENT', '口头协议书面化：免费培训两次')]): ProjectEvent[] => [
  ...won(),
  { type: 'ProjectHandedOver', data: { receivedBy: RECEIVER, handedOverBy: AM, items: [...requiredSheets(), ...extra], oralAgreementConfirmers: ['EXECUTIVE'] } },
];
