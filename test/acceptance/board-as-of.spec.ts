import { pino } from 'pino';
import { PROJECTIONS } from '../../projections/projections.js';
import { Projector } from '../../projections/runtime/projector.js';
import { ManualClock } from '../../src/application/clock.js';
import { GetPipelineBoardHandler, GetPipelineBoard, type BoardColumn } from '../../projections/pipeline-board/pipeline-board.query.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { demoSchedule } from '../../src/demo/demo-schedule.js';
import { commandSide, runSchedule } from '../../src/demo/run-schedule.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

/** What a board shows that does not depend on the day it is looked at. */
const shape = (columns: BoardColumn[]) => columns.map(({ stage, count, amount, weightedAmount, cards }) => ({
  stage, count, amount, weightedAmount,
  cards: cards.map(({ projectId, stage: cardStage, amount: cardAmount, stageEnteredAt, nextStep, customer, ownerId }) =>
    ({ projectId, stage: cardStage, amount: cardAmount, stageEnteredAt, nextStep, customer, ownerId })),
}));

describe('the board as of a past date', () => {
  it('equals the board that was live at that date, for 6 dates over a year', async () => {
    const end = new Date('2026-11-01T00:00:00Z');
    const schedule = demoSchedule({ projects: 120, months: 12, seed: 11, end });
    const events = new InMemoryEventStore(projectUpcasters);
    const reads = new EmbeddedReadStore(':memory:');
    const policy = new PolicyProvider(ENTERPRISE_STANDARD);
    const clock = new ManualClock(end);
    const { handler, others } = commandSide(events, policy, clock);
    const board = new GetPipelineBoardHandler(reads, policy);
    const projector = new Projector(PROJECTIONS, events, reads, pino({ level: 'silent' }));
    await projector.start();
    const caughtUp = async () => {
      const head = (await events.head())?.position;
      for (let i = 0; i < 1000 && !projector.status().every((s) => s.checkpoint === head); i++) await new Promise((r) => setTimeout(r, 5));
    };

    const dates = [2, 4, 6, 8, 10, 11].map((month) => new Date(Date.UTC(2025, 10 + month, 3, 4)));
    const live = new Map<Date, BoardColumn[]>();
    let done = 0;
    for (const date of dates) {
      const upTo = schedule.findIndex((step) => step.at > date);
      await runSchedule(handler, clock, schedule.slice(done, upTo), others);
      done = upTo;
      await caughtUp();
      live.set(date, await board.execute(new GetPipelineBoard()));
    }
    await runSchedule(handler, clock, schedule.slice(done), others);
    await caughtUp();
    await projector.stop();

    for (const date of dates) {
      const then = await board.execute(new GetPipelineBoard({}, date));
      expect(shape(then)).toEqual(shape(live.get(date)!));
      expect(then.reduce((sum, column) => sum + column.count, 0)).toBeGreaterThan(0);
    }
  }, 60_000);
});
