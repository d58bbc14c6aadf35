import { graphql } from '../../graphql/generated';

export const BoardQuery = graphql(`
  query PipelineBoard($filter: BoardFilterInput, $asOf: DateTime) {
    pipelineBoard(filter: $filter, asOf: $asOf, cardsPerColumn: 50) {
      stage
      count
      amount
      weightedAmount
      cards {
        ...BoardCardFields
      }
    }
  }
`);

export const BoardCardFields = graphql(`
  fragment BoardCardFields on BoardCard {
    projectId
    title
    customer
    ownerId
    region
    productLine
    projectClass
    amount { amount }
    stage
    daysInStage
    dueOn
    overdue
  }
`);

export const BoardChangedSubscription = graphql(`
  subscription BoardChanged($filter: BoardFilterInput) {
    boardChanged(filter: $filter) {
      projectId
      stage
    }
  }
`);
