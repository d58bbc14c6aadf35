import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { Kind, NoSchemaIntrospectionCustomRule, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { AppConfig } from '../config/app-config.js';
import { RequestLimitError } from './request-limit.error.js';

type Variables = Record<string, unknown> | undefined;

/**
 * The fields a request selects, aliases and fragments counted, and the commands among them (fields
 * of the Mutation type), in one walk of the document.
 */
function measure(schema: GraphQLSchema, query: DocumentNode, variables: Variables): { fields: number; commands: number } {
  let commands = 0;
  const fields: ComplexityEstimator = ({ type, childComplexity }) => {
    if (type === schema.getMutationType()) commands++;
    return 1 + childComplexity;
  };
  return { fields: getComplexity({ schema, query, variables, estimators: [fields] }), commands };
}

/** Any JSON text opens so (an object with `"` or `}`); a GraphQL document never does, and is spared a failing parse. */
const JSON_OPENING = /^\s*(?:[["\-0-9tfn]|\{\s*["}])/;

/** Mercurius takes a query that is JSON for a parsed document (an AST); no GraphQL text is valid JSON. */
function isJson(source: string): boolean {
  if (!JSON_OPENING.test(source)) return false;
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
        const { fields, commands } = measure(schema, document, variables);
        if (fields > config.GRAPHQL_MAX_COMPLEXITY) {
          throw new RequestLimitError('complexity', `the request selects ${fields} fields; at most ${config.GRAPHQL_MAX_COMPLEXITY} are accepted`);
        }
        if (commands > config.GRAPHQL_MAX_MUTATIONS) {
          throw new RequestLimitError('mutations', `the request carries ${commands} commands; at most ${config.GRAPHQL_MAX_MUTATIONS} per request`);
        }
      },
    },
  };
}
