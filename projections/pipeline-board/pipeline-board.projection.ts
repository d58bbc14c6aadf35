import { occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { deadlinesEndedBy, deadlinesStartedBy } from '../../src/domain/project/deadlines-of-events.js';
import { namedIn } from '../../src/domain/project/members.js';
import { stageEnteredBy } from '../../src/domain/project/stage-of.js';
import { CLOSED_STAGES, type Stage } from '../../src/domain/project/state.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import type { Change, Update } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const PIPELINE_CARDS = 'pipeline_cards';

/** What the procedure expects next at each open stage, as the board shows it. */
export const NEXT_STEP: Partial<Record<Stage, string>> = {
  LEAD: '筛选 screen the lead',
  QUALIFIED: '立项 approve the project',
  PSM010_EXCHANGE: 'PSM010 现场交流 on-site exchange',
  PSM020_SURVEY: 'PSM020 现场调研 site survey',
  PSM030_SOLUTION: 'PSM030 解决方案与评审 solution and review',
  PSM040_QUOTATION: 'PSM040 报价审批与采购方式 quotation approval, procurement method',
  PSM050_TENDER: 'PSM050 投标 tender',
  PSM060_NEGOTIATION: 'PSM060 技术协议 technical agreement',
  PSM070_CONTRACT: 'PSM070 会签与签约 countersign and sign',
};

/** One card per project: where it stands, its amount, its next step and its open SLA clocks (`deadlines`, by kind). */
export const pipelineBoardProjection: Projection = {
  name: 'pipeline-board',
  // 2: members are the people steps name, no longer whoever acted
  // 3: every open SLA clock under `deadlines`, in place of the one `dueOn`
  // 4: the owner follows assignments and is no longer a member by registering; cards keep the lead's importance
  // 5: cards keep the sponsor, the budget in force and what is booked, the milestones in force and the months reported (document 004)
  version: 5,
  rebuildCost: 4.7,
  collections: [{
    name: PIPELINE_CARDS,
    indexes: [
      { name: 'by_open_stage', key: { open: 1, stage: 1 } },
      { name: 'by_owner', key: { ownerId: 1 } },
      { name: 'by_member', key: { members: 1 } },
      { name: 'by_business_unit', key: { businessUnit: 1 } },
    ],
  }],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId) return [];
    const event = toDomainEvent(stored);
    const at = occurredAt(stored);
    const set: Record<string, unknown> = { revision: stored.revision, updatedAt: at };
    const changes: Change[] = [];
    switch (event.type) {
      case 'LeadRegistered': {
        const { title, customer, ownerId, region, productLine, estimatedAmount, businessUnit } = event.data;
        Object.assign(set, { projectId, title, customer, ownerId, region, productLine, amount: estimatedAmount, projectClass: null, registeredAt: at, businessUnit: businessUnit ?? null });
        break;
      }
      case 'LeadAssigned':
        set.ownerId = event.data.ownerId;
        break;
      case 'LeadEvaluated':
        set.importance = event.data.importance;
        break;
      case 'ProjectApproved': {
        const { projectClass, sponsorId, presalesBudget, milestones } = event.data;
        Object.assign(set, {
          projectClass, 'control.sponsorId': sponsorId, 'control.approvedMonth': shanghaiDate(new Date(at)).slice(0, 7),
          'control.budget': presalesBudget, 'control.booked': { amount: 0, currency: presalesBudget.currency }, 'control.milestones': milestones,
        });
        break;
      }
      case 'TaskBookConfirmed':
      case 'PlanAdjustmentApproved':
        Object.assign(set, { 'control.budget': event.data.budget, 'control.booked': event.data.booked, 'control.milestones': event.data.milestones });
        break;
      case 'PresalesCostBooked':
        Object.assign(set, { 'control.budget': event.data.budget, 'control.booked': event.data.booked });
        break;
      case 'MonthlyProgressReported':
        set['control.milestones'] = event.data.milestones;
        break;
      case 'ProjectClassRaised':
        set.projectClass = event.data.to;
        break;
      case 'QuotationSubmitted':
        set.amount = event.data.amount;
        break;
      case 'ContractSigned':
        set.amount = event.data.amount;
        break;
    }
    const stage = stageEnteredBy(event);
    if (stage) {
      Object.assign(set, { stage, stageEnteredAt: at, open: !CLOSED_STAGES.includes(stage), nextStep: NEXT_STEP[stage] ?? null });
    }
    for (const deadline of deadlinesStartedBy(event)) set[`deadlines.${deadline.kind}`] = deadline;
    // most events (tracking notes above all) only touch the card: nothing is made for what they leave alone
    let unset: Record<string, ''> | undefined;
    for (const { kind, ifWaitingForCount } of deadlinesEndedBy(event)) {
      const path = `deadlines.${kind}`;
      if (path in set) continue;
      // the countersign that completes the chain stops the contract review: the card says how long its chain is
      if (ifWaitingForCount) changes.push({ collection: PIPELINE_CARDS, updateOne: { filter: { _id: projectId, [`${path}.waitingFor`]: { $size: ifWaitingForCount } }, update: { $unset: { [path]: '' } } } });
      else (unset ??= {})[path] = '';
    }
    // who may see the card: the people a step named on the project (acting names nobody)
    const named = namedIn(event);
    const update: Update = named.length === 0 ? { $set: set } : { $set: set, $addToSet: { members: { $each: named } } };
    if (event.type === 'MonthlyProgressReported') update.$addToSet = { 'control.monthsReported': event.data.month };
    if (unset) update.$unset = unset;
    return [{ collection: PIPELINE_CARDS, updateOne: { filter: { _id: projectId }, update, upsert: true } }, ...changes];
  },
};
