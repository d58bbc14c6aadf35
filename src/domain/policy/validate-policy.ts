import { ROLES, SIGNED_DOCUMENTS, SIGNING_CAPACITIES, type Role } from '../project/vocabulary.js';
import { CAPACITY_ROLES, type Policy } from './policy.js';
import { RESPONSIBILITIES } from './responsibilities.js';

/** A policy file that cannot be used: the message names the setting, `path` is where it is. */
export class PolicyError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path} ${problem}`);
    this.name = 'PolicyError';
  }
}

/** A check of one value at a path; it returns the value as the policy holds it. */
type Check = (value: unknown, path: string) => unknown;

const fail = (path: string, problem: string): never => {
  throw new PolicyError(path, problem);
};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** ADMIN runs the system and never takes a business decision (DOMAIN.md): no responsibility may name it. */
const BUSINESS_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'ADMIN');

const text: Check = (value, path) => (typeof value === 'string' && value.trim() !== '' ? value : fail(path, 'must be a non-empty text'));
const count = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (value, path) =>
  (Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? value : fail(path, `must be a whole number from ${min} to ${max}`));
const oneOf = (allowed: readonly string[]): Check => (value, path) => (allowed.includes(value as string) ? value : fail(path, `must be one of ${allowed.join(', ')}`));

function roles({ empty }: { empty: boolean }): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'must be a list of roles');
    if (value.length === 0 && !empty) return fail(path, 'is not assigned: give it at least one role');
    for (const role of value) if (!BUSINESS_ROLES.includes(role as Role)) fail(path, `names an unknown role "${String(role)}" (known: ${BUSINESS_ROLES.join(', ')})`);
    return [...new Set(value as Role[])];
  };
}
const assigned = roles({ empty: false });

/** An object with exactly these keys, each checked; a key missing or unknown names itself. */
function exactly(shape: Record<string, Check>): Check {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'must be an object');
    for (const key of Object.keys(value)) if (!(key in shape)) fail(`${path}.${key}`, 'is not a policy setting');
    return Object.fromEntries(Object.entries(shape).map(([key, check]) =>
      [key, key in value ? check(value[key], `${path}.${key}`) : fail(`${path}.${key}`, 'is missing')]));
  };
}

/** An open table (product lines): any key, each value checked. */
const table = (check: Check): Check => (value, path) =>
  (isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, check(entry, `${path}.${key}`)])) : fail(path, 'must be an object'));

const texts: Check = (value, path) => (Array.isArray(value) ? value.map((entry, i) => text(entry, `${path}[${i}]`)) : fail(path, 'must be a list of texts'));
function capacities(value: unknown, path: string) {
  if (!Array.isArray(value) || value.length === 0) return fail(path, 'must list at least one signing capacity');
  return [...new Set(value.map((capacity, i) => oneOf(SIGNING_CAPACITIES)(capacity, `${path}[${i}]`)))];
}

/** A scale from `min` to `max`, whole numbers, at least two points. */
const scale: Check = (value, path) => {
  const checked = exactly({ min: count(0, 100), max: count(1, 100) })(value, path) as { min: number; max: number };
  return checked.max > checked.min ? checked : fail(path, 'must have max above min');
};
/** The survey's questions: each a stable id (its answers are keyed by it) and the text the customer reads. */
const surveyQuestions: Check = (value, path) => {
  if (!Array.isArray(value) || value.length === 0) return fail(path, 'must list at least one question');
  const questions = value.map((question, i) => exactly({ id: (id, at) => (typeof id === 'string' && /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(id) ? id : fail(at, 'must be a short latin identifier')), text })(question, `${path}[${i}]`) as { id: string });
  if (new Set(questions.map((question) => question.id)).size !== questions.length) fail(path, 'names a question id twice');
  return questions;
};
/** The task book's budget bands: the first from 0, each from a larger gross margin, each a percent. */
function budgetBands(value: unknown, path: string) {
  if (!Array.isArray(value) || value.length === 0) return fail(path, 'must list at least one band');
  const bands = value.map((band, i) => exactly({ grossMarginFrom: count(0), percent: count(0, 100) })(band, `${path}[${i}]`) as { grossMarginFrom: number });
  if (bands[0].grossMarginFrom !== 0) fail(`${path}[0].grossMarginFrom`, 'must be 0: every gross margin falls in a band');
  bands.forEach((band, i) => {
    if (i > 0 && band.grossMarginFrom <= bands[i - 1].grossMarginFrom) fail(`${path}[${i}].grossMarginFrom`, 'must be larger than the band before');
  });
  return bands;
}

const perClass = (check: Check) => exactly({ GENERAL: check, MAJOR: check });
const OPEN_STAGES = ['LEAD', 'QUALIFIED', 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT'];

const POLICY = exactly({
  profile: text,
  version: count(1),
  responsibilities: exactly(Object.fromEntries(Object.keys(RESPONSIBILITIES).map((key) => [key, assigned]))),
  currency: (value, path) => (typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : fail(path, 'must be an ISO 4217 code such as CNY')),
  majorProjectAbove: count(0),
  quotationApprovalLevel: count(0),
  quotationApprovers: exactly({ upToLevel: assigned, aboveLevel: assigned, majorAlso: roles({ empty: true }) }),
  projectApprovers: perClass(assigned),
  terminationDeciders: perClass(assigned),
  review: perClass(exactly({ minReviewers: count(1, 50), rule: oneOf(['ONE_APPROVAL', 'MAJORITY']) })),
  agreementDrafters: exactly({ singleEquipmentLines: texts, matureOrSingleEquipment: assigned, complex: assigned }),
  signingCapacities: exactly(Object.fromEntries(SIGNED_DOCUMENTS.map((document) => [document, capacities]))),
  countersignChain: assigned,
  stageProbability: exactly(Object.fromEntries(OPEN_STAGES.map((stage) => [stage, count(0, 100)]))),
  sla: exactly({
    solutionWorkingDays: table(count(0, 365)),
    defaultSolutionWorkingDays: count(0, 365),
    solutionToleranceWorkingDays: count(0, 365),
    solutionRequestAnswerWorkingDays: count(0, 365),
    reviewWorkingDays: count(0, 365),
    onSiteReviewHours: count(1, 24 * 365),
    bidCheckDaysBeforeOpening: count(0, 365),
    bondDaysBeforeOpening: count(0, 365),
    summaryWorkingDays: count(0, 365),
  }),
  kpis: exactly({
    satisfactionSurvey: exactly({ questions: surveyQuestions, scale, linkValidDays: count(1, 365) }),
    collaborationScale: scale,
    assessmentScale: scale,
  }),
  salesControl: exactly({
    presalesBudgetBands: budgetBands,
    adjustmentApprovers: assigned,
    executiveApprovers: assigned,
    executiveAbove: exactly({ extraBudget: count(0), delayDays: count(0, 3650) }),
    progressReportWorkingDays: count(1, 23),
  }),
});

/** A policy file as the service uses it, or a PolicyError naming the first setting that is wrong. */
export function validatePolicy(raw: unknown): Policy {
  const policy = POLICY(raw, 'policy') as Policy;
  // the chain's signers countersign: each of its roles must hold that responsibility
  for (const role of policy.countersignChain) {
    if (!policy.responsibilities.countersign.includes(role)) fail('policy.countersignChain', `names ${role}, which policy.responsibilities.countersign does not`);
  }
  // a signer in a capacity must pass the signing command's role check
  const signing = { TECHNICAL_AGREEMENT: 'signTechnicalAgreement', CONTRACT: 'signContract' } as const;
  for (const document of SIGNED_DOCUMENTS) {
    for (const capacity of policy.signingCapacities[document]) {
      const role = capacity === 'REPRESENTATIVE' ? undefined : CAPACITY_ROLES[capacity];
      if (role && !policy.responsibilities[signing[document]].includes(role)) {
        fail(`policy.signingCapacities.${document}`, `names ${capacity}, whose role ${role} policy.responsibilities.${signing[document]} does not list`);
      }
    }
  }
  return policy;
}
