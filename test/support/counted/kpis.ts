import type { StoredEvent } from '../../../src/event-store/event-store.port.js';
import { clocksOf } from './clocks.js';
import { monthFormat, monthOf } from './statistics.js';

/** A person's KPIs of a month, counted straight from the events: shares as [count, of], ratings as [count, total out of 100]. */
export interface PersonTally { followed: Set<string>; won: Set<string>; satisfaction: number[]; quality: number[]; collaboration: number[]; onTime: number; due: number; demos: number }

/**
 * 售前考核 per month and person, from the events alone: a project is followed in a month by whoever is named its engineer, presents a
 * demo, or does a pre-sales step in the engineer's role; it is won in the month its contract is signed, by everyone who followed it
 * before; marks are out of 100 on the scale the event names; an SLA step binds who did it, else whom it named, in the month its limit runs out.
 */
export function kpisByMonthAndPerson(events: StoredEvent[], at: string): Map<string, Map<string, PersonTally>> {
  const months = new Map<string, Map<string, PersonTally>>();
  const tally = (month: string, person: string) => {
    const people = months.get(month) ?? new Map<string, PersonTally>();
    months.set(month, people);
    const found = people.get(person) ?? { followed: new Set(), won: new Set(), satisfaction: [], quality: [], collaboration: [], onTime: 0, due: 0, demos: 0 };
    people.set(person, found);
    return found;
  };
  const mark = (score: number, scale: { min: number; max: number }) => ((score - scale.min) / (scale.max - scale.min)) * 100;
  const workers = new Map<string, Set<string>>();
  const authors = new Map<string, string>();
  const steps = ['ExchangeRecorded', 'SurveyCompleted', 'SolutionSubmitted', 'TechnicalAgreementSubmitted', 'TechnicalBidSubmitted', 'SolutionRequestAnswered'];
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const actor = event.metadata.actor as { userId: string; roles: string[] };
    const month = monthOf(event);
    const worked = event.type === 'ProjectApproved' ? (data.presalesEngineerId ? [data.presalesEngineerId] : [])
      : event.type === 'DemoHeld' ? data.presenters
        : steps.includes(event.type) && actor.roles.includes('PRESALES_ENGINEER') ? [actor.userId] : [];
    const team = workers.get(event.stream) ?? new Set<string>();
    workers.set(event.stream, team);
    for (const person of worked) {
      team.add(person);
      tally(month, person).followed.add(event.stream);
    }
    if (event.type === 'ContractSigned') {
      for (const person of team) {
        tally(month, person).won.add(event.stream);
        tally(month, person).followed.add(event.stream);
      }
    }
    if (event.type === 'SolutionSubmitted') authors.set(`${event.stream}|${data.version}`, data.authorId ?? actor.userId);
    if (event.type === 'ReviewVoteCast' && data.subject === 'SOLUTION' && data.scores) {
      const scale = { min: 1, max: 5 };
      tally(month, authors.get(`${event.stream}|${data.version}`)!).quality.push((mark(data.scores.rationality, scale) + mark(data.scores.innovation, scale) + mark(data.scores.completeness, scale)) / 3);
    }
    if (event.type === 'SatisfactionSurveyAnswered') {
      const value = data.answers.reduce((sum: number, answer: { score: number }) => sum + mark(answer.score, data.scale), 0) / data.answers.length;
      for (const person of data.rates) tally(month, person).satisfaction.push(value);
    }
    if (event.type === 'CollaborationRated') tally(month, data.person).collaboration.push(mark(data.score, data.scale));
    if (event.type === 'DemoHeld') for (const person of data.presenters) tally(data.heldOn.slice(0, 7), person).demos += 1;
  }
  const onTime = new Map<string, Map<string, [number, number]>>();
  for (const clock of clocksOf(events)) {
    const late = clock.stoppedAt === undefined ? clock.overdueAt < at : clock.stoppedAt > clock.overdueAt;
    if (!late && !(clock.doneBy && clock.stoppedAt !== undefined)) continue;
    const month = monthFormat.format(new Date(Date.parse(clock.overdueAt) - 1)).slice(0, 7);
    const people = clock.doneBy ? [clock.doneBy] : clock.waitingFor.flatMap((party) => (party.userId ? [party.userId] : []));
    for (const person of people) {
      const byPerson = onTime.get(month) ?? new Map<string, [number, number]>();
      onTime.set(month, byPerson);
      const [count, of] = byPerson.get(person) ?? [0, 0];
      byPerson.set(person, [count + (late ? 0 : 1), of + 1]);
    }
  }
  // an SLA step binds a person the KPIs list for other reasons: pre-sales work, a rating, a demo
  for (const [month, people] of months) {
    for (const [person, found] of people) [found.onTime, found.due] = onTime.get(month)?.get(person) ?? [0, 0];
  }
  return months;
}

export const share = (count: number, of: number) => ({ count, of, rate: of ? count / of : null });
export const rating = (marks: number[]) => {
  const total = marks.reduce((sum, value) => sum + value, 0);
  return { count: marks.length, total: Math.round(total * 1e6) / 1e6, score: marks.length ? Math.round((total / marks.length) * 1e6) / 1e6 : null };
};
export const rounded = ({ count, total, score }: { count: number; total: number; score: number | null }) =>
  ({ count, total: Math.round(total * 1e6) / 1e6, score: score === null ? null : Math.round(score * 1e6) / 1e6 });
