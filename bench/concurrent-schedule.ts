import { ManualClock } from '../src/application/clock.js';
import type { PolicyProvider } from '../src/application/policy.provider.js';
import type { SurveyAnswerStep } from '../src/demo/demo-kpis.js';
import { isAssessmentStep, isCatalogueStep, type ProjectStep, type ScheduledCommand } from '../src/demo/demo-schedule.js';
import { commandSide, runSchedule } from '../src/demo/run-schedule.js';
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
    const { handler, others } = commandSide(events, policy, clock);
    await runSchedule(handler, clock, catalogue, others);
  }
  const projects = schedule.filter((step): step is ProjectStep | SurveyAnswerStep => 'projectId' in step);
  for (let start = 0; start < projects.length; start += users) {
    const byProject = new Map<string, Array<ProjectStep | SurveyAnswerStep>>();
    for (const step of projects.slice(start, start + users)) byProject.set(step.projectId, [...(byProject.get(step.projectId) ?? []), step]);
    await Promise.all([...byProject.values()].map((steps) => {
      const clock = new ManualClock(steps[0].at);
      const { handler, others } = commandSide(events, policy, clock);
      return runSchedule(handler, clock, steps, others);
    }));
  }
  // 月度考核, on streams of their own, after the months they assess
  const assessments = schedule.filter(isAssessmentStep);
  if (assessments.length) {
    const clock = new ManualClock(assessments[0].at);
    const { handler, others } = commandSide(events, policy, clock);
    await runSchedule(handler, clock, assessments, others);
  }
}
