import type { ManualClock } from '../application/clock.js';
import { ExecuteProjectCommand, type ExecuteProjectCommandHandler } from '../application/execute-project-command.js';
import { ExecuteStandardSolutionCommand, type ExecuteStandardSolutionCommandHandler } from '../application/execute-standard-solution-command.js';
import { ExecuteReportCommand, type ExecuteReportCommandHandler, type ReportTarget } from '../application/execute-report-command.js';
import type { ReportFigures, ReportStep } from './demo-reports.js';
import { isCatalogueStep, type ScheduledCommand } from './demo-schedule.js';

/** The management reports' steps, their handler, and where a preparation reads its figures. */
export interface ReportRun {
  handler: ExecuteReportCommandHandler;
  figures: ReportFigures;
  steps: ReportStep[];
}

/**
 * Plays a schedule through the real command side, in time order, each command at its own instant: a project's
 * steps through the project handler, the catalogue's (标准方案库) through its own.
 */
export async function runSchedule(
  handler: ExecuteProjectCommandHandler,
  clock: ManualClock,
  schedule: ScheduledCommand[],
  catalogue?: ExecuteStandardSolutionCommandHandler,
  reports?: ReportRun,
): Promise<number> {
  const pending = [...(reports?.steps ?? [])];
  for (const step of schedule) {
    // a report step runs once every project step before it has
    while (reports && pending.length && pending[0].at <= step.at) await runReportStep(reports, clock, pending.shift()!);
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
  for (const step of pending) await runReportStep(reports!, clock, step);
  return schedule.length + (reports?.steps.length ?? 0);
}

async function runReportStep({ handler, figures }: ReportRun, clock: ManualClock, step: ReportStep): Promise<void> {
  clock.set(step.at);
  const command = await step.command(figures);
  const target = { ...step.report, businessUnit: null, command } as ReportTarget;
  try {
    await handler.execute(new ExecuteReportCommand(target, { commandId: step.commandId, actor: step.actor }));
  } catch (error) {
    throw new Error(`${command.type} on ${JSON.stringify(step.report)} at ${step.at.toISOString()} by ${step.actor.userId}: ${(error as Error).message}`, { cause: error });
  }
}
