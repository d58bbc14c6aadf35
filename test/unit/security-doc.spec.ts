import { readFileSync } from 'node:fs';
import { COMMAND_ROLES } from '../../src/domain/project/commands.js';

/** The rows of SECURITY.md's "Roles per command" table: command → roles. */
function documentedRoles(): Record<string, string[]> {
  const section = readFileSync('SECURITY.md', 'utf8').split('### Roles per command')[1].split('\n## ')[0];
  const rows = [...section.matchAll(/^\| `(\w+)` \| (.+) \|$/gm)];
  return Object.fromEntries(rows.map(([, command, roles]) => [command, [...roles.matchAll(/`(\w+)`/g)].map(([, role]) => role)]));
}

describe('SECURITY.md', () => {
  it('lists exactly the roles COMMAND_ROLES allows for every command', () => {
    expect(documentedRoles()).toEqual(Object.fromEntries(Object.entries(COMMAND_ROLES).map(([command, roles]) => [command, [...roles]])));
  });
});
