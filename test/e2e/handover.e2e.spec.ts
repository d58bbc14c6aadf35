import { randomUUID } from 'node:crypto';
import { chained } from '../../src/application/audit/event-chain.js';
import { projectStream } from '../../src/application/project-stream.js';
import { readPolicyFile } from '../../src/config/policy-file.js';
import { EVENT_VERSIONS } from '../../src/domain/project/event-versions.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { fold, type Project } from '../../src/domain/project/state.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { handoverSheets } from '../support/handover-list.js';
import { docOf, PsmApp } from '../support/psm-app.js';
import { doc, won } from '../unit/domain/fixtures.js';

import { stepsOn, type Hand } from '../support/project-steps.js';
/** An event as stored: its type, its data, the schema version it was written at. */
type Stored = [ProjectEvent['type'], Record<string, unknown>, number];
const PROFILES = ['enterprise-standard', 'equipment-maker'] as const;
const AM: Hand = ['am-li', 'ACCOUNT_MANAGER'];
const RECEIVER: Hand = ['de-lin', 'DELIVERY_ENGINEER'];
const ORAL = { kind: 'ORAL_AGREEMENT', version: '1', ...docOf('口头协议书面化：免费培训两次') };
const HANDOVER = `query($id: ID!) { project(id: $id) { handedOver handover {
  receivedBy handedOverBy received oralAgreementConfirmers items { kind title version sha256 confirmedBy } } } }`;
const MY_WORK = '{ myWork { projectId kind assignee document } }';

