import { DEFAULT_POLICY, type Policy } from './policy.js';

type PartialDeep<T> = { [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? PartialDeep<T[K]> : T[K] };
export type PolicyOverrides = PartialDeep<Policy>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The defaults with the department's overrides laid over them; a value of the wrong kind is refused. */
export function mergePolicy(overrides: unknown, base: Policy = DEFAULT_POLICY): Policy {
  return merge(base, overrides, 'policy') as Policy;
}

function merge(base: unknown, override: unknown, path: string): unknown {
  if (override === undefined) return base;
  if (isPlainObject(base)) {
    if (!isPlainObject(override)) throw new TypeError(`${path} must be an object`);
    const keys = new Set([...Object.keys(base), ...Object.keys(override)]);
    // product lines are open-ended: new keys are allowed only where the defaults hold a table of them
    const openTable = path.endsWith('solutionWorkingDays');
    for (const key of Object.keys(override)) if (!(key in base) && !openTable) throw new TypeError(`${path}.${key} is not a policy setting`);
    return Object.fromEntries([...keys].map((key) => [key, merge(base[key], override[key], `${path}.${key}`)]));
  }
  if (Array.isArray(base) ? !Array.isArray(override) : typeof base !== typeof override && base !== undefined) {
    throw new TypeError(`${path} must be ${Array.isArray(base) ? 'a list' : `a ${typeof base}`}`);
  }
  if (typeof override === 'number' && (!Number.isFinite(override) || override < 0)) throw new TypeError(`${path} must be a non-negative number`);
  return override;
}
