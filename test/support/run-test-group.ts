import { join } from 'node:path';
import groups from './test-groups.cjs';

/** Loads a group's files one after the other into this file's module registry: Jest runs their tests as its own. */
export async function runTestGroup(name: string): Promise<void> {
  const files = groups.testGroups()[name];
  if (!files?.length) throw new Error(`no test group ${name}`);
  for (const file of files) await import(join(groups.ROOT, file));
}
