import type { AuthenticatedActor } from './actor.js';

const CAPACITY = 10_000;

/**
 * Tokens already verified against a key that cannot change while the process runs, with the actor
 * they name: the same token again needs no signature check, only its expiry, judged as jose judges it.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, { actor: AuthenticatedActor; exp: number }>();

  constructor(private readonly clockToleranceSeconds: number) {}

  /** The token's actor while it is unexpired; undefined for a token never verified, or expired since. */
  get(token: string, now = new Date()): AuthenticatedActor | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    if (entry.exp <= Math.floor(now.getTime() / 1000) - this.clockToleranceSeconds) {
      this.tokens.delete(token);
      return undefined;
    }
    return { ...entry.actor, roles: [...entry.actor.roles] };
  }

  add(token: string, actor: AuthenticatedActor, exp: number): void {
    // a Map iterates in insertion order: the oldest token is forgotten first
    if (this.tokens.size >= CAPACITY) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, { actor: { ...actor, roles: [...actor.roles] }, exp });
  }
}
