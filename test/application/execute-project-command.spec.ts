import { randomUUID } from 'node:crypto';
import { ExecuteProjectCommand, ExecuteProjectCommandHandler } from '../../src/application/execute-project-command.js';
import { SystemClock } from '../../src/application/clock.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import { projectStream } from '../../src/application/project-stream.js';
import { DomainError } from '../../src/domain/project/errors.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { accessFactsOf } from '../../src/application/project-access.js';
import type { ProjectCommand } from '../../src/domain/project/commands.js';
import type { Role } from '../../src/domain/project/vocabulary.js';
import { AM, ENGINEER, history, leadRegistered, PROJECT } from '../unit/domain/fixtures.js';
import { doc } from '../unit/domain/fixtures.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const reviewerMeta = (userId: string, commandId: string = randomUUID()) => ({ commandId, actor: { userId, roles: ['REVIEWER' as const] } });
const approve = { type: 'ApproveReview' as const, data: { subject: 'SOLUTION' as const, documentSha256: doc('solution').sha256 } };

async function seeded(events: ProjectEvent[]) {
  const store = new InMemoryEventStore(projectUpcasters);
  await store.append(projectStream(PROJECT), events.map((event) => ({
    id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>,
    metadata: { actor: { userId: 'seed', roles: [] }, commandId: randomUUID(), correlationId: 'c', causationId: 'c', schemaVersion: 1 },
  })), 'NO_STREAM');
  return { store, handler: new ExecuteProjectCommandHandler(store, new PolicyProvider(ENTERPRISE_STANDARD), new SystemClock()) };
}

describe('the command handler', () => {
  it('writes the actor, command id, schema version and policy into every event it appends', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    const result = await handler.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('rv-1', 'cmd-1')));
    expect(result).toMatchObject({ projectId: PROJECT, stage: 'PSM040_QUOTATION', events: [{ type: 'ReviewVoteCast' }, { type: 'ReviewPassed' }] });
    const appended = (await store.readStream(projectStream(PROJECT))).slice(-2);
    for (const event of appended) {
      expect(event.metadata).toMatchObject({ actor: { userId: 'rv-1', roles: ['REVIEWER'] }, commandId: 'cmd-1', schemaVersion: 1, projectId: PROJECT });
      // the decision records the profile and version it was taken under
      expect(event.metadata.policy).toEqual({ profile: 'enterprise-standard', version: 2 });
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
    const elsewhere = new ExecuteProjectCommandHandler(store, new PolicyProvider(ENTERPRISE_STANDARD), new SystemClock());
    const first = await here.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('a', 'vote-a')));
    await elsewhere.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('b')));
    await expect(here.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('b')))).rejects.toMatchObject({ code: 'ALREADY_VOTED' });
    expect(await elsewhere.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('a', 'vote-a')))).toEqual(first);
    const events = (await store.readStream(projectStream(PROJECT))).slice(history('PSM040', 'MAJOR', reviewers).length);
    expect(events.map((event) => event.metadata.actor.userId)).toEqual(['a', 'b']);
  });

  it('a refused command appends nothing', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    // the engineer is named on the project, and so sees it, but not as a reviewer of this solution
    const engineer = { commandId: randomUUID(), actor: { userId: ENGINEER, roles: ['REVIEWER' as const] } };
    await expect(handler.execute(new ExecuteProjectCommand(PROJECT, approve, engineer))).rejects.toMatchObject({ code: 'NOT_A_REVIEWER' });
    expect(await store.readStream(projectStream(PROJECT))).toHaveLength(history('PSM040').length);
  });
});

