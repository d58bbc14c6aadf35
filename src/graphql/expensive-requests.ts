/**
 * Counts the expensive requests running: per user, and those replaying the whole log for everyone.
 * A request past either bound is refused at once rather than queued: a queue would hold its memory.
 */
export class ExpensiveRequests {
  private readonly perUser = new Map<string, number>();
  private replays = 0;

  constructor(
    private readonly maxPerUser: number,
    private readonly maxReplays: number,
  ) {}

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
}
