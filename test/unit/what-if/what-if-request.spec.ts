import { candidatePolicy, periodOf } from '../../../src/application/what-if/what-if-request.js';
import { DomainError } from '../../../src/domain/project/errors.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';

const NOW = new Date('2026-11-24T02:00:00Z');

function refusal(run: () => unknown): { code: string; path?: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message, ...(error.details.path ? { path: error.details.path } : {}) };
  }
}

describe('what-if: the period and the candidate a request names', () => {
  it('runs from the start of the first Beijing day to the end of the last', () => {
    expect(periodOf('2026-03-01', '2026-03-31', NOW)).toEqual({ from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
  });

  it('is replayed up to now when it reaches past now', () => {
    expect(periodOf('2026-11-01', '2026-12-31', NOW)).toEqual({ from: '2026-10-31T16:00:00.000Z', to: NOW.toISOString() });
  });

  it('covers fewer than 24 months: to the day before the same day two years on, and not that day', () => {
    expect(periodOf('2024-02-29', '2026-02-28', NOW).to).toBe('2026-02-28T16:00:00.000Z');
    expect(refusal(() => periodOf('2024-02-29', '2026-03-01', NOW))?.code).toBe('PERIOD_TOO_LONG');
    expect(refusal(() => periodOf('2024-11-24', '2026-11-24', NOW))?.code).toBe('PERIOD_TOO_LONG');
  });

  it('refuses days not on the calendar and a period that ends before it starts', () => {
    for (const [from, to] of [['2026-02-29', '2026-03-01'], ['2026-3-1', '2026-03-02'], ['2026-03-02', '2026-03-01']]) {
      expect(refusal(() => periodOf(from, to, NOW))?.code).toBe('INVALID_INPUT');
    }
  });

  it('reads the candidate as the service loads a policy file, refusing one the validator refuses with its path', () => {
    expect(candidatePolicy(JSON.stringify(ENTERPRISE_STANDARD), ENTERPRISE_STANDARD)).toEqual(ENTERPRISE_STANDARD);
    const broken = { ...ENTERPRISE_STANDARD, review: { ...ENTERPRISE_STANDARD.review, MAJOR: { minReviewers: 0, rule: 'MAJORITY' } } };
    expect(refusal(() => candidatePolicy(JSON.stringify(broken), ENTERPRISE_STANDARD))).toEqual({
      code: 'INVALID_POLICY', path: 'policy.review.MAJOR.minReviewers', message: 'policy.review.MAJOR.minReviewers must be a whole number from 1 to 50',
    });
    expect(refusal(() => candidatePolicy('[1,', ENTERPRISE_STANDARD))).toMatchObject({ code: 'INVALID_POLICY', path: 'policy' });
    expect(refusal(() => candidatePolicy(JSON.stringify({ ...ENTERPRISE_STANDARD, currency: 'EUR' }), ENTERPRISE_STANDARD))).toMatchObject({ code: 'INVALID_POLICY', path: 'policy.currency' });
    expect(refusal(() => candidatePolicy(' '.repeat(65_537), ENTERPRISE_STANDARD))?.code).toBe('INVALID_INPUT');
  });
});
