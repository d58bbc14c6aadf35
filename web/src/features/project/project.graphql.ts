import { graphql } from '../../graphql/generated';

export const ProjectHeaderQuery = graphql(`
  query ProjectHeader($id: ID!) {
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
      estimatedAmount { amount }
      signedAmount { amount }
    }
  }
`);
