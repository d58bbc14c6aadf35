import { shanghaiDate } from '../policy/working-calendar.js';
import type { NoteCompetitor, PlanDemo, RecordDemoFeedback, RecordDemoHeld } from './commands.js';
import { requireMoney, requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { CLOSED_STAGES, type Demo, type Project } from './state.js';

/** 演示时间控制: a demo's length, in minutes (a working day at most). */
export const MAX_DEMO_MINUTES = 480;

const requireOpen = (project: Project, what: string) => {
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `${what} needs an open project; it is ${project.stage}`);
};

/** The demo named, once some demo waits for this step: without one the step is not open, whatever the number. */
function demoOf(project: Project, number: number, waiting: (demo: Demo) => boolean, step: string): Demo {
  if (!project.demos.some(waiting)) refuse('INVALID_TRANSITION', `no demo waits to be ${step}`);
  return project.demos.find((demo) => demo.number === number) ?? refuse('INVALID_INPUT', `no demo ${number} is planned on this project`);
}

/** 演示准备: at any open stage from the first contact, on any path; a project may hold several demos. */
export function planDemo(project: Project, { data }: PlanDemo, context: DecisionContext): ProjectEvent[] {
  requireOpen(project, 'a demo');
  const { durationMinutes } = data;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > MAX_DEMO_MINUTES) refuse('INVALID_INPUT', `a demo lasts 1 to ${MAX_DEMO_MINUTES} minutes`);
  return [{
    type: 'DemoPlanned',
    data: {
      number: project.demos.length + 1,
      audience: requireText(data.audience, 'the audience'),
      environment: requireText(data.environment, 'the demo environment'),
      agenda: requireText(data.agenda, 'the agenda'),
      durationMinutes,
      ...(data.plannedOn ? { plannedOn: data.plannedOn } : {}),
      plannedBy: context.actor.userId,
    },
  }];
}

/** 演示实施: a planned demo held, once, while the project is open; by at least one presenter, on a day not yet to come. */
export function recordDemoHeld(project: Project, { data }: RecordDemoHeld, context: DecisionContext): ProjectEvent[] {
  requireOpen(project, 'a demo');
  if (demoOf(project, data.number, (demo) => !demo.held, 'held').held) refuse('INVALID_TRANSITION', `demo ${data.number} is already recorded as held`);
  const presenters = [...new Set(data.presenters.map((presenter) => presenter.trim()))];
  if (presenters.length === 0 || presenters.includes('')) refuse('INVALID_INPUT', 'name who presented the demo');
  if (data.heldOn > shanghaiDate(context.now)) refuse('INVALID_INPUT', `a demo is recorded once held: ${data.heldOn} is still to come`);
  return [{ type: 'DemoHeld', data: { number: data.number, presenters, heldOn: data.heldOn } }];
}

/** 沟通交流: the customer's view of a demo held, once (also after the project closed). */
export function recordDemoFeedback(project: Project, { data }: RecordDemoFeedback): ProjectEvent[] {
  const demo = demoOf(project, data.number, (entry) => entry.held && !entry.feedback, 'given feedback');
  if (!demo.held) refuse('INVALID_TRANSITION', `demo ${data.number} has not been held yet`);
  if (demo.feedback) refuse('INVALID_TRANSITION', `the customer's feedback on demo ${data.number} is already recorded`);
  return [{ type: 'DemoFeedbackRecorded', data: { number: data.number, feedback: requireText(data.feedback, 'the customer\'s feedback') } }];
}

/** 竞争信息: on any project, any path and stage, before or after its result; the reporter is who records it. */
export function noteCompetitor({ data }: NoteCompetitor, context: DecisionContext): ProjectEvent[] {
  const competitor = data.competitor.trim();
  if (!competitor) refuse('INVALID_INPUT', 'name the competitor');
  return [{
    type: 'CompetitorNoted',
    data: {
      competitor,
      ...(data.strengths?.trim() ? { strengths: data.strengths } : {}),
      ...(data.weaknesses?.trim() ? { weaknesses: data.weaknesses } : {}),
      ...(data.price ? { price: requireMoney(data.price, 'the competitor\'s price', context) } : {}),
      reportedBy: context.actor.userId,
    },
  }];
}
