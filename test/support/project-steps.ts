import type { Role } from '../../src/domain/project/vocabulary.js';
import type { PsmApp } from './psm-app.js';

/** Who takes a step: a user and the role they act in. */
export type Hand = [string, Role];

/** A mutation's answer, as the walks read it. */
export interface StepAnswer {
  stage: string;
  revision: number;
  events: Array<{ type: string; data: Record<string, any> }>;
}

/**
 * Steps by the hand named, on one project (its id added to every input) or, without one, with the inputs as given:
 * `step` answers the mutation or throws naming it, the role and the refusal; `refusal` answers the refusal's extensions.
 */
export function stepsOn(psm: PsmApp, projectId?: string) {
  const send = ([userId, role]: Hand, mutation: string, input: Record<string, unknown>) =>
    psm.as(userId, role).do(mutation, projectId ? { projectId, ...input } : input);
  return {
    async step(hand: Hand, mutation: string, input: Record<string, unknown>): Promise<StepAnswer> {
      const { data, errors } = await send(hand, mutation, input);
      if (errors) throw new Error(`${mutation} by ${hand[1]}: ${JSON.stringify(errors)}`);
      return data[mutation] as StepAnswer;
    },
    async refusal(hand: Hand, mutation: string, input: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
      return (await send(hand, mutation, input)).errors?.[0].extensions;
    },
  };
}
