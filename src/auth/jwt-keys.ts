import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

export interface JwtKeys {
  algorithm: 'HS256' | 'RS256';
  /** What verifies a token: the HS256 secret or the RS256 public key. */
  verificationKey: string;
  /** What signs a development token (HS256 only). */
  signingKey?: string;
}

/** On the embedded default without JWT_SECRET, a random development secret kept beside the data. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

export function jwtKeys(config: AppConfig): JwtKeys {
  if (config.JWT_PUBLIC_KEY) return { algorithm: 'RS256', verificationKey: config.JWT_PUBLIC_KEY };
  const secret = config.JWT_SECRET ?? developmentSecret(config.DATA_DIR);
  return { algorithm: 'HS256', verificationKey: secret, signingKey: secret };
}
