import { graphql } from '../../graphql/generated';

/** The project's name, every revision's event type (for the pickers) and where each document was filed. */
export const OutlineQuery = graphql(`
  query HistoryOutline($id: ID!) {
    project(id: $id) {
      id
      title
      documents { filedAt kind title version sha256 }
    }
    projectHistory(projectId: $id, limit: 1000) {
      headRevision
      entries { revision type }
    }
  }
`);

export const TimelineQuery = graphql(`
  query TimelinePage($id: ID!, $from: Int!, $limit: Int!) {
    projectHistory(projectId: $id, from: $from, limit: $limit) {
      headRevision
      entries {
        revision
        type
        label
        occurredAt
        actor { userId name roles }
        decidedDocument { kind title version sha256 }
      }
    }
  }
`);

export const AsOfQuery = graphql(`
  query ProjectAsOf($id: ID!, $atRevision: Int, $asOf: DateTime) {
    project(id: $id, atRevision: $atRevision, asOf: $asOf) {
      id
      revision
      stage
      ownerId
      projectClass
      estimatedAmount { amount }
      signedAmount { amount }
      documents { sha256 }
      solution { version status }
      quotation { version amount { amount } approvalsMissing }
      contract { version status amount { amount } nextSigner { role userId } }
    }
  }
`);

export const DiffQuery = graphql(`
  query RevisionDiff($id: ID!, $from: Int!, $to: Int!) {
    projectDiff(id: $id, from: { atRevision: $from }, to: { atRevision: $to }) {
      fromRevision
      toRevision
      changes { field before after }
    }
  }
`);

export const VerifyQuery = graphql(`
  query VerifyChain($id: ID!) {
    verifyProject(id: $id) {
      status
      events
      unchained
      headHash
      firstBreak { revision type reason expected actual }
    }
  }
`);
