import { Inject, Injectable } from '@nestjs/common';
import { WORK_ITEMS } from '../../projections/my-work/my-work.projection.js';
import { PIPELINE_CARDS } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../read-store/read-store.port.js';

export type WorkItem = Document & { projectId: string; kind: string; assigneeType: 'USER' | 'ROLE'; assignee: string; since: string };

/** What waits for a person: items named to them, and items waiting for a role they hold. */
@Injectable()
export class MyWork {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  /** The items waiting for `userId` or for one of `roles`, on the projects `visible` lets through (a filter over the cards). */
  async items(userId: string, roles: readonly string[], visible: Filter): Promise<WorkItem[]> {
    const items = await this.reads.find<WorkItem>(
      WORK_ITEMS,
      { active: true, $or: [{ assigneeType: 'USER', assignee: userId }, { assigneeType: 'ROLE', assignee: { $in: [...roles] } }] },
      { sort: { since: 1, _id: 1 } },
    );
    const projectIds = [...new Set(items.map((item) => item.projectId))];
    const seen = await this.reads.find(PIPELINE_CARDS, { $and: [visible, { _id: { $in: projectIds } }] }, { projection: { _id: 1 } });
    const visibleIds = new Set(seen.map((card) => card._id));
    return items.filter((item) => visibleIds.has(item.projectId));
  }
}
