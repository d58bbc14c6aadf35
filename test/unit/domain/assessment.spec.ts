import { decideAssessment, foldAssessment, type AssessmentCommand, type AssessmentEvent } from '../../../src/domain/assessment/presales-assessment.js';
import type { Role } from '../../../src/domain/project/vocabulary.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { as, contextFor, refusalCode } from './given-when-then.js';

const TM = as('tm-he', 'TECH_MANAGER');
const kpis = { success: { count: 1, of: 2, rate: 0.5 } };
const assess = (data: Partial<Extract<AssessmentCommand, { type: 'AssessPresales' }>['data']> = {}): AssessmentCommand =>
  ({ type: 'AssessPresales', data: { person: 'pe-wang', month: '2026-11', rating: 4, comment: '方案质量高，按时完成', kpis, ...data } });
const revise = (reason = '补充了客户满意度结果'): AssessmentCommand => ({ type: 'ReviseAssessment', data: { rating: 5, comment: '客户满意度满分', reason, kpis } });
const assessed: AssessmentEvent = {
  type: 'PresalesAssessed', data: { person: 'pe-wang', month: '2026-11', version: 1, rating: 4, scale: { min: 1, max: 5 }, comment: '方案质量高，按时完成', assessedBy: 'tm-he', kpis },
};
const run = (command: AssessmentCommand, history: AssessmentEvent[], actor: { userId: string; roles: Role[] } = TM, policy = contextFor(TM).policy) =>
  decideAssessment(command, foldAssessment(history), contextFor(actor, { policy }));
const code = refusalCode;

describe('月度考核: the manager\'s monthly rating of a pre-sales person (document 002 §考核周期)', () => {
  it('the manager the policy names rates a month already begun on the policy\'s scale, with a comment and the KPIs they saw', () => {
    expect(run(assess(), [])).toEqual([assessed]);
    expect(run(assess(), [], as('dir-sun', 'SALES_DIRECTOR'), EQUIPMENT_MAKER)[0].data).toMatchObject({ assessedBy: 'dir-sun', version: 1 });
    expect(code(() => run(assess(), [], as('dir-sun', 'SALES_DIRECTOR')))).toBe('NOT_ALLOWED_FOR_ROLE');
    expect(code(() => run(assess(), [], as('pe-wang', 'PRESALES_ENGINEER')))).toBe('NOT_ALLOWED_FOR_ROLE');
  });

  it('one per person and month: a second is refused, a revision gives its reason and keeps every version', () => {
    expect(code(() => run(assess(), [assessed]))).toBe('INVALID_TRANSITION');
    const [revised] = run(revise(), [assessed]);
    expect(revised).toEqual({ type: 'PresalesAssessmentRevised', data: { version: 2, rating: 5, scale: { min: 1, max: 5 }, comment: '客户满意度满分', assessedBy: 'tm-he', kpis, reason: '补充了客户满意度结果' } });
    expect(foldAssessment([assessed, revised])!.versions.map((version) => version.rating)).toEqual([4, 5]);
    expect(code(() => run(revise(' '), [assessed]))).toBe('REASON_REQUIRED');
    expect(code(() => run(revise(), []))).toBe('INVALID_TRANSITION');
  });

  it('refuses a month to come, a malformed month, a rating off the scale, an empty comment and one\'s own assessment', () => {
    expect(code(() => run(assess({ month: '2026-12' }), []))).toBe('INVALID_INPUT');
    expect(code(() => run(assess({ month: '2026-13' }), []))).toBe('INVALID_INPUT');
    for (const rating of [0, 6, 4.5]) expect(code(() => run(assess({ rating }), []))).toBe('INVALID_INPUT');
    expect(code(() => run(assess({ comment: '' }), []))).toBe('REASON_REQUIRED');
    expect(code(() => run(assess({ person: 'tm-he' }), []))).toBe('INVALID_INPUT');
  });
});
