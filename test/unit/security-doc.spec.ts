import { readFileSync } from 'node:fs';
import { commandRoleTable } from '../../src/domain/policy/responsibilities.js';
import { ENTERPRISE_STANDARD, EQUIPMENT_MAKER } from '../support/policies.js';

/** The rows of SECURITY.md's "Roles per command" table: command → roles under each shipped profile (its columns). */
function documentedRoles(): Record<string, Record<string, string[]>> {
  const section = readFileSync('SECURITY.md', 'utf8').split('### Roles per command')[1].split('\n## ')[0];
  const [header, , ...rows] = section.split('\n').filter((line) => line.startsWith('|'));
  const profiles = header.split('|').slice(2, -1).map((cell) => cell.match(/`([\w-]+)`/)?.[1] ?? cell.trim());
  const table: Record<string, Record<string, string[]>> = Object.fromEntries(profiles.map((profile) => [profile, {}]));
  for (const row of rows) {
    const [command, ...cells] = row.split('|').slice(1, -1).map((cell) => cell.trim());
    profiles.forEach((profile, i) => {
      table[profile][command.replace(/`/g, '')] = [...cells[i].matchAll(/`(\w+)`/g)].map(([, role]) => role);
    });
  }
  return table;
}

describe('SECURITY.md', () => {
  it('lists exactly the roles each shipped profile allows for every command', () => {
    const byProfile = (policy: typeof ENTERPRISE_STANDARD) => Object.fromEntries(Object.entries(commandRoleTable(policy)).sort(([a], [b]) => a.localeCompare(b)));
    const documented = documentedRoles();
    for (const policy of [ENTERPRISE_STANDARD, EQUIPMENT_MAKER]) {
      expect(Object.fromEntries(Object.entries(documented[policy.profile]).sort(([a], [b]) => a.localeCompare(b)))).toEqual(byProfile(policy));
    }
  });
});
