import { monthBounds, monthsBetween, monthsOfQuarter, previousQuarter, sameQuarterLastYear } from '../../src/application/reports/periods.js';

describe('report periods', () => {
  it('names the months of a span and of a quarter', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsOfQuarter('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });
  it('finds the quarters a quarter is compared with', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(sameQuarterLastYear('2026-Q3')).toBe('2025-Q3');
  });
  it('bounds a month in Shanghai time', () => {
    expect(monthBounds('2026-01')).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-01-31T16:00:00.000Z' });
  });
});
