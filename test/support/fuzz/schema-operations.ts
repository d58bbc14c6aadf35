import { getNamedType, isCompositeType, type GraphQLArgument, type GraphQLSchema } from 'graphql';

/** One query or mutation of the schema, with the document that calls it through variables. */
export interface Operation {
  kind: 'query' | 'mutation';
  field: string;
  args: readonly GraphQLArgument[];
  document: string;
}

/** Every query and mutation the schema has: a new operation is fuzzed without touching the tests. */
export function operationsOf(schema: GraphQLSchema): Operation[] {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).map((field) => {
      const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
      const document = `${kind} Fuzz${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
      return { kind, field: field.name, args: field.args, document };
    }),
  );
}
