import { readFileSync } from 'node:fs';
import { CSV_COLUMNS } from '../../src/graphql/reports-csv.controller.js';

/** The fields of a type as schema.gql (exported from the resolvers, sorted by name) declares them. */
function fieldsOf(type: string): string[] {
  const schema = readFileSync('schema.gql', 'utf8');
  const body = new RegExp(`\\ntype ${type} \\{\\n([\\s\\S]*?)\\n\\}`).exec(schema)![1];
  // a field is `name: Type` at the start of a line; descriptions are in quotes on their own lines
  return [...body.matchAll(/^\s+(\w+)(?:\([^)]*\))?: /gm)].map((match) => match[1]);
}

describe('the monthly statistics spreadsheet', () => {
  it('has a column for every field GraphQL shows of a statistics row, so the two cannot drift apart', () => {
    const fields = fieldsOf('StatisticsRow');
    expect(fields).toContain('terminationsByReason');
    expect(CSV_COLUMNS.map(([field]) => field).sort()).toEqual([...fields].sort());
  });
});
