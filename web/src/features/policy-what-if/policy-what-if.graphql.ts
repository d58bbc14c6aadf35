import { graphql } from '../../graphql/generated';

export const PolicyWhatIfQuery = graphql(`
  query PolicyWhatIf($candidate: String!, $from: String!, $to: String!) {
    policyWhatIf(candidate: $candidate, from: $from, to: $to) {
      periodStart
      periodEnd
      inForce { profile version }
      candidate { profile version }
      versionsInPeriod { profile version decisions first last }
      projects
      approvals { decisions deciders routings differences { projectId at kind decision decidedBy decidedAs inForce candidate } }
      deadlines {
        steps overdueInForce overdueUnderCandidate becameOverdue becameOnTime
        differences { projectId kind startedAt stoppedAt inForce { overdueAt overdue } candidate { overdueAt overdue } }
      }
      classes { projects becameMajor becameGeneral differences { projectId title estimatedAmount { amount } quotedAmount { amount } inForce candidate } }
      pipeline { amount inForceWeighted candidateWeighted stages { stage count amount inForceWeight candidateWeight inForceWeighted candidateWeighted } }
    }
  }
`);