describe.each(PROFILES)('移交 under the %s profile: the list, its oral agreements, its receipt', (profile) => {
  let psm: PsmApp;
  const policy = readPolicyFile(profile);
  /** Whom this profile gives each step: the first role it names, as a person. */
  const hand = (responsibility: 'handOver' | 'confirmOralAgreement' | 'receiveHandover', userId: string): Hand => [userId, policy.responsibilities[responsibility][0]];
  beforeAll(async () => {
    psm = await PsmApp.start({ POLICY_FILE: profile });
  });
  afterAll(() => psm.stop());

  /** A won project as a release before this one wrote it (and, when given, a handover of then), straight into the log. */
  async function stored(...more: Stored[]): Promise<string> {
    const projectId = randomUUID();
    const occurredAt = new Date().toISOString();
    const history = won();
    const events = [...history.map(({ type, data }): Stored => [type, data as unknown as Record<string, unknown>, EVENT_VERSIONS[type]]), ...more].map(([type, data, schemaVersion], index) => {
      const commandId = randomUUID();
      // what the command handler writes beside each event: the stage it was decided in, and the project's dimensions
      const before = fold(history.slice(0, index));
      const after = fold(history.slice(0, index + 1)) as Project;
      const { ownerId, region, productLine } = after.lead;
      const metadata = {
        actor: { userId: AM[0], roles: [AM[1]] }, commandId, correlationId: commandId, causationId: commandId, schemaVersion, projectId, occurredAt,
        dimensions: { ownerId, region, productLine, projectClass: after.projectClass ?? null, businessUnit: null },
        ...(before.stage === 'NONE' ? {} : { stageBefore: { stage: before.stage, enteredAt: occurredAt } }),
      };
      return { id: randomUUID(), type, data: type === 'LeadRegistered' ? { ...data, projectId } : data, metadata };
    });
    await psm.app.get<EventStore>(EVENT_STORE).append(projectStream(projectId), chained(projectStream(projectId), 0, null, events), 'NO_STREAM');
    return projectId;
  }

  it('hands a won project over by the hands the profile assigns, refusing an incomplete list, the wrong confirmer and the wrong receiver', async () => {
    const projectId = await stored();
    const steps = stepsOn(psm, projectId);
    const { step } = steps;
    /** A refusal, which appends nothing. */
    const refusal = async (by: Hand, mutation: string, input: Record<string, unknown>) => {
      const head = await psm.logHead();
      const extensions = await steps.refusal(by, mutation, input);
      expect(await psm.logHead()).toBe(head);
      return extensions;
    };
    const am = hand('handOver', AM[0]);
    const executive = hand('confirmOralAgreement', 'ex-shen');
    const receiver = hand('receiveHandover', RECEIVER[0]);

    // what the list lacks, kind by kind, and nothing appended
    expect(await refusal(am, 'handOver', { receivedBy: receiver[0], items: handoverSheets().slice(2) })).toEqual({
      code: 'BAD_USER_INPUT', domainCode: 'HANDOVER_INCOMPLETE', missingKinds: ['CONTRACT_REVIEW_SHEET', 'REVIEW_ISSUES_SHEET'],
    });
    const handedOver = await step(am, 'handOver', { receivedBy: receiver[0], items: [...handoverSheets(), ORAL] });
    expect(handedOver.events).toMatchObject([{ type: 'ProjectHandedOver', data: { receivedBy: receiver[0], handedOverBy: am[0], oralAgreementConfirmers: [executive[1]] } }]);

    // 我的待办: the receiver's pending handover, the confirmers' oral agreement
    await psm.caughtUp();
    const work = async (who: Hand) => (await psm.graphql(MY_WORK, {}, psm.tokenFor(...who))).data.myWork.filter((item: { projectId: string }) => item.projectId === projectId);
    expect(await work(receiver)).toEqual([{ projectId, kind: 'HANDOVER_RECEIPT', assignee: receiver[0], document: null }]);
    expect(await work(executive)).toEqual([{ projectId, kind: 'ORAL_AGREEMENT_CONFIRMATION', assignee: executive[1], document: { title: ORAL.title, uri: ORAL.uri, sha256: ORAL.sha256 } }]);

    // the receiver waits for the confirmation; nobody else receives it, and the account manager confirms nothing
    expect(await refusal(receiver, 'receiveHandover', {})).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    expect(await refusal(['de-other', 'DELIVERY_ENGINEER'], 'receiveHandover', {})).toMatchObject({ domainCode: 'PROJECT_NOT_FOUND' });
    expect(await refusal(am, 'confirmOralAgreement', { sha256: ORAL.sha256 })).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
    expect((await step(executive, 'confirmOralAgreement', { sha256: ORAL.sha256 })).events).toEqual([
      expect.objectContaining({ type: 'OralAgreementConfirmed', data: { sha256: ORAL.sha256, title: ORAL.title, confirmedBy: executive[0] } }),
    ]);
    expect((await step(receiver, 'receiveHandover', {})).events).toEqual([expect.objectContaining({ type: 'HandoverReceived', data: { receivedBy: receiver[0] } })]);
    expect(await refusal(receiver, 'receiveHandover', {})).toMatchObject({ domainCode: 'INVALID_TRANSITION' });

    const { data } = await psm.graphql(HANDOVER, { id: projectId }, psm.tokenFor(...receiver));
    expect(data.project.handover).toMatchObject({ receivedBy: receiver[0], handedOverBy: am[0], received: true, oralAgreementConfirmers: [executive[1]] });
    expect(data.project.handover.items).toEqual(expect.arrayContaining([
      { kind: 'CONTRACT', title: doc('contract').title, version: 'v1', sha256: doc('contract').sha256, confirmedBy: null },
      { kind: 'REVIEW_ISSUES_SHEET', title: '产品/项目销售合同评审问题对策表', version: '1', sha256: docOf('产品/项目销售合同评审问题对策表').sha256, confirmedBy: null },
      { kind: 'ORAL_AGREEMENT', title: ORAL.title, version: '1', sha256: ORAL.sha256, confirmedBy: executive[0] },
    ]));
    await psm.caughtUp();
    expect([...await work(receiver), ...await work(executive)]).toEqual([]);
  });

  it('reads a handover stored before items had kinds (version 1) as UNCLASSIFIED items, which its receiver still confirms', async () => {
    const projectId = await stored(['ProjectHandedOver', { receivedBy: RECEIVER[0], documents: [doc('contract')] }, 1]);
    const { data } = await psm.graphql(HANDOVER, { id: projectId }, psm.tokenFor(...RECEIVER));
    expect(data.project).toEqual({
      handedOver: true,
      handover: {
        receivedBy: RECEIVER[0], handedOverBy: null, received: false, oralAgreementConfirmers: [],
        items: [{ kind: 'UNCLASSIFIED', title: doc('contract').title, version: '', sha256: doc('contract').sha256, confirmedBy: null }],
      },
    });
    const { errors } = await psm.as(...hand('receiveHandover', RECEIVER[0])).do('receiveHandover', { projectId });
    expect(errors).toBeUndefined();
  });
});
