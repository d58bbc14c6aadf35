import { PROJECTIONS } from '../../projections/projections.js';
import type { Projection } from '../../projections/runtime/projection.js';
import { spread } from '../../projections/runtime/rebuild.js';

const costing = (...costs: number[]): Projection[] =>
  costs.map((rebuildCost, index) => ({ name: `model-${index}`, collections: [], project: () => [], rebuildCost }));
const loads = (groups: Projection[][]) => groups.map((group) => group.reduce((sum, projection) => sum + (projection.rebuildCost ?? 1), 0));

describe('spreading a rebuild over threads', () => {
  it('finds the spread whose longest thread is shortest, where placing the costliest first on the least loaded thread does not', () => {
    // costliest first: 3 | 3, then 2 → 5 | 3, 2 → 5 | 5, 2 → 7 | 5; the best is 3 + 3 | 2 + 2 + 2
    const groups = spread(costing(3, 3, 2, 2, 2), 2);
    expect(Math.max(...loads(groups))).toBe(6);
  });

  it('places every read model on exactly one thread, starting no more threads than the longest one needs', () => {
    const projections = costing(4.9, 3.7, 2.2, 1.8, 1.1);
    const groups = spread(projections, 8);
    expect(Math.max(...loads(groups))).toBe(4.9);
    expect(groups.length).toBeLessThanOrEqual(3);
    expect(groups.every((group) => group.length > 0)).toBe(true);
    expect(groups.flat().map(({ name }) => name).sort()).toEqual(projections.map(({ name }) => name).sort());
    expect(spread(projections, 1)).toEqual([expect.arrayContaining(projections)]);
  });

  it('puts the board and my work on one thread and the other read models on the other, the spread measured fastest on two', () => {
    // the catalogue of standard solutions folds a handful of events: it may ride on either thread
    const names = spread(PROJECTIONS, 2).map((group) => group.map(({ name }) => name).filter((name) => name !== 'standard-solutions').sort());
    expect(names).toEqual(expect.arrayContaining([['my-work', 'pipeline-board'], ['monthly-statistics', 'stage-history', 'win-loss']]));
  });

  it('counts a read model with no measured cost as 1', () => {
    const groups = spread([...costing(2), { name: 'unmeasured', collections: [], project: () => [] }, ...costing(1)], 2);
    expect(loads(groups).sort()).toEqual([2, 2]);
  });
});
