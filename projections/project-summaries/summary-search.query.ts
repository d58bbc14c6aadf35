import { Inject, Injectable } from '@nestjs/common';
import type { ProjectSummarized } from '../../src/domain/project/events.js';
import type { OutcomeReason } from '../../src/domain/project/vocabulary.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { escapeRegExp } from '../pipeline-board/projects.query.js';
import { PROJECT_SUMMARIES } from './project-summaries.projection.js';
import type { ProjectHeading } from '../project-access-fields.js';

/** A search's words, at most: the text is matched literally, never as a pattern. */
export const MAX_SEARCH_TEXT = 100;

export interface SummarySearch {
  /** Part of the customer's name. */
  customer?: string;
  productLine?: string;
  reason?: OutcomeReason;
  outcome?: ProjectSummarized['data']['outcome'];
  /** Found in the report, the lessons or the project's title, whatever the case. */
  text?: string;
}

export interface SummaryEntry extends ProjectHeading {
  outcome: ProjectSummarized['data']['outcome'];
  reasons: OutcomeReason[];
  text: string;
  lessons: string | null;
  participants: string[];
  meetingOn: string | null;
  /** When the summary was due (end of the policy's working days after the close); null for a project closed before the clock existed. */
  dueAt: string | null;
  summarizedAt: string;
  closedAt: string | null;
}

const FIELDS = Object.fromEntries([
  'projectId', 'title', 'customer', 'ownerId', 'region', 'productLine', 'outcome', 'reasons', 'text', 'lessons', 'participants', 'meetingOn', 'dueAt', 'summarizedAt', 'closedAt',
].map((field) => [field, 1 as const]));

const contains = (text: string) => ({ $regex: escapeRegExp(text), $options: 'i' });

/** 知识库: the summaries of the projects the caller may see, newest first, a page at a time. */
@Injectable()
export class SummaryKnowledgeBase {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async search(search: SummarySearch, offset: number, limit: number, visible: Filter): Promise<{ total: number; items: SummaryEntry[] }> {
    const chosen: Filter[] = [{ summarized: true }];
    if (search.productLine) chosen.push({ productLine: search.productLine });
    if (search.outcome) chosen.push({ outcome: search.outcome });
    if (search.reason) chosen.push({ reasons: search.reason });
    if (search.customer?.trim()) chosen.push({ customer: contains(search.customer.trim()) });
    const text = search.text?.trim();
    if (text) chosen.push({ $or: [{ text: contains(text) }, { lessons: contains(text) }, { title: contains(text) }] });
    const selection = { $and: [visible, ...chosen] };
    const [total, found] = await Promise.all([
      this.reads.count(PROJECT_SUMMARIES, selection),
      this.reads.find<Document & SummaryEntry>(PROJECT_SUMMARIES, selection, { sort: { summarizedAt: -1, _id: 1 }, skip: offset, limit, projection: FIELDS }),
    ]);
    return { total, items: found.map(({ _id, ...entry }) => ({ ...entry, dueAt: entry.dueAt ?? null, closedAt: entry.closedAt ?? null })) };
  }
}
