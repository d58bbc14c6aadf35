import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import groups from '../support/test-groups.cjs';

/** npm test runs the small files in groups (test/support/test-groups.cjs): none may be run twice or left out. */
describe('the groups npm test runs the small test files in', () => {
  const all = groups.testGroups();

  it('has a file under test/groups/ for every group, and no file for a group that does not exist', () => {
    const files = readdirSync(join(groups.ROOT, 'test/groups')).map((file) => file.replace(/\.spec\.ts$/, '')).sort();
    expect(files).toEqual(Object.keys(all).sort());
    for (const name of Object.keys(all)) expect(existsSync(join(groups.ROOT, 'test/groups', `${name}.spec.ts`))).toBe(true);
  });

  it('puts each file in one group at most, and this file in one', () => {
    const members = Object.values(all).flat();
    expect(new Set(members).size).toBe(members.length);
    expect(groups.grouped()).toContain('test/unit/test-groups.spec.ts');
  });
});
