import { Inject, Injectable } from '@nestjs/common';
import { WORK_ITEMS } from './my-work.projection.js';
import { PIPELINE_CARDS } from '../pipeline-board/pipeline-board.projection.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { boardCard, type BoardCard, type CardDocument } from '../pipeline-board/pipeline-board.query.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { PLAN_CONTROL_FILTER, planControlItems } from './plan-control-items.js';

export type WorkItem = Document & { projectId?: string; stream?: string; kind: string; assigneeType: 'USER' | 'ROLE'; assignee: string; since: string; dueAt?: string; overdueAt?: string };

/** A work item with the card of its project (none for a management report's), and whether the item itself is overdue. */
export type WorkItemOnProject = WorkItem & { overdue: boolean; project?: BoardCard };

/** Overdue first, then the earliest due, then those without a limit, oldest first. */
const dueFirst = (a: WorkItemOnProject, b: WorkItemOnProject) =>
  Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~') || a.since.localeCompare(b.since);

/** What waits for a person: items named to them, and items waiting for a role they hold. */
@Injectable()
export class MyWork {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly policy: PolicyProvider,
  ) {}

  /**
   * The items waiting for `userId` or for one of `roles`, on the projects `visible` lets through (a filter over the
   * cards), and of the management reports `reports` lets through (a filter over the items).
   */
  async items(userId: string, roles: readonly string[], visible: Filter, reports: Filter): Promise<WorkItemOnProject[]> {
    const items = await this.reads.find<WorkItem>(
      WORK_ITEMS,
      { $and: [{ active: true, $or: [{ assigneeType: 'USER', assignee: userId }, { assigneeType: 'ROLE', assignee: { $in: [...roles] } }] }, { $or: [{ projectId: { $exists: true } }, reports] }] },
      { sort: { since: 1, _id: 1 } },
    );
    const projectIds = [...new Set(items.flatMap((item) => (item.projectId ? [item.projectId] : [])))];
    const [seen, managed] = await Promise.all([
      this.reads.find<CardDocument>(PIPELINE_CARDS, { $and: [visible, { _id: { $in: projectIds } }] }),
      // document 004: the projects this person manages or sponsors, for their milestones, budget and monthly report
      this.reads.find<CardDocument>(PIPELINE_CARDS, { $and: [visible, PLAN_CONTROL_FILTER(userId)] }),
    ]);
    const now = new Date();
    const cards = new Map([...seen, ...managed].map((card) => [card._id, boardCard(card, now)]));
    const { policy, calendar } = this.policy.current();
    const stored = items
      .filter((item) => !item.projectId || cards.has(item.projectId))
      .map((item) => ({ ...item, overdue: item.overdueAt !== undefined && item.overdueAt < now.toISOString(), project: item.projectId ? cards.get(item.projectId) : undefined }));
    const derived = planControlItems(managed, userId, now, policy, calendar).map((item) => ({ ...item, project: cards.get(item.projectId!)! }));
    return [...stored, ...derived].sort(dueFirst);
  }
}
