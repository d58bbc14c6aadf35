import { readPolicyFile } from '../../src/config/policy-file.js';
import { commandRoleTable } from '../../src/domain/policy/responsibilities.js';

/** The shipped profiles, as the service loads them: tests decide under the very files it ships. */
export const ENTERPRISE_STANDARD = readPolicyFile('enterprise-standard');
export const EQUIPMENT_MAKER = readPolicyFile('equipment-maker');

/** Who may issue each command under the profile the service runs by default (the suites start it without POLICY_FILE). */
export const COMMAND_ROLES = commandRoleTable(ENTERPRISE_STANDARD);
