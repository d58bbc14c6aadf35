import { execute } from '../../graphql/execute';
import type { TypedDocumentString } from '../../graphql/generated/graphql';

/** The service runs two expensive requests (reports, replays) of a user at once and refuses a third (SECURITY.md): the console waits instead. */
const AT_ONCE = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function takeSlot(): Promise<void> {
  if (running < AT_ONCE) running++;
  // a finished request hands its slot over: `running` stays as it is
  else await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

export async function executeReport<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  await takeSlot();
  try {
    return await execute(document, variables);
  } finally {
    releaseSlot();
  }
}