describe('who may touch a project through a command', () => {
  const as = (userId: string, roles: Role[], businessUnit?: string, commandId: string = randomUUID()) =>
    ({ commandId, actor: { userId, roles, ...(businessUnit ? { businessUnit } : {}) } });
  const note = { type: 'AddTrackingNote' as const, data: { kind: 'CALL' as const, note: 'called the customer' } };
  const refusalOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: DomainError) => ({ code: error.code, message: error.message }));

  it('a project its caller may not see is refused as a missing one, word for word, and nothing is appended', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    const missing = await refusalOf(handler.execute(new ExecuteProjectCommand(randomUUID(), note, as('am-other', ['ACCOUNT_MANAGER']))));
    expect(missing).toEqual({ code: 'PROJECT_NOT_FOUND', message: 'no such project' });
    const outsiders = [
      as('am-other', ['ACCOUNT_MANAGER']), as('pe-other', ['PRESALES_ENGINEER']), as('rv-other', ['REVIEWER']),
      as('dir-b', ['SALES_DIRECTOR'], 'B'), as('sup-b', ['SALES_SUPERVISOR'], 'B'), as('admin', ['ADMIN']), as('nobody', []),
    ];
    for (const meta of outsiders) {
      for (const command of [note, approve, { type: 'RequestTermination' as const, data: { reason: 'x' } }]) {
        const refusal = await refusalOf(handler.execute(new ExecuteProjectCommand(PROJECT, command as ProjectCommand, meta)));
        const onMissing = await refusalOf(handler.execute(new ExecuteProjectCommand(randomUUID(), command as ProjectCommand, meta)));
        expect(refusal).toEqual(onMissing);
      }
    }
    expect(await store.readStream(projectStream(PROJECT))).toHaveLength(history('PSM040').length);
  });

  it('acting on a project makes nobody a member: only a step that names a person does', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    await handler.execute(new ExecuteProjectCommand(PROJECT, note, as('sup-zhao', ['SALES_SUPERVISOR', 'ACCOUNT_MANAGER'])));
    const events = await store.readStream(projectStream(PROJECT));
    expect(accessFactsOf(events).members).not.toContain('sup-zhao');
    expect(accessFactsOf(events).members).toEqual(expect.arrayContaining([AM, 'dir-sun', ENGINEER, 'rv-1']));
  });

  it('a command id answers only its sender, and only for the command it first carried', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    const vote = await handler.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('rv-1', 'vote-1')));
    const before = (await store.readStream(projectStream(PROJECT))).length;
    for (const [command, meta] of [[note, as(AM, ['ACCOUNT_MANAGER'], undefined, 'vote-1')], [note, as('sup-zhao', ['SALES_SUPERVISOR'], undefined, 'vote-1')],
      [{ ...approve, type: 'RejectReview' as const, data: { ...approve.data, comments: 'no' } }, reviewerMeta('rv-1', 'vote-1')]] as const) {
      const refusal = await refusalOf(handler.execute(new ExecuteProjectCommand(PROJECT, command as ProjectCommand, meta)));
      expect(refusal).toEqual({ code: 'COMMAND_ID_TAKEN', message: 'the commandId vote-1 is already used: send the command with a new one' });
    }
    expect(await handler.execute(new ExecuteProjectCommand(PROJECT, approve, reviewerMeta('rv-1', 'vote-1')))).toEqual(vote);
    expect(await store.readStream(projectStream(PROJECT))).toHaveLength(before);
  });

  it('one sender may use the same command id on two projects', async () => {
    const { store, handler } = await seeded(history('PSM040'));
    const other = randomUUID();
    const register = { type: 'RegisterLead' as const, data: { ...leadRegistered().data, projectId: other } } as ProjectCommand;
    await handler.execute(new ExecuteProjectCommand(other, register, as(AM, ['ACCOUNT_MANAGER'])));
    for (const projectId of [PROJECT, other]) {
      const result = await handler.execute(new ExecuteProjectCommand(projectId, note, as(AM, ['ACCOUNT_MANAGER'], undefined, 'same-id')));
      expect(result.events).toEqual([expect.objectContaining({ type: 'TrackingNoteAdded' })]);
    }
    expect((await store.readStream(projectStream(other))).map((event) => event.type)).toEqual(['LeadRegistered', 'TrackingNoteAdded']);
  });
});
