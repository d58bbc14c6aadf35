import { demoSchedule } from '../../src/demo/demo-schedule.js';
import { DEMO_PEOPLE } from '../../src/demo/demo-people.js';
import { reportSchedule } from '../../src/demo/demo-reports.js';

describe('the development sign-in’s people', () => {
  const end = new Date('2026-11-01T00:00:00Z');
  // the projects' steps and the management reports' (the supervisor's, the director's, the planner's)
  const schedule = [...demoSchedule({ projects: 300, months: 24, seed: 7, end }), ...reportSchedule('2024-11', end)];

  it('are everyone who acts in the demo history, in the roles they act in', () => {
    const offered = new Set(DEMO_PEOPLE.map((person) => `${person.userId} ${person.roles.join(',')}`));
    // a survey is answered by the customer through its link: no one of the department acts
    const actors = new Set(schedule.flatMap((step) => ('actor' in step ? [`${step.actor.userId} ${step.actor.roles.join(',')}`] : [])));
    expect([...actors].filter((actor) => !offered.has(actor))).toEqual([]);
  });

  it('are each someone the demo history names, as actor or on a step (a reviewer)', () => {
    const named = JSON.stringify(schedule);
    expect(DEMO_PEOPLE.filter((person) => !named.includes(`"${person.userId}"`))).toEqual([]);
  });
});
