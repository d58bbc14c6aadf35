import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Policy } from '../domain/policy/policy.js';
import { validatePolicy } from '../domain/policy/validate-policy.js';

/** The profiles PSM ships, one per source procedure (shared/procedures): a company starts from one. */
export const PROFILES = ['enterprise-standard', 'equipment-maker'] as const;

/**
 * Document 000 is the PSM010–PSM080 procedure whose steps and codes the service follows, so its
 * profile is the default; a company whose practice is document 003's picks `equipment-maker`.
 */
export const DEFAULT_PROFILE = 'enterprise-standard';

/** The folder holding package.json, whether this runs from src/ (tests) or dist/src/ (built). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no package.json above the policy loader');
    dir = parent;
  }
  return dir;
}

/** A shipped profile by its name, or a policy file by its path; validated whole. */
export function readPolicyFile(profileOrFile: string = DEFAULT_PROFILE): Policy {
  const file = (PROFILES as readonly string[]).includes(profileOrFile) ? join(packageRoot(), 'policies', `${profileOrFile}.json`) : profileOrFile;
  return validatePolicy(JSON.parse(readFileSync(file, 'utf8')));
}
