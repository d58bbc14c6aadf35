import { execute } from '../../graphql/execute';
import { TypedDocumentString } from '../../graphql/generated/graphql';
import { MUTATION_INPUTS } from '../../graphql/generated/mutation-inputs';

export interface CommandOutcome {
  projectId: string;
  revision: number;
  stage: string;
}

/** Sends one of the procedure's mutations with its input and a fresh command id; a refusal is thrown as GraphQLRequestError. */
export async function sendMutation(mutation: string, input: Record<string, unknown>): Promise<CommandOutcome> {
  const { input: type } = MUTATION_INPUTS[mutation];
  const document = new TypedDocumentString<Record<string, CommandOutcome>, { input: Record<string, unknown> }>(
    `mutation Console($input: ${type}!) { ${mutation}(input: $input) { projectId revision stage } }`,
  );
  const data = await execute(document, { input: { ...input, commandId: crypto.randomUUID() } });
  return data[mutation];
}
