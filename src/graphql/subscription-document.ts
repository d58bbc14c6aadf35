import {
  GraphQLError, Kind, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';

export interface SubscriptionDocumentLimits {
  maxBytes: number;
  maxDepth: number;
  maxFields: number;
  introspection: boolean;
}

/** A subscribe refused for its size or shape, sent as that operation's `error` message. */
export const limitRefusal = (limit: string, message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', limit } });

type Fragments = Map<string, FragmentDefinitionNode>;

/** Selections walked with every fragment spread expanded (each fragment's count kept, so a fan-out costs one walk per fragment). */
function fieldCount(selectionSet: SelectionSetNode, fragments: Fragments, counted: Map<string, number>, visiting = new Set<string>()): number {
  let fields = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment) continue;
      // a fragment that spreads itself is invalid: count it as over any limit rather than loop
      if (visiting.has(name)) return Infinity;
      if (!counted.has(name)) {
        visiting.add(name);
        counted.set(name, fieldCount(fragment.selectionSet, fragments, counted, visiting));
        visiting.delete(name);
      }
      fields += counted.get(name)!;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields += fieldCount(selection.selectionSet, fragments, counted, visiting);
    } else {
      fields += 1 + (selection.selectionSet ? fieldCount(selection.selectionSet, fragments, counted, visiting) : 0);
    }
  }
  return fields;
}

/** Nesting as Mercurius counts it for queries: a field or inline fragment is a level, a fragment spread is not. */
function depthOf(selectionSet: SelectionSetNode, fragments: Fragments, level: number, depths: Map<string, number>): number {
  let deepest = level;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (!fragment) continue;
      if (!depths.has(fragment.name.value)) depths.set(fragment.name.value, depthOf(fragment.selectionSet, fragments, 0, depths));
      deepest = Math.max(deepest, level + depths.get(fragment.name.value)!);
    } else {
      deepest = Math.max(deepest, selection.selectionSet ? depthOf(selection.selectionSet, fragments, level + 1, depths) : level + 1);
    }
  }
  return deepest;
}

/**
 * A subscription document checked as a query is, before it runs: its size, its fields counted (before
 * validation, whose cost grows with the square of the fields), validated against the schema, its depth.
 */
export function checkedSubscription(schema: GraphQLSchema, source: string, limits: SubscriptionDocumentLimits): DocumentNode {
  const bytes = Buffer.byteLength(source);
  if (bytes > limits.maxBytes) throw limitRefusal('documentSize', `the document has ${bytes} bytes; at most ${limits.maxBytes} are accepted`);
  const document = parse(source);
  const fragments: Fragments = new Map();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const counted = new Map<string, number>();
  const fields = operations.reduce((sum, operation) => sum + fieldCount(operation.selectionSet, fragments, counted), 0);
  if (fields > limits.maxFields) throw limitRefusal('complexity', `the subscription selects ${Number.isFinite(fields) ? fields : 'endless'} fields; at most ${limits.maxFields} are accepted`);
  const [invalid] = validate(schema, document, limits.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule]);
  if (invalid) throw new GraphQLError(invalid.message, { nodes: invalid.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  const depths = new Map<string, number>();
  const depth = Math.max(0, ...operations.map((operation) => depthOf(operation.selectionSet, fragments, 0, depths)));
  if (depth > limits.maxDepth) throw limitRefusal('depth', `the subscription is ${depth} levels deep; at most ${limits.maxDepth} are accepted`);
  return document;
}
