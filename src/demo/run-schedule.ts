import type { ManualClock } from '../application/clock.js';
import { ExecuteProjectCommand, type ExecuteProjectCommandHandler } from '../application/execute-project-command.js';
import type { ScheduledCommand } from './demo-schedule.js';

/** Plays a schedule through the real command side, in time order, each command at its own instant. */
export async function runSchedule(handler: ExecuteProjectCommandHandler, clock: ManualClock, schedule: ScheduledCommand[]): Promise<number> {
  for (const step of schedule) {
    clock.set(step.at);
    try {
      await handler.execute(new ExecuteProjectCommand(step.projectId, step.command, { commandId: step.commandId, actor: step.actor }));
    } catch (error) {
      throw new Error(`${step.command.type} on project ${step.projectId} at ${step.at.toISOString()} by ${step.actor.userId}: ${(error as Error).message}`, { cause: error });
    }
  }
  return schedule.length;
}
