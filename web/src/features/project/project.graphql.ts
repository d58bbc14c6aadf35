import { graphql } from '../../graphql/generated';

export const ProjectPageQuery = graphql(`
  query ProjectPage($id: ID!) {
    project(id: $id) {
      id
      title
      customer
      stage
      ownerId
      region
      productLine
      projectClass
      revision
      sponsorId
      presalesEngineerId
      estimatedAmount { amount }
      signedAmount { amount }
      documents { kind title version sha256 uri filedAt }
      exchange { memo { title uri sha256 } }
      solution { ...CurrentReview }
      agreement { subject version status approvalsNeeded reviewers votes { reviewerId vote } document { title uri sha256 } signed }
      solutionVersions { ...ReviewedVersion }
      agreementVersions { ...ReviewedVersion }
      quotation { version amount { amount } document { title uri sha256 } requiredApprovals approvalsMissing approvals { approverId role } }
      contract { version status amount { amount } document { title uri sha256 } chain { role userId signed signedBy } nextSigner { role userId } }
      openDeadlines { kind dueAt overdue waitingFor { role userId } }
      salesControl {
        plans { version strengths weaknesses goals risks withdrawalCriteria filedBy at revisionReason workItems { task ownerId dueOn purpose } }
        taskBooks { version expectedGrossMargin { amount } budget { amount } allowedBudget { amount } filedBy at confirmedBy }
        milestones { name dueOn reachedOn overdue }
        budget { budget { amount } booked { amount } remaining { amount } overPlan basis }
        costs { number category amount { amount } spentOn note bookedBy }
        meetings { number heldOn attendees minutes decision stopReason recordedBy }
        progressReports { month progress nextSteps risks milestonesReached reportedBy at }
        adjustments { number kind milestone fromDueOn newDueOn extraBudget { amount } reason requestedBy status beyondLimit approvers confirmedBy decidedBy comments }
      }
    }
  }
  fragment CurrentReview on ReviewView { subject version status approvalsNeeded reviewers votes { reviewerId vote } document { title uri sha256 } }
  fragment ReviewedVersion on ReviewedVersionView { version approvalsNeeded reviewers outcome document { title sha256 } votes { reviewerId vote comments scores { rationality innovation completeness } } }
`);

export const AvailableActionsQuery = graphql(`
  query AvailableActions($projectId: ID!) {
    availableActions(projectId: $projectId) { command variant label }
  }
`);
