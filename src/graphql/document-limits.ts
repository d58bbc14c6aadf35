import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { getNullableType, GraphQLError, isListType, Kind, NoSchemaIntrospectionCustomRule, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { TokenService } from '../auth/token.service.js';
import type { AppConfig } from '../config/app-config.js';
import { COMMAND_WORK, FIELD_COSTS, PAGED_LISTS, UNLISTED_ITEMS } from './field-costs.js';
import { ExpensiveRequests } from './expensive-requests.js';
import { RequestLimitError } from './request-limit.error.js';
import { jsonBytesUpTo } from './response-size.js';

type Variables = Record<string, unknown> | undefined;

/** What a request costs (see field-costs.ts), and what the edge's other limits count, from one walk of the document. */
export interface RequestCost {
  /** Work and list items together: what GRAPHQL_MAX_COST caps. */
  cost: number;
  /** The fields' own work alone (replays, reports, reads), without the size of their lists: what makes a request expensive. */
  work: number;
  /** Fields selected, aliases and fragments counted. */
  fields: number;
  /** Fields of the Mutation type. */
  commands: number;
  /** Fields replaying every project's events. */
  wholeLogReplays: number;
}

/** Prices a request's fields by the table in field-costs.ts; subscriptions' documents can be priced alike. */
export function requestCost(schema: GraphQLSchema, query: DocumentNode, variables: Variables): RequestCost {
  const measured = { cost: 0, work: 0, fields: 0, commands: 0, wholeLogReplays: 0 };
  // a paged list's items are priced by its parent's argument: the parent, estimated after its children, takes them from here
  const pagedItems = new Map<string, number>();
  const estimate: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    measured.fields++;
    const coordinate = `${type.name}.${field.name}`;
    const price = FIELD_COSTS[coordinate] ?? {};
    const replayed = price.replay?.args.some((name) => args[name] !== undefined && args[name] !== null);
    const work = replayed ? price.replay!.work : type === schema.getMutationType() ? (price.work ?? COMMAND_WORK) : (price.work ?? 0);
    measured.work += work;
    if (type === schema.getMutationType()) measured.commands++;
    if (replayed && price.replay!.wholeLog) measured.wholeLogReplays++;
    if (PAGED_LISTS.has(coordinate)) {
      pagedItems.set(coordinate, (pagedItems.get(coordinate) ?? 0) + childComplexity);
      return 1 + childComplexity;
    }
    let children = childComplexity;
    if (price.page) {
      children += (price.page.size(args) - 1) * (pagedItems.get(price.page.list) ?? 0);
      pagedItems.delete(price.page.list);
    }
    const items = isListType(getNullableType(field.type)) ? (price.items ?? (type.name.startsWith('__') ? 1 : UNLISTED_ITEMS)) : 1;
    return 1 + work + items * children;
  };
  measured.cost = getComplexity({ schema, query, variables, estimators: [estimate] });
  return measured;
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

/** The slot an expensive request holds while it runs, by its GraphQL context. */
const slots = new WeakMap<object, () => void>();

/** The verified caller of a request over HTTP; none for an anonymous one, which every costly field refuses anyway. */
async function callerOf(tokens: TokenService, context: MercuriusContext): Promise<string | undefined> {
  const actor = await tokens.verify(context.reply?.request.headers.authorization).catch(() => undefined);
  return actor?.userId;
}

/** Refuses a request past the cost and shape limits, then takes a slot if it is expensive; nothing has run yet. */
async function admit(config: AppConfig, tokens: TokenService, expensive: ExpensiveRequests, schema: GraphQLSchema, document: DocumentNode, context: MercuriusContext, variables: Variables) {
  if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription')) {
    throw new RequestLimitError('subscriptionOverHttp', 'subscriptions are served over WebSocket (graphql-ws) at /graphql');
  }
  const { cost, work, fields, commands, wholeLogReplays } = requestCost(schema, document, variables);
  if (fields > config.GRAPHQL_MAX_COMPLEXITY) {
    throw new RequestLimitError('complexity', `the request selects ${fields} fields; at most ${config.GRAPHQL_MAX_COMPLEXITY} are accepted`);
  }
  if (cost > config.GRAPHQL_MAX_COST) {
    throw new RequestLimitError('cost', `the request costs ${cost}; at most ${config.GRAPHQL_MAX_COST} is accepted: ask for fewer aliases, smaller pages or fewer past instants`);
  }
  if (commands > config.GRAPHQL_MAX_MUTATIONS) {
    throw new RequestLimitError('mutations', `the request carries ${commands} commands; at most ${config.GRAPHQL_MAX_MUTATIONS} per request`);
  }
  if (work < config.GRAPHQL_EXPENSIVE_COST) return;
  const userId = await callerOf(tokens, context);
  if (userId === undefined) return;
  const release = expensive.enter(userId, wholeLogReplays > 0);
  if (!release) {
    throw new RequestLimitError('concurrency', expensive.refusal(userId));
  }
  slots.set(context, release);
}

/** An answer over GRAPHQL_MAX_RESPONSE_BYTES is replaced by an error before it is serialized, so it is never held as text. */
function capAnswer(config: AppConfig, execution: { data?: unknown; errors?: unknown }, context: MercuriusContext): void {
  const bytes = jsonBytesUpTo(execution, config.GRAPHQL_MAX_RESPONSE_BYTES);
  if (bytes <= config.GRAPHQL_MAX_RESPONSE_BYTES) return;
  const refusal = new RequestLimitError('responseSize', `the answer has more than ${config.GRAPHQL_MAX_RESPONSE_BYTES} bytes, the most that is sent: ask for fewer fields or smaller pages`);
  execution.data = null;
  execution.errors = [
    new GraphQLError(refusal.message, { extensions: { code: refusal.graphqlCode, limit: refusal.limit } }).toJSON(),
  ];
  context.reply?.code(refusal.statusCode);
}

/**
 * What the GraphQL endpoint refuses before running anything: deep, costly, oversized documents,
 * several commands in one request, batched arrays, a user's expensive requests past their share;
 * an answer too large to send; and, in production, GraphiQL and introspection.
 */
export function documentLimits(config: AppConfig, tokens: TokenService, expensive: ExpensiveRequests): Partial<MercuriusDriverConfig> {
  return {
    // GraphiQL is served from this package's own files (see graphiql/), never Mercurius' CDN page
    graphiql: false,
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
      preExecution: async (schema, document, context, variables) => {
        await admit(config, tokens, expensive, schema, document, context, variables);
      },
      onResolution: async (execution, context) => {
        slots.get(context)?.();
        capAnswer(config, execution, context);
      },
    },
  };
}
