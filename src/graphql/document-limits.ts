import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { Kind, NoSchemaIntrospectionCustomRule, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { AppConfig } from '../config/app-config.js';
import { RequestLimitError } from './request-limit.error.js';

type Variables = Record<string, unknown> | undefined;

/** Counts the fields selected on the Mutation type: the commands one request would run. */
const commandsOnly =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ type, childComplexity }) =>
    (type === schema.getMutationType() ? 1 : 0) + childComplexity;

function measure(schema: GraphQLSchema, query: DocumentNode, variables: Variables, estimator: ComplexityEstimator): number {
  return getComplexity({ schema, query, variables, estimators: [estimator] });
}

/** Mercurius takes a query that is JSON for a parsed document (an AST); no GraphQL text is valid JSON. */
function isJson(source: string): boolean {
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the GraphQL endpoint refuses before running anything: deep, costly, oversized documents,
 * several commands in one request, batched arrays; and, in production, GraphiQL and introspection.
 */
export function documentLimits(config: AppConfig): Partial<MercuriusDriverConfig> {
  return {
    graphiql: config.servesGraphiQL,
    validationRules: config.servesGraphiQL ? [] : [NoSchemaIntrospectionCustomRule],
    allowBatchedQueries: false,
    queryDepth: config.GRAPHQL_MAX_DEPTH,
    hooks: {
      preParsing: async (_schema, source) => {
        const bytes = Buffer.byteLength(source);
        if (bytes > config.GRAPHQL_MAX_DOCUMENT_BYTES) {
          throw new RequestLimitError('documentSize', `the document has ${bytes} bytes; at most ${config.GRAPHQL_MAX_DOCUMENT_BYTES} are accepted`);
        }
        if (isJson(source)) throw new RequestLimitError('documentText', 'the query must be a GraphQL document, not JSON');
      },
      // variables are known (and already checked) here, which the cost of a field list may depend on
      preExecution: async (schema, document, _context, variables) => {
        if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription')) {
          throw new RequestLimitError('subscriptionOverHttp', 'subscriptions are served over WebSocket (graphql-ws) at /graphql');
        }
        const complexity = measure(schema, document, variables, simpleEstimator({ defaultComplexity: 1 }));
        if (complexity > config.GRAPHQL_MAX_COMPLEXITY) {
          throw new RequestLimitError('complexity', `the request selects ${complexity} fields; at most ${config.GRAPHQL_MAX_COMPLEXITY} are accepted`);
        }
        const commands = measure(schema, document, variables, commandsOnly(schema));
        if (commands > config.GRAPHQL_MAX_MUTATIONS) {
          throw new RequestLimitError('mutations', `the request carries ${commands} commands; at most ${config.GRAPHQL_MAX_MUTATIONS} per request`);
        }
      },
    },
  };
}
