import { randomUUID } from 'node:crypto';
import { ExecuteProjectCommand, ExecuteProjectCommandHandler } from '../../src/application/execute-project-command.js';
import { SystemClock } from '../../src/application/clock.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { DEFAULT_POLICY } from '../../src/domain/policy/policy.js';
import { projectStream } from '../../src/application/project-stream.js';
import { DomainError } from '../../src/domain/project/errors.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { history, PROJECT } from '../unit/domain/fixtures.js';
import { doc } from '../unit/domain/fixtures.js';

const reviewerMeta = (userId: string, commandId: string = randomUUID()) => ({ commandId, actor: { userId, roles: ['REVIEWER' as const] } });
const approve = { type: 'ApproveReview' as const, data: { subject: 'SOLUTION' as const, documentSha256: doc('solution').sha256 } };

async function seeded(events: ProjectEvent[]) {
  const store = new InMemoryEventStore();
  await store.append(projectStream(PROJECT), events.map((event) => ({
    id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>,
    metadata: { actor: { userId: 'seed', roles: [] }, commandId: randomUUID(), correlationId: 'c', causationId: 'c', schemaVersion: 1 },
  })), 'NO_STREAM');
  return { store, handler: new ExecuteProjectCommandHandler(store, new PolicyProvider(DEFAULT_POLICY), new SystemClock()) };
}

describe('the command handler', () => {
  it('writes the actor, command id and schema version into every event it appends', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    const result = await handler.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('rv-1', 'cmd-1')));
    expect(result).toMatchObject({ projectId: PROJECT, stage: 'PSM040_QUOTATION', events: [{ type: 'ReviewVoteCast' }, { type: 'ReviewPassed' }] });
    const appended = (await store.readStream(projectStream(PROJECT))).slice(-2);
    for (const event of appended) {
      expect(event.metadata).toMatchObject({ actor: { userId: 'rv-1', roles: ['REVIEWER'] }, commandId: 'cmd-1', schemaVersion: 1, projectId: PROJECT });
    }
  });

  it('replaying the same command id 10 times appends once and answers the same each time', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    const command = new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('rv-1', 'cmd-same'));
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await handler.execute(command));
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => handler.execute(command)));
    for (const answer of [...answers, ...concurrent]) expect(answer).toEqual(answers[0]);
    expect(await store.readStream(projectStream(PROJECT))).toHaveLength(history('PSM040').length + 2);
  });

  it('concurrent votes on one review all count once, and the review closes exactly once', async () => {
    const reviewers = ['a', 'b', 'c', 'd', 'e'];
    const { store, handler } = await seeded(history('PSM040', 'MAJOR', reviewers));
    const outcomes = await Promise.allSettled(
      [...reviewers, ...reviewers].map((id) => handler.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta(id)))),
    );
    const events = (await store.readStream(projectStream(PROJECT))).map((event) => event.type);
    expect(events.filter((type) => type === 'ReviewPassed')).toHaveLength(1);
    // 3 of 5 approvals pass the review; later votes find it closed, repeats find their vote cast
    expect(events.filter((type) => type === 'ReviewVoteCast')).toHaveLength(3);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as DomainError).code);
    expect(refused).toHaveLength(7);
    for (const code of refused) expect(['INVALID_TRANSITION', 'ALREADY_VOTED']).toContain(code);
  });

  it('a handler keeping streams decides on what another process appended since it last read, and knows its command ids', async () => {
    const reviewers = ['a', 'b', 'c', 'd', 'e'];
    const { store, handler: here } = await seeded(history('PSM040', 'MAJOR', reviewers));
    const elsewhere = new ExecuteProjectCommandHandler(store, new PolicyProvider(DEFAULT_POLICY), new SystemClock());
    const first = await here.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('a', 'vote-a')));
    await elsewhere.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('b')));
    await expect(here.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('b')))).rejects.toMatchObject({ code: 'ALREADY_VOTED' });
    expect(await elsewhere.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('a', 'vote-a')))).toEqual(first);
    const events = (await store.readStream(projectStream(PROJECT))).slice(history('PSM040', 'MAJOR', reviewers).length);
    expect(events.map((event) => event.metadata.actor.userId)).toEqual(['a', 'b']);
  });

  it('a refused command appends nothing', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    await expect(handler.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('stranger')))).rejects.toMatchObject({ code: 'NOT_A_REVIEWER' });
    expect(await store.readStream(projectStream(PROJECT))).toHaveLength(history('PSM040').length);
  });
});
