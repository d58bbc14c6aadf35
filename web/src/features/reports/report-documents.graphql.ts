import { graphql } from '../../graphql/generated';

export const MonthlyReportDocumentQuery = graphql(`
  query MonthlyReportDocument($month: String!, $asOf: DateTime) {
    monthlyReport(month: $month, asOf: $asOf) {
      month
      status
      revision
      current { version analysis readAt preparedBy }
      history { kind version by at comments }
    }
    monthlyReportRestatement(month: $month, asOf: $asOf) {
      version
      comparedAt
      differences { figure frozen now }
    }
  }
`);

export const QuarterlyAnalysisDocumentQuery = graphql(`
  query QuarterlyAnalysisDocument($quarter: String!, $asOf: DateTime) {
    quarterlyAnalysisReport(quarter: $quarter, asOf: $asOf) {
      quarter
      analysis
      preparedBy
      preparedAt
      previousQuarter { quarter source }
      sameQuarterLastYear { quarter source }
      revision
      actions { revision }
    }
  }
`);

export const FollowUpActionsQuery = graphql(`
  query FollowUpActions($quarter: String) {
    followUpActions(quarter: $quarter, limit: 50) { quarter action title ownerId dueOn status note overdue revision }
  }
`);

export const PrepareMonthlyReportMutation = graphql(`
  mutation PrepareMonthlyReport($input: PrepareMonthlyReportInput!) { prepareMonthlyReport(input: $input) { revision } }
`);
export const SubmitMonthlyReportMutation = graphql(`
  mutation SubmitMonthlyReport($input: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $input) { revision } }
`);
export const AcknowledgeMonthlyReportMutation = graphql(`
  mutation AcknowledgeMonthlyReport($input: AcknowledgeMonthlyReportInput!) { acknowledgeMonthlyReport(input: $input) { revision } }
`);
export const ReturnMonthlyReportMutation = graphql(`
  mutation ReturnMonthlyReport($input: ReturnMonthlyReportInput!) { returnMonthlyReport(input: $input) { revision } }
`);
export const PrepareQuarterlyAnalysisMutation = graphql(`
  mutation PrepareQuarterlyAnalysis($input: PrepareQuarterlyAnalysisInput!) { prepareQuarterlyAnalysis(input: $input) { revision } }
`);
export const UpdateFollowUpActionMutation = graphql(`
  mutation UpdateFollowUpAction($input: UpdateFollowUpActionInput!) { updateFollowUpAction(input: $input) { revision } }
`);
