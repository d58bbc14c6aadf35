import { ManualClock } from '../src/application/clock.js';
import { ExecuteProjectCommandHandler } from '../src/application/execute-project-command.js';
import type { PolicyProvider } from '../src/application/policy.provider.js';
import type { ScheduledCommand } from '../src/demo/demo-schedule.js';
import { runSchedule } from '../src/demo/run-schedule.js';
import type { EventStore } from '../src/event-store/event-store.port.js';

/**
 * Plays a schedule through the real command side as `users` people working at once: each window of
 * `users` consecutive steps runs its projects side by side (a project's own steps stay in order, each
 * at its own instant), so their appends share group commits; the log stays in time order window by window.
 */
export async function runScheduleConcurrently(events: EventStore, policy: PolicyProvider, schedule: ScheduledCommand[], users: number): Promise<void> {
  for (let start = 0; start < schedule.length; start += users) {
    const byProject = new Map<string, ScheduledCommand[]>();
    for (const step of schedule.slice(start, start + users)) byProject.set(step.projectId, [...(byProject.get(step.projectId) ?? []), step]);
    await Promise.all([...byProject.values()].map((steps) => {
      const clock = new ManualClock(steps[0].at);
      return runSchedule(new ExecuteProjectCommandHandler(events, policy, clock), clock, steps);
    }));
  }
}
