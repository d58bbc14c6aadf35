import { projectRecordOf } from '../../src/application/project-record.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { doc, ENGINEER, history, MARKETING } from '../unit/domain/fixtures.js';

const scores = { rationality: 4, innovation: 2, completeness: 3 };

describe('the record of a project: what its history says that the fold forgets', () => {
  it('keeps every solution version with its reviewers, votes, comments, scores and outcome', () => {
    const events: ProjectEvent[] = [
      ...history('REVIEW', 'MAJOR', ['rv-1', 'rv-2', 'rv-3']),
      { type: 'SolutionSubmitted', data: { version: 1, document: doc('solution'), authorId: ENGINEER, organisers: ['MARKETING'] } },
      { type: 'ReviewConvened', data: { subject: 'SOLUTION', version: 1, reviewers: ['rv-1', 'rv-2', 'rv-3'], approvalsNeeded: 2, convenedBy: MARKETING } },
      { type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-1', vote: 'APPROVE', documentSha256: doc('solution').sha256, scores } },
      { type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-2', vote: 'REJECT', comments: 'no cycle time', documentSha256: doc('solution').sha256 } },
      { type: 'ReviewFailed', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-2', comments: 'no cycle time' } },
      { type: 'SolutionSubmitted', data: { version: 2, document: doc('solution', 2), authorId: ENGINEER, organisers: ['MARKETING'] } },
    ];
    const record = projectRecordOf(events);
    expect(record.milestones).toEqual([{ name: 'solution', dueOn: '2026-12-15' }]);
    expect(record.exchange).toEqual({ summary: 'met the plant manager', surveyNeeded: false });
    expect(record.solutionVersions).toEqual([
      {
        version: 1, document: doc('solution'), authorId: ENGINEER, reviewers: ['rv-1', 'rv-2', 'rv-3'], approvalsNeeded: 2, outcome: 'FAILED',
        votes: [{ reviewerId: 'rv-1', vote: 'APPROVE', scores }, { reviewerId: 'rv-2', vote: 'REJECT', comments: 'no cycle time' }],
      },
      { version: 2, document: doc('solution', 2), authorId: ENGINEER, reviewers: [], approvalsNeeded: 0, votes: [] },
    ]);
  });

  it('keeps each quotation version with the approvals it got', () => {
    const record = projectRecordOf(history('QUOTATION_APPROVED'));
    expect(record.quotationVersions).toEqual([
      { version: 1, amount: { amount: 9_000_000, currency: 'CNY' }, document: doc('quotation'), requiredApprovals: ['TECH_MANAGER'], approvals: [{ role: 'TECH_MANAGER', approverId: 'tm-he' }] },
    ]);
  });
});
