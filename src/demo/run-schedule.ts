import type { ManualClock } from '../application/clock.js';
import { SatisfactionSurveys } from '../application/answer-satisfaction-survey.js';
import { ExecuteAssessmentCommand, ExecuteAssessmentCommandHandler } from '../application/execute-assessment-command.js';
import { ExecuteProjectCommand, ExecuteProjectCommandHandler } from '../application/execute-project-command.js';
import { ExecuteReportCommand, type ExecuteReportCommandHandler, type ReportTarget } from '../application/execute-report-command.js';
import { ExecuteStandardSolutionCommand, ExecuteStandardSolutionCommandHandler } from '../application/execute-standard-solution-command.js';
import type { PolicyProvider } from '../application/policy.provider.js';
import { StreamCache } from '../application/stream-cache.js';
import type { EventStore } from '../event-store/event-store.port.js';
import type { ReportFigures, ReportStep } from './demo-reports.js';
import { isAssessmentStep, isCatalogueStep, isSurveyAnswer, type ScheduledCommand } from './demo-schedule.js';

/** The handlers of the streams that are no project's, and the survey link's: a schedule holding their steps needs them. */
export interface OtherHandlers {
  catalogue?: ExecuteStandardSolutionCommandHandler;
  surveys?: SatisfactionSurveys;
  assessments?: ExecuteAssessmentCommandHandler;
}

/** The command side a schedule is played through, on one clock: the project handler and the others. */
export function commandSide(events: EventStore, policy: PolicyProvider, clock: ManualClock): { handler: ExecuteProjectCommandHandler; others: Required<OtherHandlers> } {
  const streams = new StreamCache(events);
  return {
    handler: new ExecuteProjectCommandHandler(events, policy, clock, streams),
    others: {
      catalogue: new ExecuteStandardSolutionCommandHandler(events, streams, policy, clock),
      surveys: new SatisfactionSurveys(events, streams, policy, clock),
      assessments: new ExecuteAssessmentCommandHandler(events, streams, policy, clock),
    },
  };
}

const needed = <T>(handler: T | undefined, what: string): T => {
  if (!handler) throw new Error(`a ${what} step needs its handler`);
  return handler;
};

/** Runs one step through the handler its stream has. */
async function run(step: ScheduledCommand, handler: ExecuteProjectCommandHandler, { catalogue, surveys, assessments }: OtherHandlers): Promise<void> {
  if (isCatalogueStep(step)) {
    await needed(catalogue, 'catalogue').execute(new ExecuteStandardSolutionCommand(step.entryId, step.command, { commandId: step.commandId, actor: step.actor }));
  } else if (isSurveyAnswer(step)) {
    // the customer answers every question the survey asks, on its scale
    const link = needed(surveys, 'survey');
    const { questions, scale } = await link.open(step.token);
    const answers = questions.map(({ id }, index) => ({ questionId: id, score: Math.max(scale.min, Math.min(scale.max, step.marks[index % step.marks.length])) }));
    await link.answer(step.token, { answers, ...(step.comment ? { comment: step.comment } : {}) });
  } else if (isAssessmentStep(step)) {
    await needed(assessments, 'assessment').execute(new ExecuteAssessmentCommand(step.person, step.month, step.command, { commandId: step.commandId, actor: step.actor }));
  } else {
    await handler.execute(new ExecuteProjectCommand(step.projectId, step.command, { commandId: step.commandId, actor: step.actor }));
  }
}

const whereOf = (step: ScheduledCommand) =>
  isCatalogueStep(step) ? `standard solution ${step.entryId}` : isAssessmentStep(step) ? `the assessment of ${step.person} for ${step.month}` : `project ${step.projectId}`;
const whatOf = (step: ScheduledCommand) => (isSurveyAnswer(step) ? 'AnswerSatisfactionSurvey' : step.command.type);

/** The management reports' steps, their handler, and where a preparation reads its figures. */
export interface ReportRun {
  handler: ExecuteReportCommandHandler;
  figures: ReportFigures;
  steps: ReportStep[];
}

/**
 * Plays a schedule through the real command side, in time order, each command at its own instant: a project's
 * steps through the project handler, the catalogue's (标准方案库), the survey link's and the assessments' through their own.
 */
export async function runSchedule(
  handler: ExecuteProjectCommandHandler,
  clock: ManualClock,
  schedule: ScheduledCommand[],
  others: OtherHandlers = {},
  reports?: ReportRun,
): Promise<number> {
  const pending = [...(reports?.steps ?? [])];
  for (const step of schedule) {
    // a report step runs once every project step before it has
    while (reports && pending.length && pending[0].at <= step.at) await runReportStep(reports, clock, pending.shift()!);
    clock.set(step.at);
    try {
      await run(step, handler, others);
    } catch (error) {
      const by = isSurveyAnswer(step) ? 'the customer' : step.actor.userId;
      throw new Error(`${whatOf(step)} on ${whereOf(step)} at ${step.at.toISOString()} by ${by}: ${(error as Error).message}`, { cause: error });
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
