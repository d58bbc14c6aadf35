import { graphql } from '../../graphql/generated';

export const StatisticsRowFields = graphql(`
  fragment StatisticsRowFields on StatisticsRow {
    value
    leads
    leadsByChannel { key count }
    leadsScreened
    leadsQualified
    leadsRejected
    leadsForwarded
    leadsAssigned
    approvals
    approvalsByClass { key count }
    solutionsSubmitted
    solutionVersions
    solutionReviewsPassed
    solutionReviewsFailed
    firstPassRate
    quotations
    quotationAmount
    bidDecisions
    noBidDecisions
    bidsSubmitted
    bidsWon
    bidsLost
    contractsSigned
    contractAmount
    losses
    lossesByReason { key count }
    terminations
    terminationsByReason { key count }
    overdueSteps
    overdueByKind { key count }
    overdueByPerson { key count }
    averageDaysPerStage { stage averageDays intervals }
  }
`);

export const MonthlyStatisticsQuery = graphql(`
  query MonthlyStatistics($month: String!, $groupBy: GroupBy!, $asOf: DateTime) {
    monthlyStatistics(month: $month, groupBy: $groupBy, asOf: $asOf) {
      month
      groupBy
      rows { ...StatisticsRowFields }
    }
  }
`);

/** One month's department totals: the trend asks for each month on its own (a report as of an instant is a whole-log replay, one per request). */
export const MonthTotalsQuery = graphql(`
  query MonthTotals($month: String!, $asOf: DateTime) {
    monthlyStatistics(month: $month, groupBy: ALL, asOf: $asOf) {
      rows { leads approvals solutionsSubmitted quotations contractsSigned contractAmount losses lossesByReason { key count } }
    }
  }
`);

export const QuarterlyAnalysisQuery = graphql(`
  query QuarterlyAnalysis($quarter: String!, $asOf: DateTime) {
    quarterlyAnalysis(quarter: $quarter, asOf: $asOf) {
      quarter
      previousQuarter
      sameQuarterLastYear
      totals { ...StatisticsRowFields }
      againstPreviousQuarter { figure current other change changeRate }
      againstSameQuarterLastYear { figure current other change changeRate }
      topLossReasons { key count }
    }
  }
`);

export const WinLossQuery = graphql(`
  query WinLossAnalysis($from: String!, $to: String!, $groupBy: WinLossGroupBy!, $asOf: DateTime) {
    winLossAnalysis(from: $from, to: $to, groupBy: $groupBy, asOf: $asOf) {
      key
      closed
      won
      lost
      terminated
      notBid
      customerDeclined
      winRate
      bidsWon
      bidsLost
      bidHitRate
      amountWon
      amountLost
      averageCycleDays
      lossReasons { key count }
    }
  }
`);
