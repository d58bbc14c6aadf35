import { requireMoney, requireResponsibility, requireText, type DecisionContext } from '../project/decision-context.js';
import { refuse } from '../project/errors.js';
import type { DocumentRef, Money } from '../project/vocabulary.js';

/**
 * 标准方案库: the catalogue of standard solutions, across projects. Each entry is a stream of its own
 * (`standard-solution-<uuid>`): a named reference solution for a product line, with its reference price,
 * published in versions and withdrawn when the product is no longer standard. Documents 003 L33 and 001 L447.
 */
type Command<Type extends string, Data> = { type: Type; data: Data };
type Event<Type extends string, Data> = { type: Type; data: Data };

export type PublishStandardSolution = Command<'PublishStandardSolution', { name: string; productLine: string; document: DocumentRef; referencePrice: Money }>;
export type ReviseStandardSolution = Command<'ReviseStandardSolution', { document: DocumentRef; referencePrice: Money; changes: string }>;
export type WithdrawStandardSolution = Command<'WithdrawStandardSolution', { reason: string }>;
export type StandardSolutionCommand = PublishStandardSolution | ReviseStandardSolution | WithdrawStandardSolution;
export type StandardSolutionCommandType = StandardSolutionCommand['type'];

/** One version of an entry: its reference solution document and reference price. */
export interface StandardSolutionVersion {
  version: number;
  document: DocumentRef;
  referencePrice: Money;
  publishedBy: string;
  changes?: string;
}

export type StandardSolutionPublished = Event<'StandardSolutionPublished', { entryId: string; name: string; productLine: string } & StandardSolutionVersion>;
export type StandardSolutionRevised = Event<'StandardSolutionRevised', StandardSolutionVersion & { changes: string }>;
export type StandardSolutionWithdrawn = Event<'StandardSolutionWithdrawn', { reason: string; withdrawnBy: string }>;
export type StandardSolutionEvent = StandardSolutionPublished | StandardSolutionRevised | StandardSolutionWithdrawn;
export type StandardSolutionEventType = StandardSolutionEvent['type'];

export const STANDARD_SOLUTION_EVENT_VERSIONS: Readonly<Record<StandardSolutionEventType, number>> = {
  StandardSolutionPublished: 1,
  StandardSolutionRevised: 1,
  StandardSolutionWithdrawn: 1,
};

export interface StandardSolution {
  entryId: string;
  name: string;
  productLine: string;
  status: 'PUBLISHED' | 'WITHDRAWN';
  /** Every version published, in order; the last is the one in force. */
  versions: StandardSolutionVersion[];
  withdrawal?: { reason: string; withdrawnBy: string };
}

export const standardSolutionStream = (entryId: string) => `standard-solution-${entryId}`;
export const STANDARD_SOLUTION_STREAM_PREFIX = 'standard-solution-';

/** Folds one event into the entry. Pure. */
export function evolveStandardSolution(entry: StandardSolution | undefined, event: StandardSolutionEvent): StandardSolution | undefined {
  switch (event.type) {
    case 'StandardSolutionPublished': {
      const { entryId, name, productLine, ...version } = event.data;
      return { entryId, name, productLine, status: 'PUBLISHED', versions: [version] };
    }
    case 'StandardSolutionRevised':
      return entry && { ...entry, versions: [...entry.versions, event.data] };
    case 'StandardSolutionWithdrawn':
      return entry && { ...entry, status: 'WITHDRAWN', withdrawal: event.data };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const foldStandardSolution = (events: StandardSolutionEvent[]): StandardSolution | undefined =>
  events.reduce<StandardSolution | undefined>(evolveStandardSolution, undefined);

/** Who keeps the catalogue is the profile's; a version is never edited, a new one is published. */
export function decideStandardSolution(entryId: string, command: StandardSolutionCommand, entry: StandardSolution | undefined, context: DecisionContext): StandardSolutionEvent[] {
  requireResponsibility(context, 'maintainStandardSolutions');
  const by = context.actor.userId;
  switch (command.type) {
    case 'PublishStandardSolution': {
      if (entry) refuse('INVALID_TRANSITION', `the standard solution ${entryId} is already published: publish a new version of it`);
      const { name, productLine, document } = command.data;
      return [{
        type: 'StandardSolutionPublished',
        data: {
          entryId, name: requireText(name, 'the name of the standard solution'), productLine: requireText(productLine, 'the product line it covers'),
          version: 1, document, referencePrice: requireMoney(command.data.referencePrice, 'the reference price', context), publishedBy: by,
        },
      }];
    }
    case 'ReviseStandardSolution': {
      const current = requirePublished(entryId, entry);
      const { document, changes } = command.data;
      if (current.versions.some((version) => version.document.sha256 === document.sha256)) refuse('INVALID_INPUT', 'this document is already a version of the entry');
      return [{
        type: 'StandardSolutionRevised',
        data: {
          version: current.versions.length + 1, document, referencePrice: requireMoney(command.data.referencePrice, 'the reference price', context),
          publishedBy: by, changes: requireText(changes, 'what changed in this version'),
        },
      }];
    }
    case 'WithdrawStandardSolution':
      requirePublished(entryId, entry);
      return [{ type: 'StandardSolutionWithdrawn', data: { reason: requireText(command.data.reason, 'why the entry is withdrawn'), withdrawnBy: by } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function requirePublished(entryId: string, entry: StandardSolution | undefined): StandardSolution {
  if (!entry) return refuse('STANDARD_SOLUTION_UNAVAILABLE', `no standard solution ${entryId} in the catalogue`);
  if (entry.status === 'WITHDRAWN') return refuse('STANDARD_SOLUTION_UNAVAILABLE', `the standard solution ${entry.name} is withdrawn`);
  return entry;
}

/** The version a project may send: of an entry in force, covering the project's product line. */
export function usableVersion(entryId: string, version: number, entry: StandardSolution | undefined, productLine: string): { entry: StandardSolution; used: StandardSolutionVersion } {
  const current = requirePublished(entryId, entry);
  if (current.productLine !== productLine) {
    refuse('STANDARD_SOLUTION_UNAVAILABLE', `the standard solution ${current.name} covers ${current.productLine}, not ${productLine}: this product needs a reviewed solution`);
  }
  const used = current.versions.find((candidate) => candidate.version === version);
  if (!used) return refuse('STANDARD_SOLUTION_UNAVAILABLE', `the standard solution ${current.name} has no version ${version} (in force: ${current.versions.length})`);
  // what goes to a customer is what the catalogue holds now: a superseded version is refused like an unknown one
  if (used !== current.versions[current.versions.length - 1]) {
    refuse('STANDARD_SOLUTION_UNAVAILABLE', `version ${version} of ${current.name} is superseded by version ${current.versions.length}`);
  }
  return { entry: current, used };
}
