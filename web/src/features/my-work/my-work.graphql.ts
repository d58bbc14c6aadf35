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
