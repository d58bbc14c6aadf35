import type { ProjectCommand } from '../../../src/domain/project/commands.js';
import { decide } from '../../../src/domain/project/decide.js';
import type { DecisionContext } from '../../../src/domain/project/decision-context.js';
import { DomainError, type DomainErrorCode } from '../../../src/domain/project/errors.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { fold } from '../../../src/domain/project/state.js';
import type { Role } from '../../../src/domain/project/vocabulary.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';
import { chineseWorkingCalendar } from '../../../src/domain/policy/chinese-working-calendar.js';

/** 2026-11-24 10:00 in Shanghai, a Tuesday. */
export const NOW = new Date('2026-11-24T02:00:00Z');

export const as = (userId: string, ...roles: Role[]) => ({ userId, roles });

export function contextFor(actor: { userId: string; roles: Role[] }, overrides: Partial<DecisionContext> = {}): DecisionContext {
  return { actor, now: NOW, policy: ENTERPRISE_STANDARD, calendar: chineseWorkingCalendar, ...overrides };
}

/** given(history).when(command, by actor).then(events) | .thenThrows(code) — over decide and evolve only. */
export function given(history: ProjectEvent[]) {
  return {
    when(command: ProjectCommand, actor: { userId: string; roles: Role[] }, overrides: Partial<DecisionContext> = {}) {
      const run = () => decide(command, fold(history), contextFor(actor, overrides));
      return {
        then(expected: ProjectEvent[]) {
          expect(run()).toEqual(expected);
        },
        thenThrows(code: DomainErrorCode) {
          let error: unknown;
          try {
            run();
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
        },
        events: run,
      };
    },
  };
}

/** The code of the refusal a decision throws, or undefined when it decides: for the streams that are no project's. */
export function refusalCode(decision: () => unknown): DomainErrorCode | undefined {
  try {
    decision();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}
