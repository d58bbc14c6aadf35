import { ProjectAudit } from '../../src/application/audit/project-audit.js';
import { projectStream } from '../../src/application/project-stream.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { newEvent } from '../support/events.js';
import { AM, cny, contracting, countersigned, doc, drafted, history, PROJECT, won } from '../unit/domain/fixtures.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

async function auditOf(events: ProjectEvent[]) {
  const store = new InMemoryEventStore(projectUpcasters);
  await store.append(projectStream(PROJECT), events.map((event) => newEvent(event.type, event.data as Record<string, unknown>)), 'NO_STREAM');
  return new ProjectAudit(store);
}

const fieldsOf = (changes: Array<{ field: string }>) => changes.map((change) => change.field);

describe('projectDiff reports exactly the fields that changed', () => {
  it('a quotation submitted and approved: its amount, its document and its approval, nothing else', async () => {
    const before = history('QUOTED').length - 1;
    const audit = await auditOf(history('QUOTATION_APPROVED'));
    const { fromRevision, toRevision, changes } = await audit.diff(PROJECT, { atRevision: before }, {});
    expect([fromRevision, toRevision]).toEqual([before, before + 2]);
    expect(changes).toEqual([
      { field: 'amounts.quotation', before: null, after: cny(90_000) },
      { field: 'documents', before: [{ kind: 'SOLUTION', title: 'solution', version: '1', sha256: doc('solution').sha256 }],
        after: [{ kind: 'SOLUTION', title: 'solution', version: '1', sha256: doc('solution').sha256 }, { kind: 'QUOTATION', title: 'quotation', version: '1', sha256: doc('quotation').sha256 }] },
      { field: 'approvals.quotation', before: null, after: { version: 1, approvals: [{ role: 'TECH_MANAGER', approverId: 'tm-he' }] } },
    ]);
  });

  it('countersigns change the signers only; signing the contract changes the stage, the signed amount and the documents', async () => {
    const audit = await auditOf(won());
    const countersigning = await audit.diff(PROJECT, { atRevision: drafted().length - 1 }, { atRevision: countersigned().length - 1 });
    expect(countersigning.changes).toEqual([{ field: 'signers', before: { contractVersion: 1, signers: [] }, after: { contractVersion: 1, signers: [AM, 'mk-zhou', 'gm-qian'] } }]);
    const signing = await audit.diff(PROJECT, { atRevision: countersigned().length - 1 }, {});
    expect(fieldsOf(signing.changes)).toEqual(['stage', 'amounts.signed', 'documents']);
    expect(signing.changes[0]).toEqual({ field: 'stage', before: 'PSM070_CONTRACT', after: 'WON' });
  });

  it('from before the project existed, every known field appears; between equal points, nothing', async () => {
    const audit = await auditOf(contracting());
    const all = await audit.diff(PROJECT, { asOf: new Date('2000-01-01T00:00:00Z') }, {});
    expect(all.fromRevision).toBe(-1);
    expect(fieldsOf(all.changes)).toEqual(['stage', 'amounts.estimated', 'amounts.quotation', 'documents', 'approvals.solution', 'approvals.technicalAgreement', 'approvals.quotation']);
    expect((await audit.diff(PROJECT, { atRevision: 3 }, { atRevision: 3 })).changes).toEqual([]);
  });
});
