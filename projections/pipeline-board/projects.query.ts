import { Inject, Injectable } from '@nestjs/common';
import { PIPELINE_CARDS } from './pipeline-board.projection.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';

export interface ProjectsFilter {
  stage?: string;
  ownerId?: string;
  region?: string;
  productLine?: string;
  projectClass?: string;
  open?: boolean;
  /** Part of the customer's name. */
  customer?: string;
}

/** Text matched literally inside a $regex. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every project, open or closed, newest activity first, a page at a time. */
@Injectable()
export class ProjectList {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async page(filter: ProjectsFilter, offset: number, limit: number, visible: Filter = {}): Promise<{ total: number; items: Document[] }> {
    const { customer, ...exact } = filter;
    const chosen: Record<string, unknown> = { stage: { $exists: true }, ...Object.fromEntries(Object.entries(exact).filter(([, v]) => v !== undefined && v !== null)) };
    if (customer) chosen.customer = { $regex: escapeRegExp(customer) };
    const selection = { $and: [visible, chosen] };
    const [total, items] = await Promise.all([
      this.reads.count(PIPELINE_CARDS, selection),
      this.reads.find(PIPELINE_CARDS, selection, { sort: { updatedAt: -1, _id: 1 }, skip: offset, limit }),
    ]);
    return { total, items };
  }
}
