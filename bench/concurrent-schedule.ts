import { ManualClock } from '../src/application/clock.js';
import { ExecuteProjectCommandHandler } from '../src/application/execute-project-command.js';
import type { PolicyProvider } from '../src/application/policy.provider.js';
import { ExecuteStandardSolutionCommandHandler } from '../src/application/execute-standard-solution-command.js';
import { StreamCache } from '../src/application/stream-cache.js';
import { isCatalogueStep, type ProjectStep, type ScheduledCommand } from '../src/demo/demo-schedule.js';
import { runSchedule } from '../src/demo/run-schedule.js';
import type { EventStore } from '../src/event-store/event-store.port.js';

/**
 * Plays a schedule through the real command side as `users` people working at once: each window of
 * `users` consecutive steps runs its projects side by side (a project's own steps stay in order, each
 * at its own instant), so their appends share group commits; the log stays in time order window by window.
 */
export async function runScheduleConcurrently(events: EventStore, policy: PolicyProvider, schedule: ScheduledCommand[], users: number): Promise<void> {
  // the catalogue of standard solutions is kept before any project starts: one person, in order
  const catalogue = schedule.filter(isCatalogueStep);
  if (catalogue.length) {
    const clock = new ManualClock(catalogue[0].at);
    await runSchedule(new ExecuteProjectCommandHandler(events, policy, clock), clock, catalogue, new ExecuteStandardSolutionCommandHandler(events, new StreamCache(events), policy, clock));
  }
  const projects = schedule.filter((step): step is ProjectStep => !isCatalogueStep(step));
  for (let start = 0; start < projects.length; start += users) {
    const byProject = new Map<string, ProjectStep[]>();
    for (const step of projects.slice(start, start + users)) byProject.set(step.projectId, [...(byProject.get(step.projectId) ?? []), step]);
    await Promise.all([...byProject.values()].map((steps) => {
      const clock = new ManualClock(steps[0].at);
      return runSchedule(new ExecuteProjectCommandHandler(events, policy, clock), clock, steps);
    }));
  }
}
