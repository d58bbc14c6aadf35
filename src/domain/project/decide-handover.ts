import type { ConfirmOralAgreement, HandOver, ReceiveHandover } from './commands.js';
import { requireStage, requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { Handover, Project } from './state.js';
import type { HandoverItem, HandoverKind } from './vocabulary.js';

/**
 * 该清单至少包括 (S1-DY 6.7): the contract; the system solution or the bid; the contract review sheet
 * and its issue/countermeasure sheet; and, passed on after the deal (S2 售后信息沟通), the customer's needs
 * and the product configuration. One kind of each group is enough. Supplementary and oral agreements
 * are listed only when there are any, which only the account manager knows.
 */
export const REQUIRED_HANDOVER_KINDS: ReadonlyArray<readonly HandoverKind[]> = [
  ['CONTRACT'],
  ['SOLUTION', 'BID_DOCUMENTS'],
  ['CONTRACT_REVIEW_SHEET'],
  ['REVIEW_ISSUES_SHEET'],
  ['CUSTOMER_NEEDS'],
  ['PRODUCT_CONFIGURATION'],
];

const item = (kind: HandoverKind, version: string, document: { title: string; uri: string; sha256: string } | undefined): HandoverItem[] =>
  document ? [{ kind, version, title: document.title, uri: document.uri, sha256: document.sha256 }] : [];

/** The list's documents the project holds already, referenced as filed: nobody types them again. */
export function heldItems(project: Project): HandoverItem[] {
  const { contract, solution, agreement, quotation } = project;
  return [
    ...item('CONTRACT', `v${contract?.version}`, contract?.document),
    ...item('CONTRACT', `v${contract?.version} signed scan`, contract?.scan),
    ...item('SOLUTION', `v${solution?.version}`, solution?.document),
    // 标准方案: the catalogue's reference solution the project went on with
    ...(solution ? [] : item('SOLUTION', `standard v${project.standardSolution?.version}`, project.standardSolution?.referenceSolution)),
    ...item('TECHNICAL_AGREEMENT', `v${agreement?.version}`, agreement?.document),
    ...item('TECHNICAL_AGREEMENT', `v${agreement?.version} signed scan`, agreement?.scan),
    ...item('QUOTATION', `v${quotation?.version}`, quotation?.document),
    ...item('CUSTOMER_NEEDS', 'survey report', project.surveyReport),
  ];
}

/** 文档移交清单: WON only, once; what the list lacks is named, kind by kind, in the refusal. */
export function handOver(project: Project, { data }: HandOver, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'WON');
  if (project.handedOver) refuse('INVALID_TRANSITION', 'the project is already handed over');
  const receivedBy = requireText(data.receivedBy, 'who receives the project (an engineer of the delivery team)');
  for (const given of data.items) {
    if (given.kind === 'UNCLASSIFIED') refuse('INVALID_INPUT', 'every document handed over says what it is in the list: UNCLASSIFIED is kept for old lists');
    requireText(given.title, 'each document\'s title');
    requireText(given.version, `the version of ${given.title}`);
  }
  const held = heldItems(project);
  const listed = new Set(held.map(({ sha256 }) => sha256));
  for (const { sha256, title } of data.items) {
    if (listed.has(sha256)) refuse('INVALID_INPUT', `${title} is listed twice (sha256 ${sha256}); the project's contract, solution, agreement, quotation and survey report are listed already`);
    listed.add(sha256);
  }
  const items = [...held, ...data.items];
  const kinds = new Set(items.map(({ kind }) => kind));
  const missing = REQUIRED_HANDOVER_KINDS.filter((group) => !group.some((kind) => kinds.has(kind)));
  if (missing.length > 0) {
    refuse('HANDOVER_INCOMPLETE', `the handover list lacks ${missing.map((group) => group.join(' or ')).join(', ')}`, { missingKinds: missing.flat() });
  }
  return [{
    type: 'ProjectHandedOver',
    data: { receivedBy, handedOverBy: context.actor.userId, items, oralAgreementConfirmers: context.policy.responsibilities.confirmOralAgreement },
  }];
}

function openHandover(project: Project): Handover {
  if (!project.handover) return refuse('INVALID_TRANSITION', 'the project has not been handed over');
  if (project.handover.received) refuse('INVALID_TRANSITION', `the handover was received by ${project.handover.receivedBy} and is closed`);
  return project.handover;
}

/** 口头协议应当书面化, 并有 COO 签字确认: one of the confirmers the policy names confirms each, once. */
export function confirmOralAgreement(project: Project, { data }: ConfirmOralAgreement, context: DecisionContext): ProjectEvent[] {
  const handover = openHandover(project);
  if (!handover.oralAgreements.some((oral) => !oral.confirmed)) refuse('INVALID_TRANSITION', 'no oral agreement of the handover awaits confirmation');
  const oral = handover.oralAgreements.find(({ sha256 }) => sha256 === data.sha256) ?? refuse('INVALID_INPUT', `the handover lists no oral agreement with sha256 ${data.sha256}`);
  if (oral.confirmed) refuse('INVALID_TRANSITION', `the oral agreement "${oral.title}" is already confirmed`);
  return [{ type: 'OralAgreementConfirmed', data: { sha256: oral.sha256, title: oral.title, confirmedBy: context.actor.userId } }];
}

/** Only the engineer the handover names confirms receipt, once every oral agreement is confirmed: that closes it. */
export function receiveHandover(project: Project, _command: ReceiveHandover, context: DecisionContext): ProjectEvent[] {
  const handover = openHandover(project);
  if (context.actor.userId !== handover.receivedBy) refuse('NOT_ALLOWED_FOR_ROLE', `the handover is received by ${handover.receivedBy}, whom it names`);
  const unconfirmed = handover.oralAgreements.filter((oral) => !oral.confirmed);
  if (unconfirmed.length > 0) {
    refuse('INVALID_TRANSITION', `oral agreements await confirmation by ${handover.oralAgreementConfirmers.join(' or ')}: ${unconfirmed.map(({ title }) => title).join(', ')}`);
  }
  return [{ type: 'HandoverReceived', data: { receivedBy: handover.receivedBy } }];
}
