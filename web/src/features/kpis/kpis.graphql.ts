import { graphql } from '../../graphql/generated';

export const PresalesKpiFields = graphql(`
  fragment PresalesKpiFields on PresalesKpisView {
    person
    period
    success { count of rate }
    satisfaction { count score }
    solutionQuality { count score }
    collaboration { count score }
    onTime { count of rate }
    demos
    assessments { month inForce { version rating scaleMax comment assessedBy reason } }
  }
`);

export const PresalesKpisOfMonthQuery = graphql(`
  query PresalesKpisOfMonth($month: String!, $asOf: DateTime) {
    presalesKpisOfMonth(month: $month, asOf: $asOf) { ...PresalesKpiFields }
  }
`);

export const OwnPresalesKpisQuery = graphql(`
  query OwnPresalesKpis($person: String!, $month: String!, $asOf: DateTime) {
    presalesKpis(person: $person, month: $month, asOf: $asOf) { ...PresalesKpiFields }
  }
`);

export const PresalesKpiEventsQuery = graphql(`
  query PresalesKpiEvents($person: String!, $figure: KpiFigure!, $month: String!, $asOf: DateTime, $limit: Int!, $offset: Int!) {
    presalesKpiEvents(person: $person, figure: $figure, month: $month, asOf: $asOf, limit: $limit, offset: $offset) {
      total
      items { projectId revision type at value outcome }
    }
  }
`);

export const AssessPresalesMutation = graphql(`
  mutation AssessPresales($input: AssessPresalesInput!) { assessPresales(input: $input) { version } }
`);

export const ReviseAssessmentMutation = graphql(`
  mutation ReviseAssessment($input: ReviseAssessmentInput!) { reviseAssessment(input: $input) { version } }
`);
