import { DomainError, type DomainErrorCode } from '../../../src/domain/project/errors.js';
import type { Role } from '../../../src/domain/project/vocabulary.js';
import { differences } from '../../../src/domain/reports/figures.js';
import { decideMonthlyReport, foldMonthlyReport, type MonthlyReportCommand, type MonthlyReportEvent } from '../../../src/domain/reports/monthly-report.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { as, contextFor, NOW } from './given-when-then.js';

const SUPERVISOR = as('sup-ma', 'SALES_SUPERVISOR');
const DIRECTOR = as('dir-zhu', 'SALES_DIRECTOR');
const figures = [{ figure: 'leads', value: 12 }, { figure: 'leadsByChannel.WEB', value: 5 }];
const frozen = { figures, readAt: '2026-11-02T01:00:00.000Z', position: '812' };

const prepare = (month = '2026-10', analysis = '十月信息量回升，展会渠道贡献最大'): MonthlyReportCommand =>
  ({ type: 'PrepareMonthlyReport', data: { month, businessUnit: 'WELDING', analysis, ...frozen } });
const prepared = (version = 1): MonthlyReportEvent =>
  ({ type: 'MonthlyReportPrepared', data: { month: '2026-10', businessUnit: 'WELDING', version, analysis: '十月信息量回升，展会渠道贡献最大', preparedBy: 'sup-ma', ...frozen } });
const submitted = (version = 1): MonthlyReportEvent => ({ type: 'MonthlyReportSubmitted', data: { version, submittedBy: 'sup-ma', receivers: ['SALES_DIRECTOR'] } });
const returned: MonthlyReportEvent = { type: 'MonthlyReportReturned', data: { version: 1, returnedBy: 'dir-zhu', comments: '补充丢单原因分析', preparedBy: 'sup-ma' } };

function given(history: MonthlyReportEvent[]) {
  return {
    when: (command: MonthlyReportCommand, actor: { userId: string; roles: Role[] }, now = NOW) => {
      const run = () => decideMonthlyReport(command, foldMonthlyReport(history), contextFor(actor, { now }));
      return {
        then: (expected: MonthlyReportEvent[]) => expect(run()).toEqual(expected),
        thenThrows: (code: DomainErrorCode) => {
          expect(run).toThrow(DomainError);
          try {
            run();
          } catch (error) {
            expect((error as DomainError).code).toBe(code);
          }
        },
      };
    },
  };
}

