import type { Policy } from '../../domain/policy/policy.js';
import { PolicyError, validatePolicy } from '../../domain/policy/validate-policy.js';
import { endOfShanghaiDay } from '../../domain/policy/working-calendar.js';
import { refuse } from '../../domain/project/errors.js';
import type { Period } from './decided-history.js';

/** A candidate policy file's text is at most this long (the shipped files are about 7 KB). */
export const MAX_CANDIDATE_CHARACTERS = 65_536;
/** A what-if covers at most this many months: its cost grows with the period's decisions. */
export const MAX_PERIOD_MONTHS = 24;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The candidate as the service would load it, or INVALID_POLICY naming the setting (`path`) that is wrong. */
export function candidatePolicy(text: string, inForce: Policy): Policy {
  if (text.length > MAX_CANDIDATE_CHARACTERS) refuse('INVALID_INPUT', `the candidate policy has ${text.length} characters; at most ${MAX_CANDIDATE_CHARACTERS} are read`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refuse('INVALID_POLICY', `the candidate policy is not JSON: ${(error as Error).message}`, { path: 'policy' });
  }
  try {
    const candidate = validatePolicy(raw);
    // thresholds and amounts are compared in fen of one currency
    if (candidate.currency !== inForce.currency) refuse('INVALID_POLICY', `policy.currency must be ${inForce.currency}, the currency in force`, { path: 'policy.currency' });
    return candidate;
  } catch (error) {
    if (error instanceof PolicyError) return refuse('INVALID_POLICY', error.message, { path: error.path });
    throw error;
  }
}

function calendarDay(value: string, what: string): [number, number, number] {
  const match = DAY.exec(value);
  const parts = match ? [Number(match[1]), Number(match[2]), Number(match[3])] as [number, number, number] : undefined;
  if (!parts || new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).toISOString().slice(0, 10) !== value) refuse('INVALID_INPUT', `${what} must be a day YYYY-MM-DD`);
  return parts!;
}

/**
 * The period from the start of `from` to the end of `to`, Beijing days, both included, at most
 * MAX_PERIOD_MONTHS long; a period reaching past `now` is replayed up to now (nothing is decided later).
 */
export function periodOf(from: string, to: string, now: Date): Period {
  const [year, month, day] = calendarDay(from, 'from');
  calendarDay(to, 'to');
  if (to < from) refuse('INVALID_INPUT', `to (${to}) is before from (${from})`);
  const limit = new Date(Date.UTC(year, month - 1 + MAX_PERIOD_MONTHS, day)).toISOString().slice(0, 10);
  if (to >= limit) refuse('PERIOD_TOO_LONG', `a what-if covers at most ${MAX_PERIOD_MONTHS} months: from ${from}, to is before ${limit}`);
  const start = endOfShanghaiDay(new Date(Date.parse(from) - 86_400_000).toISOString().slice(0, 10));
  const end = endOfShanghaiDay(to);
  return { from: start, to: end < now.toISOString() ? end : now.toISOString() };
}
