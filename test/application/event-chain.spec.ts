import { randomUUID } from 'node:crypto';
import { ProjectAudit } from '../../src/application/audit/project-audit.js';
import { SystemClock } from '../../src/application/clock.js';
import { ExecuteProjectCommand, ExecuteProjectCommandHandler } from '../../src/application/execute-project-command.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { projectStream } from '../../src/application/project-stream.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { UpcasterRegistry } from '../../src/event-store/upcasters.js';
import { EVENT_VERSIONS, PROJECT_UPCASTERS } from '../../src/domain/project/event-versions.js';
import { history, PROJECT } from '../unit/domain/fixtures.js';

const note = (text: string) => ({ type: 'AddTrackingNote' as const, data: { kind: 'CALL' as const, note: text } });
const asManager = () => ({ commandId: randomUUID(), actor: { userId: 'am-li', roles: ['ACCOUNT_MANAGER' as const] } });

/** Events written before the chain existed: no hash in their metadata. */
const legacy = (events: ProjectEvent[]) => events.map((event) => ({
  id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>,
  metadata: { actor: { userId: 'seed', roles: [] }, commandId: randomUUID(), correlationId: 'c', causationId: 'c', schemaVersion: 1 },
}));

describe('the hash chain the command handler writes', () => {
  const setUp = (upcasters = projectUpcasters) => {
    const store = new InMemoryEventStore(upcasters);
    return { store, handler: new ExecuteProjectCommandHandler(store, new PolicyProvider(ENTERPRISE_STANDARD), new SystemClock()), audit: new ProjectAudit(store) };
  };

  it('links every event to its predecessor, after a prefix written before the chain existed', async () => {
    const { store, handler, audit } = setUp();
    await store.append(projectStream(PROJECT), legacy(history('PSM040')), 'NO_STREAM');
    const legacyCount = history('PSM040').length;
    for (let i = 0; i < 3; i++) await handler.execute(new ExecuteProjectCommand(PROJECT, note(`call ${i}`), asManager()));
    const events = await store.readStream(projectStream(PROJECT));
    const chained = events.slice(legacyCount);
    expect(chained[0].metadata.previousHash).toBeNull();
    expect(chained[1].metadata.previousHash).toBe(chained[0].metadata.hash);
    expect(chained[2].metadata.previousHash).toBe(chained[1].metadata.hash);
    expect(await audit.verify(PROJECT)).toEqual({ status: 'UNCHAINED', events: legacyCount + 3, unchained: legacyCount, headHash: chained[2].metadata.hash });
  });

  it('reports a stream written before the chain existed as unchained, without failing', async () => {
    const { store, audit } = setUp();
    await store.append(projectStream(PROJECT), legacy(history('PSM040')), 'NO_STREAM');
    expect(await audit.verify(PROJECT)).toMatchObject({ status: 'UNCHAINED', unchained: history('PSM040').length, headHash: null });
    expect(await audit.verify(randomUUID()).catch((error) => error.code)).toBe('PROJECT_NOT_FOUND');
  });

  it('still verifies once an upcaster changes how the events read: the hash covers what was stored', async () => {
    const { store, handler } = setUp();
    await handler.execute(new ExecuteProjectCommand(PROJECT, { type: 'RegisterLead', data: {
      projectId: PROJECT, title: 't', customer: 'c', contact: { name: 'n' }, need: 'x', channel: 'WEB',
      estimatedAmount: { amount: 100, currency: 'CNY' }, region: 'EAST', productLine: 'ROBOT_CELL',
    } }, asManager()));
    await handler.execute(new ExecuteProjectCommand(PROJECT, note('first call'), asManager()));
    const next = EVENT_VERSIONS.TrackingNoteAdded + 1;
    const rewrite = { type: 'TrackingNoteAdded', fromVersion: next - 1, upcast: (data: Record<string, unknown>) => ({ ...data, note: 'rewritten' }) };
    const upcasting = new InMemoryEventStore(new UpcasterRegistry({ ...EVENT_VERSIONS, TrackingNoteAdded: next }, [...PROJECT_UPCASTERS, rewrite]));
    await upcasting.append(projectStream(PROJECT), await store.readStream(projectStream(PROJECT)), 'NO_STREAM');
    expect((await upcasting.readStream(projectStream(PROJECT)))[1].data.note).toBe('rewritten');
    expect(await new ProjectAudit(upcasting).verify(PROJECT)).toMatchObject({ status: 'INTACT', events: 2, unchained: 0 });
  });
});
