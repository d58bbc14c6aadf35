import { createRemoteJWKSet, importSPKI, type JWTVerifyGetKey } from 'jose';
import { randomBytes, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

type VerificationKey = Awaited<ReturnType<typeof importSPKI>> | JWTVerifyGetKey;

export interface JwtKeys {
  /** The one algorithm a token may use: anything else (`none`, HS512, RS256 against a secret…) is refused. */
  algorithm: 'HS256' | 'RS256';
  /** What verifies a token: the HS256 secret, the RS256 public key, or the identity provider's key set. */
  verificationKey: () => Promise<VerificationKey>;
  /** What signs a development token (HS256 only). */
  signingKey?: string;
  /** Whether the key stays the same while the process runs (a secret or a configured public key, not a fetched key set). */
  fixed: boolean;
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
  if (config.JWT_JWKS_URL) {
    // fetched on first use, cached, refetched when a token names an unknown kid (key rotation)
    const keySet = createRemoteJWKSet(new URL(config.JWT_JWKS_URL), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    return { algorithm: 'RS256', verificationKey: async () => keySet, fixed: false };
  }
  if (config.JWT_PUBLIC_KEY) {
    const publicKey = importSPKI(config.JWT_PUBLIC_KEY, 'RS256');
    return { algorithm: 'RS256', verificationKey: () => publicKey, fixed: true };
  }
  const secret = config.JWT_SECRET ?? developmentSecret(config.DATA_DIR);
  // imported once: jose would import raw secret bytes again for every token
  const key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return { algorithm: 'HS256', verificationKey: () => key, signingKey: secret, fixed: true };
}
