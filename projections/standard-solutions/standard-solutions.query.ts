import { Inject, Injectable } from '@nestjs/common';
import type { StandardSolutionVersion } from '../../src/domain/catalogue/standard-solution.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { STANDARD_SOLUTIONS } from './standard-solutions.projection.js';

type Published = StandardSolutionVersion & { publishedAt: string };
export type StandardSolutionEntry = Document & {
  entryId: string;
  name: string;
  productLine: string;
  status: 'PUBLISHED' | 'WITHDRAWN';
  inForce: Published;
  versions: Published[];
  withdrawal?: { reason: string; withdrawnBy: string; withdrawnAt: string };
  publishedAt: string;
  updatedAt: string;
};

/** 标准方案库: the entries of the catalogue, by product line, those in force unless withdrawn ones are asked for. */
@Injectable()
export class StandardSolutionCatalogue {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  entries({ productLine, includeWithdrawn }: { productLine?: string; includeWithdrawn?: boolean }, limit: number): Promise<StandardSolutionEntry[]> {
    const filter: Filter = { ...(productLine ? { productLine } : {}), ...(includeWithdrawn ? {} : { status: 'PUBLISHED' }) };
    return this.reads.find<StandardSolutionEntry>(STANDARD_SOLUTIONS, filter, { sort: { productLine: 1, name: 1, _id: 1 }, limit });
  }
}
