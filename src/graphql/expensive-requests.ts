import { Global, Injectable, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/**
 * Counts the expensive requests running: per user, and those replaying the whole log for everyone.
 * A request past either bound is refused at once rather than queued: a queue would hold its memory.
 * One for the process: GraphQL's reports and past instants and the CSV reports share it.
 */
@Injectable()
export class ExpensiveRequests {
  private readonly perUser = new Map<string, number>();
  private replays = 0;
  private readonly maxPerUser: number;
  private readonly maxReplays: number;

  constructor(config: AppConfig) {
    this.maxPerUser = config.GRAPHQL_MAX_EXPENSIVE_PER_USER;
    this.maxReplays = config.GRAPHQL_MAX_REPLAYS;
  }

  /** A slot for `userId`'s request, and its release (safe to call twice); undefined when a bound is reached. */
  enter(userId: string, replaysWholeLog: boolean): (() => void) | undefined {
    const running = this.perUser.get(userId) ?? 0;
    if (running >= this.maxPerUser || (replaysWholeLog && this.replays >= this.maxReplays)) return undefined;
    this.perUser.set(userId, running + 1);
    if (replaysWholeLog) this.replays++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.perUser.get(userId)! - 1;
      if (left) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
      if (replaysWholeLog) this.replays--;
    };
  }

  /** Whether a refusal was for the user's own requests (or for everyone's replays). */
  isUserBound(userId: string): boolean {
    return (this.perUser.get(userId) ?? 0) >= this.maxPerUser;
  }

  /** Why `userId`'s request was refused, in the words the caller reads. */
  refusal(userId: string): string {
    return this.isUserBound(userId)
      ? `${this.maxPerUser} of your expensive requests (reports, past instants) are running: send this one when one has answered`
      : 'the service is replaying the log for other requests: try again in a few seconds';
  }
}

@Global()
@Module({ providers: [ExpensiveRequests], exports: [ExpensiveRequests] })
export class ExpensiveRequestsModule {}
