import type { ManualClock } from '../application/clock.js';
import { ExecuteProjectCommand, type ExecuteProjectCommandHandler } from '../application/execute-project-command.js';
import { ExecuteStandardSolutionCommand, type ExecuteStandardSolutionCommandHandler } from '../application/execute-standard-solution-command.js';
import { isCatalogueStep, type ScheduledCommand } from './demo-schedule.js';

/**
 * Plays a schedule through the real command side, in time order, each command at its own instant: a project's
 * steps through the project handler, the catalogue's (标准方案库) through its own.
 */
export async function runSchedule(
  handler: ExecuteProjectCommandHandler,
  clock: ManualClock,
  schedule: ScheduledCommand[],
  catalogue?: ExecuteStandardSolutionCommandHandler,
): Promise<number> {
  for (const step of schedule) {
    clock.set(step.at);
    try {
      if (isCatalogueStep(step)) {
        if (!catalogue) throw new Error('a catalogue step needs the catalogue\'s command handler');
        await catalogue.execute(new ExecuteStandardSolutionCommand(step.entryId, step.command, { commandId: step.commandId, actor: step.actor }));
      } else {
        await handler.execute(new ExecuteProjectCommand(step.projectId, step.command, { commandId: step.commandId, actor: step.actor }));
      }
    } catch (error) {
      const where = isCatalogueStep(step) ? `standard solution ${step.entryId}` : `project ${step.projectId}`;
      throw new Error(`${step.command.type} on ${where} at ${step.at.toISOString()} by ${step.actor.userId}: ${(error as Error).message}`, { cause: error });
    }
  }
  return schedule.length;
}
