import { graphql } from '../../graphql/generated';

export const MyWorkQuery = graphql(`
  query MyWork {
    myWork {
      projectId
      kind
      assigneeType
      assignee
      since
      step
      dueAt
      overdue
      period
      action
      title
      project {
        title
        customer
        stage
        dueOn
        overdue
        amount { amount }
      }
    }
  }
`);
