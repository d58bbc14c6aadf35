import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { as, given } from './given-when-then.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { agreementPassed, agreementSubmitted, cny, doc, ENGINEER, history, MARKETING, negotiating } from './fixtures.js';

const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const reviewer = (id: string) => as(id, 'REVIEWER');
const solution = doc('solution');
const approve = (sha = solution.sha256, subject: 'SOLUTION' | 'TECHNICAL_AGREEMENT' = 'SOLUTION') =>
  ({ type: 'ApproveReview' as const, data: { subject, documentSha256: sha } });
const reject = (comments = '', sha = solution.sha256) => ({ type: 'RejectReview' as const, data: { subject: 'SOLUTION' as const, documentSha256: sha, comments } });
const submit = (n = 1) => ({ type: 'SubmitSolution' as const, data: { document: doc('solution', n) } });
const convene = (reviewers: string[], subject: 'SOLUTION' | 'TECHNICAL_AGREEMENT' = 'SOLUTION') => ({ type: 'ConveneReview' as const, data: { subject, reviewers } });
const vote = (reviewerId: string, v: 'APPROVE' | 'REJECT' = 'APPROVE', comments?: string): ProjectEvent => ({
  type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId, vote: v, comments, documentSha256: solution.sha256 },
});
const marketing = as(MARKETING, 'MARKETING');
const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
/** The solution submitted, its review not yet convened. */
const awaiting = (projectClass: 'GENERAL' | 'MAJOR' = 'GENERAL'): ProjectEvent[] => [
  ...history('REVIEW', projectClass),
  { type: 'SolutionSubmitted', data: { version: 1, document: solution, authorId: ENGINEER, organisers: ['MARKETING'] } },
];

