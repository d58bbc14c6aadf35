import { createHash } from 'node:crypto';
import type { Actor, Money, Role } from '../domain/project/vocabulary.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const as = (userId: string, ...roles: Role[]): Actor => ({ userId, roles });
export const cny = (yuan: number): Money => ({ amount: Math.round(yuan) * 100, currency: 'CNY' });

/** The day in Shanghai of an instant. */
export const dayOf = (instant: number) => new Date(instant + 8 * HOUR).toISOString().slice(0, 10);

/** A UUID fixed by a text: the same demo step always has the same command id. */
export function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
