import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { ROLES, type Role } from '../domain/project/vocabulary.js';
import { TokenService } from './token.service.js';

/** npm run token -- --user u1 --roles ACCOUNT_MANAGER[,REVIEWER] [--name 李明] [--bu EAST-BU] [--expires 12h] */
try {
  const { values } = parseArgs({ options: { user: { type: 'string' }, roles: { type: 'string' }, name: { type: 'string' }, bu: { type: 'string' }, expires: { type: 'string' } } });
  const roles = (values.roles ?? '').split(',').map((role) => role.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (!values.user || roles.length === 0 || unknown.length > 0) {
    process.stderr.write(`usage: npm run token -- --user <id> --roles <${ROLES.join('|')}>[,…] [--name <name>] [--bu <business unit>]\n`);
    if (unknown.length) process.stderr.write(`unknown role(s): ${unknown.join(', ')}\n`);
    process.exit(2);
  }
  const tokens = new TokenService(loadConfig());
  process.stdout.write(`${tokens.sign({ userId: values.user, name: values.name, roles: roles as Role[], businessUnit: values.bu }, values.expires)}\n`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