describe('每月信息统计表: the supervisor prepares the month’s report, the director receives it', () => {
  it('freezes the figures read, with the position and instant they were read at, and the analysis, as version 1', () => {
    given([]).when(prepare(), SUPERVISOR).then([prepared()]);
  });

  it('is prepared once the month has ended in Shanghai: not during it, nor for a month to come', () => {
    given([]).when(prepare('2026-11'), SUPERVISOR).thenThrows('REPORT_PERIOD_NOT_ENDED');
    given([]).when(prepare('2027-01'), SUPERVISOR).thenThrows('REPORT_PERIOD_NOT_ENDED');
    // 2026-11-01 00:00 in Shanghai is 2026-10-31 16:00 UTC
    given([]).when(prepare('2026-10'), SUPERVISOR, new Date('2026-10-31T15:59:59Z')).thenThrows('REPORT_PERIOD_NOT_ENDED');
    given([]).when(prepare('2026-10'), SUPERVISOR, new Date('2026-10-31T16:00:00Z')).then([prepared()]);
  });

  it('needs an analysis, a well-formed month and figures each named once', () => {
    given([]).when(prepare('2026-10', '  '), SUPERVISOR).thenThrows('REASON_REQUIRED');
    given([]).when(prepare('2026-13'), SUPERVISOR).thenThrows('INVALID_INPUT');
    const twice = { type: 'PrepareMonthlyReport', data: { month: '2026-10', businessUnit: null, analysis: 'x', ...frozen, figures: [...figures, figures[0]] } } as MonthlyReportCommand;
    given([]).when(twice, SUPERVISOR).thenThrows('INVALID_INPUT');
  });

  it('is prepared by the monthly reporter the profile names and received by the director, under either profile', () => {
    given([]).when(prepare(), DIRECTOR).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([prepared(), submitted()]).when({ type: 'AcknowledgeMonthlyReport', data: {} }, SUPERVISOR).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(EQUIPMENT_MAKER.responsibilities.prepareMonthlyReport).toEqual(['SALES_SUPERVISOR']);
    expect(EQUIPMENT_MAKER.responsibilities.receiveMonthlyReport).toEqual(['SALES_DIRECTOR']);
  });

  it('is submitted once prepared, and acknowledged or returned once submitted', () => {
    given([]).when({ type: 'SubmitMonthlyReport', data: {} }, SUPERVISOR).thenThrows('REPORT_NOT_PREPARED');
    given([prepared()]).when({ type: 'SubmitMonthlyReport', data: {} }, SUPERVISOR).then([submitted()]);
    given([prepared()]).when({ type: 'AcknowledgeMonthlyReport', data: {} }, DIRECTOR).thenThrows('REPORT_NOT_SUBMITTED');
    given([]).when({ type: 'ReturnMonthlyReport', data: { comments: 'x' } }, DIRECTOR).thenThrows('REPORT_NOT_PREPARED');
    given([prepared(), submitted()]).when({ type: 'AcknowledgeMonthlyReport', data: { comments: '已阅' } }, DIRECTOR)
      .then([{ type: 'MonthlyReportAcknowledged', data: { version: 1, acknowledgedBy: 'dir-zhu', comments: '已阅' } }]);
    given([prepared(), submitted(), { type: 'MonthlyReportAcknowledged', data: { version: 1, acknowledgedBy: 'dir-zhu' } }])
      .when({ type: 'ReturnMonthlyReport', data: { comments: 'x' } }, DIRECTOR).thenThrows('REPORT_NOT_SUBMITTED');
  });

  it('is returned with comments, prepared again as a new version (every version kept) and resubmitted', () => {
    given([prepared(), submitted()]).when({ type: 'ReturnMonthlyReport', data: { comments: ' ' } }, DIRECTOR).thenThrows('REASON_REQUIRED');
    given([prepared(), submitted()]).when({ type: 'ReturnMonthlyReport', data: { comments: '补充丢单原因分析' } }, DIRECTOR).then([returned]);
    given([prepared(), submitted(), returned]).when({ type: 'SubmitMonthlyReport', data: {} }, SUPERVISOR).thenThrows('REPORT_NOT_PREPARED');
    given([prepared(), submitted(), returned]).when(prepare(), SUPERVISOR).then([prepared(2)]);
    const report = foldMonthlyReport([prepared(), submitted(), returned, prepared(2)]);
    expect(report).toMatchObject({ status: 'PREPARED', versions: [{ version: 1 }, { version: 2 }] });
    given([prepared(), submitted(), returned, prepared(2)]).when({ type: 'SubmitMonthlyReport', data: {} }, SUPERVISOR).then([submitted(2)]);
  });

  it('is not prepared again once submitted, but may be while it is a draft', () => {
    given([prepared(), submitted()]).when(prepare(), SUPERVISOR).thenThrows('INVALID_TRANSITION');
    given([prepared()]).when(prepare(), SUPERVISOR).then([prepared(2)]);
  });
});

describe('restating a report', () => {
  it('lists every figure whose value now differs from the frozen one, a figure missing on one side counting as 0', () => {
    expect(differences(figures, [{ figure: 'leads', value: 13 }, { figure: 'leadsByChannel.WEB', value: 5 }, { figure: 'leadsByChannel.FAX', value: 1 }])).toEqual([
      { figure: 'leads', frozen: 12, now: 13 },
      { figure: 'leadsByChannel.FAX', frozen: 0, now: 1 },
    ]);
    expect(differences(figures, figures)).toEqual([]);
  });
});
