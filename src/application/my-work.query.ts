import { Inject, Injectable } from '@nestjs/common';
import { WORK_ITEMS } from '../../projections/my-work/my-work.projection.js';
import { READ_STORE, type Document, type ReadStore } from '../read-store/read-store.port.js';

export type WorkItem = Document & { projectId: string; kind: string; assigneeType: 'USER' | 'ROLE'; assignee: string; since: string };

/** What waits for a person: items named to them, and items waiting for a role they hold. */
@Injectable()
export class MyWork {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  items(userId: string, roles: readonly string[]): Promise<WorkItem[]> {
    return this.reads.find<WorkItem>(
      WORK_ITEMS,
      { active: true, $or: [{ assigneeType: 'USER', assignee: userId }, { assigneeType: 'ROLE', assignee: { $in: [...roles] } }] },
      { sort: { since: 1, _id: 1 } },
    );
  }
}