describe('PSM030 solution 编制解决方案', () => {
  it('the author submits each version, numbered, for its organisers to convene the review', () => {
    given(history('REVIEW')).when(submit(), engineer).then([{
      type: 'SolutionSubmitted', data: { version: 1, authorId: ENGINEER, organisers: ['MARKETING'], document: solution },
    }]);
  });
  it('the account manager sets the system budget, not the author', () => {
    given(history('REVIEW')).when({ type: 'SetSystemBudget', data: { systemBudget: cny(600_000) } }, as('am-li', 'ACCOUNT_MANAGER'))
      .then([{ type: 'SystemBudgetSet', data: { systemBudget: cny(600_000), setBy: 'am-li' } }]);
    given(history('REVIEW')).when({ type: 'SetSystemBudget', data: { systemBudget: cny(600_000) } }, engineer).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
  it('a failed review asks for a new version, which waits for a fresh committee', () => {
    const failed: ProjectEvent[] = [...history('PSM040'), vote('rv-1', 'REJECT', 'no'), { type: 'ReviewFailed', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-1', comments: 'no' } }];
    given(failed).when(approve(), reviewer('rv-1')).thenThrows('INVALID_TRANSITION');
    const resubmitted = [...failed, ...given(failed).when(submit(2), engineer).events()];
    expect(resubmitted[resubmitted.length - 1]).toMatchObject({ data: { version: 2 } });
    given(resubmitted).when(approve(doc('solution', 2).sha256), reviewer('rv-1')).thenThrows('INVALID_TRANSITION');
  });
});

describe('reviews are organised, not self-assigned 由市场部组织评审委员会进行评审', () => {
  it('the organiser convenes the committee and names its reviewers', () => {
    given(awaiting()).when(convene(['rv-1', 'rv-2']), marketing).then([{
      type: 'ReviewConvened', data: { subject: 'SOLUTION', version: 1, reviewers: ['rv-1', 'rv-2'], approvalsNeeded: 1, convenedBy: MARKETING },
    }]);
  });
  it('the author does not convene, nor sit on, the review of their own work', () => {
    given(awaiting()).when(convene(['rv-1']), engineer).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(awaiting()).when(convene(['rv-1', ENGINEER]), marketing).thenThrows('INVALID_INPUT');
  });
  it('no vote before the committee is convened, and a version is convened once', () => {
    given(awaiting()).when(approve(), reviewer('rv-1')).thenThrows('INVALID_TRANSITION');
    given(history('PSM040')).when(convene(['rv-2']), marketing).thenThrows('INVALID_TRANSITION');
  });
  it('a MAJOR review names at least 3 reviewers', () => {
    given(awaiting('MAJOR')).when(convene(['a', 'b']), marketing).thenThrows('INVALID_INPUT');
    expect(given(awaiting('MAJOR')).when(convene(['a', 'b', 'c', 'd']), marketing).events()[0]).toMatchObject({ data: { approvalsNeeded: 3 } });
  });
  it('enterprise-standard: 市场部 organises technical-agreement reviews too', () => {
    const submitted: ProjectEvent[] = [...negotiating(), agreementSubmitted()[0]];
    expect(given(submitted).when(convene(['rv-1'], 'TECHNICAL_AGREEMENT'), marketing).events()[0]).toMatchObject({ type: 'ReviewConvened' });
    given(submitted).when(convene(['rv-1'], 'TECHNICAL_AGREEMENT'), supervisor).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
  it('equipment-maker: 业务主管 organises technical-agreement reviews, 市场部 the solution’s', () => {
    const submitted: ProjectEvent[] = [...negotiating(), agreementSubmitted()[0]];
    const policy = { policy: EQUIPMENT_MAKER };
    expect(given(submitted).when(convene(['rv-1'], 'TECHNICAL_AGREEMENT'), supervisor, policy).events()[0]).toMatchObject({ type: 'ReviewConvened' });
    given(submitted).when(convene(['rv-1'], 'TECHNICAL_AGREEMENT'), marketing, policy).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(given(awaiting()).when(convene(['rv-1']), marketing, policy).events()[0]).toMatchObject({ type: 'ReviewConvened' });
  });
});

describe('PSM030 solution review 方案评审', () => {
  const open = history('PSM040');
  const major = history('PSM040', 'MAJOR', ['a', 'b', 'c']);
  const passed = (approvals: number): ProjectEvent => ({ type: 'ReviewPassed', data: { subject: 'SOLUTION', version: 1, approvals } });
  const failed = (reviewerId: string, comments: string): ProjectEvent => ({ type: 'ReviewFailed', data: { subject: 'SOLUTION', version: 1, reviewerId, comments } });
  it('GENERAL: one approval passes the review and moves to the quotation', () => {
    given(open).when(approve(), reviewer('rv-1')).then([vote('rv-1'), passed(1)]);
  });
  it('GENERAL: a rejection fails it only once no approval can come', () => {
    const two = history('PSM040', 'GENERAL', ['rv-1', 'rv-2']);
    given(two).when(reject('too costly'), reviewer('rv-1')).then([vote('rv-1', 'REJECT', 'too costly')]);
    given([...two, vote('rv-1', 'REJECT', 'too costly')]).when(approve(), reviewer('rv-2')).then([vote('rv-2'), passed(1)]);
    given([...two, vote('rv-1', 'REJECT', 'too costly')]).when(reject('agreed'), reviewer('rv-2')).then([vote('rv-2', 'REJECT', 'agreed'), failed('rv-2', 'agreed')]);
  });
  it('MAJOR: decided by majority once the outcome is certain, whatever the order of the votes', () => {
    given(major).when(approve(), reviewer('a')).then([vote('a')]);
    given([...major, vote('a')]).when(approve(), reviewer('b')).then([vote('b'), passed(2)]);
    // a first rejection no longer decides: the other two may still approve
    given(major).when(reject('cooling is undersized'), reviewer('a')).then([vote('a', 'REJECT', 'cooling is undersized')]);
    given([...major, vote('a', 'REJECT', 'x')]).when(approve(), reviewer('b')).then([vote('b')]);
    given([...major, vote('a', 'REJECT', 'x'), vote('b')]).when(approve(), reviewer('c')).then([vote('c'), passed(2)]);
    given([...major, vote('a'), vote('b', 'REJECT', 'x')]).when(reject('no'), reviewer('c')).then([vote('c', 'REJECT', 'no'), failed('c', 'no')]);
  });
  it('only a named reviewer votes', () => {
    given(open).when(approve(), reviewer('rv-9')).thenThrows('NOT_A_REVIEWER');
    given(open).when(approve(), as('rv-1', 'ACCOUNT_MANAGER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
  it('a reviewer votes once per review', () => {
    given([...major, vote('a')]).when(approve(), reviewer('a')).thenThrows('ALREADY_VOTED');
  });
  it('a rejection needs comments', () => {
    given(open).when(reject('  '), reviewer('rv-1')).thenThrows('REASON_REQUIRED');
  });
  it('a reviewer may score a solution (合理性, 创新性, 完整性), each from 1 to 5', () => {
    const scores = { rationality: 4, innovation: 3, completeness: 5 };
    const [cast] = given(open).when({ ...approve(), data: { ...approve().data, scores } }, reviewer('rv-1')).events();
    expect(cast).toEqual({ ...vote('rv-1'), data: { ...vote('rv-1').data, scores } });
    given(open).when({ ...approve(), data: { ...approve().data, scores: { ...scores, innovation: 6 } } }, reviewer('rv-1')).thenThrows('INVALID_INPUT');
  });
  it('a vote is bound to the version it saw: a new version voids it', () => {
    given(open).when(approve(doc('solution', 0).sha256), reviewer('rv-1')).thenThrows('DOCUMENT_CHANGED');
    const resubmitted: ProjectEvent[] = [...major, vote('a'),
      { type: 'SolutionSubmitted', data: { version: 2, document: doc('solution', 2), authorId: ENGINEER, organisers: ['MARKETING'] } },
      { type: 'ReviewConvened', data: { subject: 'SOLUTION', version: 2, reviewers: ['a', 'b', 'c'], approvalsNeeded: 2, convenedBy: MARKETING } },
    ];
    // a's approval of v1 does not count for v2, and a may vote again
    expect(given(resubmitted).when(approve(doc('solution', 2).sha256), reviewer('a')).events()).toHaveLength(1);
  });
  it('a review opened before reviews were organised (its author named the reviewers) is still decided by them', () => {
    const legacy: ProjectEvent[] = [...history('REVIEW'),
      { type: 'SolutionSubmitted', data: { version: 1, document: solution, systemBudget: cny(600_000), reviewers: ['rv-1'], approvalsNeeded: 1 } }];
    given(legacy).when(approve(), reviewer('rv-1')).then([vote('rv-1'), passed(1)]);
  });
});

describe('PSM060 technical agreement 技术协议', () => {
  const agreement = doc('agreement');
  const submitted: ProjectEvent[] = [...negotiating(), ...agreementSubmitted()];
  it('is reviewed by the same rules as the solution', () => {
    given(submitted).when(approve(agreement.sha256, 'TECHNICAL_AGREEMENT'), reviewer('rv-1'))
      .then([
        { type: 'ReviewVoteCast', data: { subject: 'TECHNICAL_AGREEMENT', version: 1, reviewerId: 'rv-1', vote: 'APPROVE', documentSha256: agreement.sha256 } },
        { type: 'ReviewPassed', data: { subject: 'TECHNICAL_AGREEMENT', version: 1, approvals: 1 } },
      ]);
    given(submitted).when(approve(agreement.sha256, 'TECHNICAL_AGREEMENT'), reviewer('rv-2')).thenThrows('NOT_A_REVIEWER');
  });
});
