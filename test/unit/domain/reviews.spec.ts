import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { as, given } from './given-when-then.js';
import { agreementPassed, cny, doc, ENGINEER, history, negotiating } from './fixtures.js';

const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const reviewer = (id: string) => as(id, 'REVIEWER');
const solution = doc('solution');
const approve = (sha = solution.sha256, subject: 'SOLUTION' | 'TECHNICAL_AGREEMENT' = 'SOLUTION') =>
  ({ type: 'ApproveReview' as const, data: { subject, documentSha256: sha } });
const reject = (comments = '', sha = solution.sha256) => ({ type: 'RejectReview' as const, data: { subject: 'SOLUTION' as const, documentSha256: sha, comments } });
const submit = (reviewers: string[], n = 1) => ({ type: 'SubmitSolution' as const, data: { document: doc('solution', n), systemBudget: cny(600_000), reviewers } });
const vote = (reviewerId: string, v: 'APPROVE' | 'REJECT' = 'APPROVE'): ProjectEvent => ({
  type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId, vote: v, documentSha256: solution.sha256 },
});

describe('PSM030 solution 编制解决方案', () => {
  it('each version is numbered and opens its own review with its named reviewers', () => {
    given(history('REVIEW')).when(submit(['rv-1', 'rv-2']), engineer).then([{
      type: 'SolutionSubmitted', data: { version: 1, document: solution, systemBudget: cny(600_000), reviewers: ['rv-1', 'rv-2'], approvalsNeeded: 1 },
    }]);
  });
  it('a failed review asks for a new version, which gets a fresh review', () => {
    const failed: ProjectEvent[] = [...history('PSM040'), vote('rv-1', 'REJECT'), { type: 'ReviewFailed', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-1', comments: 'no' } }];
    given(failed).when(approve(), reviewer('rv-1')).thenThrows('INVALID_TRANSITION');
    expect(given(failed).when(submit(['rv-1'], 2), engineer).events()[0]).toMatchObject({ data: { version: 2 } });
  });
  it('a MAJOR project names at least 3 reviewers', () => {
    given(history('REVIEW', 'MAJOR', ['a', 'b', 'c'])).when(submit(['a', 'b']), engineer).thenThrows('INVALID_INPUT');
    expect(given(history('REVIEW', 'MAJOR', ['a', 'b', 'c'])).when(submit(['a', 'b', 'c', 'd']), engineer).events()[0])
      .toMatchObject({ data: { approvalsNeeded: 3 } });
  });
});

describe('PSM030 solution review 方案评审', () => {
  const open = history('PSM040');
  it('GENERAL: one approval passes the review and moves to the quotation', () => {
    given(open).when(approve(), reviewer('rv-1')).then([vote('rv-1'), { type: 'ReviewPassed', data: { subject: 'SOLUTION', version: 1, approvals: 1 } }]);
  });
  it('MAJOR: a majority of at least 3 reviewers is needed', () => {
    const major = history('PSM040', 'MAJOR', ['a', 'b', 'c']);
    given(major).when(approve(), reviewer('a')).then([vote('a')]);
    given([...major, vote('a')]).when(approve(), reviewer('b'))
      .then([vote('b'), { type: 'ReviewPassed', data: { subject: 'SOLUTION', version: 1, approvals: 2 } }]);
  });
  it('only a named reviewer votes', () => {
    given(open).when(approve(), reviewer('rv-9')).thenThrows('NOT_A_REVIEWER');
    given(open).when(approve(), as('rv-1', 'ACCOUNT_MANAGER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
  it('a reviewer votes once per review', () => {
    const major = history('PSM040', 'MAJOR', ['a', 'b', 'c']);
    given([...major, vote('a')]).when(approve(), reviewer('a')).thenThrows('ALREADY_VOTED');
  });
  it('any rejection with comments fails the review', () => {
    const major = history('PSM040', 'MAJOR', ['a', 'b', 'c']);
    given([...major, vote('a')]).when(reject('cooling is undersized'), reviewer('b')).then([
      { type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId: 'b', vote: 'REJECT', comments: 'cooling is undersized', documentSha256: solution.sha256 } },
      { type: 'ReviewFailed', data: { subject: 'SOLUTION', version: 1, reviewerId: 'b', comments: 'cooling is undersized' } },
    ]);
  });
  it('a rejection needs comments', () => {
    given(open).when(reject('  '), reviewer('rv-1')).thenThrows('REASON_REQUIRED');
  });
  it('a vote is bound to the version it saw: a new version voids it', () => {
    given(open).when(approve(doc('solution', 0).sha256), reviewer('rv-1')).thenThrows('DOCUMENT_CHANGED');
    const major = history('PSM040', 'MAJOR', ['a', 'b', 'c']);
    const resubmitted: ProjectEvent[] = [...major, vote('a'), {
      type: 'SolutionSubmitted', data: { version: 2, document: doc('solution', 2), systemBudget: cny(1), reviewers: ['a', 'b', 'c'], approvalsNeeded: 2 },
    }];
    // a's approval of v1 does not count for v2, and a may vote again
    expect(given(resubmitted).when(approve(doc('solution', 2).sha256), reviewer('a')).events()).toHaveLength(1);
  });
});

describe('PSM060 technical agreement 技术协议', () => {
  const agreement = doc('agreement');
  const submitted: ProjectEvent[] = [...negotiating(), { type: 'TechnicalAgreementSubmitted', data: { version: 1, document: agreement, reviewers: ['rv-1'], approvalsNeeded: 1 } }];
  it('is reviewed by the same rules as the solution', () => {
    given(submitted).when(approve(agreement.sha256, 'TECHNICAL_AGREEMENT'), reviewer('rv-1'))
      .then([
        { type: 'ReviewVoteCast', data: { subject: 'TECHNICAL_AGREEMENT', version: 1, reviewerId: 'rv-1', vote: 'APPROVE', documentSha256: agreement.sha256 } },
        { type: 'ReviewPassed', data: { subject: 'TECHNICAL_AGREEMENT', version: 1, approvals: 1 } },
      ]);
    given(submitted).when(approve(agreement.sha256, 'TECHNICAL_AGREEMENT'), reviewer('rv-2')).thenThrows('NOT_A_REVIEWER');
  });
});
