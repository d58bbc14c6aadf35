import { randomUUID } from 'node:crypto';
import { ProjectAudit } from '../../src/application/audit/project-audit.js';
import { EVENT_LABELS } from '../../src/application/audit/event-labels.js';
import { ManualClock } from '../../src/application/clock.js';
import { ExecuteProjectCommand, ExecuteProjectCommandHandler } from '../../src/application/execute-project-command.js';
import { GetProject, GetProjectHandler } from '../../src/application/get-project.query.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { projectStream, toDomainEvent } from '../../src/application/project-stream.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import { fold, type Project } from '../../src/domain/project/state.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { seed } from '../support/demo-world.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const END = new Date('2026-11-01T00:00:00Z');
const DECISIONS: Record<string, string> = { ReviewVoteCast: 'SOLUTION|TECHNICAL_AGREEMENT', QuotationApproved: 'QUOTATION', ContractCountersigned: 'CONTRACT', TechnicalAgreementSigned: 'TECHNICAL_AGREEMENT' };

describe('audit replay over the demo world (every path of the procedure)', () => {
  const store = new InMemoryEventStore(projectUpcasters);
  const audit = new ProjectAudit(store);
  const streams = new Map<string, StoredEvent[]>();
  beforeAll(async () => {
    await seed(store, { projects: 80, months: 12, seed: 11, end: END });
    for (let page = await store.readAll({ limit: 100_000 }), i = 0; i < page.length; i++) {
      const event = page[i];
      // the catalogue of standard solutions has streams of its own, no project's
      if (!event.stream.startsWith('project-')) continue;
      streams.set(event.stream.slice('project-'.length), [...(streams.get(event.stream.slice('project-'.length)) ?? []), event]);
    }
  });

  it('covers every way a project ends', () => {
    const ends = [...streams.values()].map((events) => {
      const state = fold(events.map(toDomainEvent)) as Project;
      return `${state.stage}${state.outcome ? `/${state.outcome}` : ''}`;
    });
    for (const end of ['CLOSED/REJECTED', 'CLOSED/FORWARDED', 'TERMINATED', 'CLOSED/NO_BID', 'LOST/BID_LOST', 'WON']) expect(ends).toContain(end);
  });

  it('gives every project its whole history in revision order, each event labelled, with its actor and command', async () => {
    for (const [projectId, events] of streams) {
      const { entries, headRevision, nextFrom } = await audit.history(projectId, { limit: 1000 });
      expect(entries.map((entry) => [entry.revision, entry.type, entry.actor, entry.commandId])).toEqual(
        events.map((event, revision) => [revision, event.type, event.metadata.actor, event.metadata.commandId]),
      );
      expect(entries.map((entry) => entry.label)).toEqual(events.map((event) => EVENT_LABELS[event.type as keyof typeof EVENT_LABELS]));
      expect(entries.map((entry) => [entry.payload, entry.occurredAt])).toEqual(events.map((event) => [event.data, event.metadata.occurredAt]));
      expect([headRevision, nextFrom]).toEqual([events.length - 1, null]);
    }
  });

  it('links every vote, quotation approval, countersign and signature to the document version decided on', async () => {
    let linked = 0;
    for (const projectId of streams.keys()) {
      for (const entry of (await audit.history(projectId, { limit: 1000 })).entries) {
        if (!DECISIONS[entry.type]) {
          expect(entry.decidedDocument).toBeNull();
          continue;
        }
        linked += 1;
        expect(entry.decidedDocument).toMatchObject({ sha256: entry.payload.documentSha256, version: String(entry.payload.version) });
        expect(entry.decidedDocument!.kind).toMatch(new RegExp(`^(${DECISIONS[entry.type]})$`));
        expect(entry.decidedDocument!.filedAt).toBeLessThan(entry.revision);
      }
    }
    expect(linked).toBeGreaterThan(100);
  });

  it('pages by revision and filters by type', async () => {
    const [projectId, events] = [...streams].sort(([, a], [, b]) => b.length - a.length)[0];
    const first = await audit.history(projectId, { limit: 5 });
    const second = await audit.history(projectId, { from: first.nextFrom!, limit: 5 });
    expect([...first.entries, ...second.entries].map((entry) => entry.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const countersigns = await audit.history(projectId, { types: ['ContractCountersigned'], limit: 1000 });
    expect(countersigns.entries.map((entry) => entry.revision)).toEqual(events.filter((e) => e.type === 'ContractCountersigned').map((e) => e.revision));
    expect(await audit.history(randomUUID(), { limit: 5 }).catch((error) => error.code)).toBe('PROJECT_NOT_FOUND');
  });

  it('the state at every revision of a long project equals folding its events up to that revision', async () => {
    const [projectId, stream] = [...streams].sort(([, a], [, b]) => b.length - a.length)[0];
    // its owner now: the registrant, or whoever the lead was assigned to
    const { lead } = fold(stream.map(toDomainEvent)) as Project;
    const owner = lead.ownerId;
    const clock = new ManualClock(END);
    const handler = new ExecuteProjectCommandHandler(store, new PolicyProvider(ENTERPRISE_STANDARD), clock);
    for (let i = 0; i < 100; i++) {
      await handler.execute(new ExecuteProjectCommand(projectId, { type: 'AddTrackingNote', data: { kind: 'VISIT', note: `visit ${i}` } },
        { commandId: randomUUID(), actor: { userId: owner, roles: ['ACCOUNT_MANAGER'] } }));
    }
    const events = await store.readStream(projectStream(projectId));
    // the history was read before these appends: what it keeps of the stream grows with it
    expect((await audit.replay(projectId)).revision).toBe(events.length - 1);
    for (const { revision } of events) {
      const replay = await audit.replay(projectId, { atRevision: revision });
      expect([replay.revision, replay.stage, replay.entries.length]).toEqual([revision, fold(events.slice(0, revision + 1).map(toDomainEvent)).stage, revision + 1]);
    }
    const query = new GetProjectHandler(store);
    for (const { revision } of events) {
      expect(await query.execute(new GetProject(projectId, { atRevision: revision }))).toMatchObject({ project: fold(events.slice(0, revision + 1).map(toDomainEvent)), revision });
    }
    expect((await query.execute(new GetProject(projectId, { atRevision: events.length + 5 })))?.revision).toBe(events.length - 1);
    await expect(query.execute(new GetProject(projectId, { atRevision: 1, asOf: END }))).rejects.toMatchObject({ status: 400 });
  });
});
