import type { ProjectPageQuery } from '../../graphql/generated/graphql';
import type { InputField } from '../../graphql/generated/mutation-inputs';
import { asFormValue } from './to-input';

export type ProjectData = NonNullable<ProjectPageQuery['project']>;

export interface Prefill {
  values: Record<string, unknown>;
  /** Fields the action already decides: the project, and what its variant names. */
  hidden: Set<string>;
}

/** The document in force that the step binds to, read from the typed project: its sha256 is what an approval sends. */
function documentInForce(command: string, variant: string | undefined, project: ProjectData) {
  switch (command) {
    case 'approveReview':
    case 'rejectReview':
      return (variant === 'TECHNICAL_AGREEMENT' ? project.agreement : project.solution)?.document;
    case 'signTechnicalAgreement':
      return project.agreement?.document;
    case 'approveQuotation':
      return project.quotation?.document;
    case 'countersign':
    case 'signContract':
      return project.contract?.document;
    // what the customer confirms or receives: the version in force (a contract intent is stated on the signed agreement)
    case 'recordCustomerConfirmation':
    case 'sendToCustomer':
      return {
        EXCHANGE_MEMO: project.exchange?.memo, SOLUTION: project.solution?.document, QUOTATION: project.quotation?.document,
        TECHNICAL_AGREEMENT: project.agreement?.document, CONTRACT_INTENT: project.agreement?.document, CONTRACT: project.contract?.document,
      }[variant ?? ''] ?? undefined;
  }
  return undefined;
}

/**
 * What a form starts with: the project's id; the field its variant names (the subject, step, decision…)
 * set and hidden; the sha256 (or, for the signed contract, the document) in force; the quoted amount
 * where the contract must equal it; the caller's role as the capacity they sign in.
 */
export function prefill(command: string, variant: string | undefined, fields: InputField[], project: ProjectData, role: string | undefined): Prefill {
  const values: Record<string, unknown> = { projectId: project.id };
  const hidden = new Set(['projectId']);
  const field = (name: string) => fields.find((candidate) => candidate.name === name);
  if (variant && command === 'answerSolutionRequest') {
    values.willMake = variant === 'MAKE';
    hidden.add('willMake');
  } else if (variant) {
    const named = fields.find((candidate) => candidate.kind === 'enum' && !candidate.list && candidate.values?.some(({ value }) => value === variant));
    if (named) {
      values[named.name] = variant;
      hidden.add(named.name);
    }
  }
  const document = documentInForce(command, variant, project);
  if (document && field('documentSha256')) values.documentSha256 = document.sha256;
  if (document && field('document')?.kind === 'object') values.document = { title: document.title, uri: document.uri, sha256: document.sha256 };
  const amount = field('amount');
  if (command === 'draftContract' && amount && project.quotation) values.amount = asFormValue(amount, project.quotation.amount);
  if (field('capacity')?.values?.some(({ value }) => value === role)) values.capacity = role;
  for (const { name, kind, list, required, defaultValue } of fields) {
    if (name in values) continue;
    // a switch left alone means no, and says so; a list the input requires starts with a row to fill
    values[name] = defaultValue ?? (kind === 'boolean' ? false : kind === 'object' && list && required ? [{}] : undefined);
  }
  return { values, hidden };
}
