import { answerSatisfactionSurvey, openSurvey } from '../../../src/domain/project/decide-satisfaction-and-collaboration.js';
import { DomainError, type DomainErrorCode } from '../../../src/domain/project/errors.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';
import { AM, ENGINEER, history, won } from './fixtures.js';
import { as, given, NOW } from './given-when-then.js';

const am = as(AM, 'ACCOUNT_MANAGER');
const SHA = 'a'.repeat(64);
const contact = { name: '陈工', email: 'chen@example.cn' };
const send = (rates = [ENGINEER], tokenSha256 = SHA) => ({ type: 'SendSatisfactionSurvey' as const, data: { contact, rates, tokenSha256 } });
const { questions, scale, linkValidDays } = ENTERPRISE_STANDARD.kpis.satisfactionSurvey;
const sent = (number = 1, tokenSha256 = SHA): ProjectEvent => ({
  type: 'SatisfactionSurveySent',
  data: { number, contact, rates: [ENGINEER], tokenSha256, expiresAt: new Date(NOW.getTime() + linkValidDays * 86_400_000).toISOString(), questions, scale, sentBy: AM },
});
const allFours = questions.map(({ id }) => ({ questionId: id, score: 4 }));
const project = (events: ProjectEvent[]) => fold(events) as Project;
const refusal = (run: () => unknown): DomainErrorCode | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

describe('客户满意度调查: a one-time link to the customer, answered without an account (document 002 §考核指標)', () => {
  it('is sent by whom the policy names, recording the contact, the people it rates, the token\'s sha256 only, the policy\'s questions and scale, and when it expires', () => {
    given(history('PSM040')).when(send(), am).then([sent()]);
    expect(given(won()).when(send([ENGINEER], 'b'.repeat(64)), am).events()[0].type).toBe('SatisfactionSurveySent');
    given(history('PSM040')).when(send(), as(ENGINEER, 'PRESALES_ENGINEER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('rates only the project\'s pre-sales people: its engineer at 立项 or its solution\'s author; before there are any it is not open', () => {
    given(history('PSM040')).when(send(['am-li']), am).thenThrows('INVALID_INPUT');
    given(history('PSM040')).when(send([]), am).thenThrows('INVALID_INPUT');
    given(history('QUALIFIED')).when(send(), am).thenThrows('INVALID_TRANSITION');
  });

  it('keeps a token\'s sha256, never a token; a sha256 used once is refused', () => {
    given(history('PSM040')).when(send([ENGINEER], 'not-a-hash'), am).thenThrows('INVALID_INPUT');
    given([...history('PSM040'), sent()]).when(send(), am).thenThrows('INVALID_INPUT');
    given([...history('PSM040'), sent()]).when(send([ENGINEER], 'c'.repeat(64)), am).then([{ ...sent(2, 'c'.repeat(64)) }]);
  });

  it('is answered once, every question on the survey\'s scale: the answer names the people rated', () => {
    const open = project([...history('PSM040'), sent()]);
    expect(answerSatisfactionSurvey(open, SHA, { answers: allFours, comment: ' 很专业 ' }, NOW)).toEqual([{
      type: 'SatisfactionSurveyAnswered', data: { number: 1, rates: [ENGINEER], answers: allFours, scale, comment: '很专业' },
    }]);
    expect(refusal(() => answerSatisfactionSurvey(open, SHA, { answers: allFours.slice(1) }, NOW))).toBe('INVALID_INPUT');
    expect(refusal(() => answerSatisfactionSurvey(open, SHA, { answers: [...allFours.slice(1), { questionId: 'other', score: 3 }] }, NOW))).toBe('INVALID_INPUT');
    for (const score of [scale.min - 1, scale.max + 1, 2.5]) {
      expect(refusal(() => answerSatisfactionSurvey(open, SHA, { answers: allFours.map((answer) => ({ ...answer, score })) }, NOW))).toBe('INVALID_INPUT');
    }
  });

  it('refuses a wrong token, an expired link and a used one, each with its own code', () => {
    const answered: ProjectEvent = { type: 'SatisfactionSurveyAnswered', data: { number: 1, rates: [ENGINEER], answers: allFours, scale } };
    const open = project([...history('PSM040'), sent()]);
    expect(refusal(() => openSurvey(open, 'b'.repeat(64), NOW))).toBe('SURVEY_LINK_INVALID');
    expect(refusal(() => openSurvey(undefined, SHA, NOW))).toBe('SURVEY_LINK_INVALID');
    const expiry = new Date(NOW.getTime() + linkValidDays * 86_400_000);
    expect(refusal(() => answerSatisfactionSurvey(open, SHA, { answers: allFours }, expiry))).toBe('SURVEY_LINK_EXPIRED');
    expect(refusal(() => answerSatisfactionSurvey(open, SHA, { answers: allFours }, new Date(expiry.getTime() - 1)))).toBeUndefined();
    expect(refusal(() => answerSatisfactionSurvey(project([...history('PSM040'), sent(), answered]), SHA, { answers: allFours }, NOW))).toBe('SURVEY_ALREADY_ANSWERED');
  });
});
