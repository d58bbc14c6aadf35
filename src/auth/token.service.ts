import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { jwtVerify } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { actorFromClaims, type AuthenticatedActor, type TokenClaims } from './actor.js';
import { UnauthenticatedError } from './auth.errors.js';
import { jwtKeys, type JwtKeys } from './jwt-keys.js';
import { VerifiedTokens } from './verified-tokens.js';
import { malformedClaim } from './well-formed-claims.js';

/** Clocks of the identity provider and of this service may differ by this much. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Verifies bearer tokens: algorithm pinned, expiry, issuer and audience required and checked, claims turned into an actor. */
@Injectable()
export class TokenService {
  private readonly keys: JwtKeys;
  private readonly jwt = new JwtService();
  /** Only with a fixed key: a key set fetched from the identity provider may revoke a key at any time. */
  private readonly verified?: VerifiedTokens;

  constructor(private readonly config: AppConfig) {
    this.keys = jwtKeys(config);
    if (this.keys.fixed) this.verified = new VerifiedTokens(CLOCK_TOLERANCE_SECONDS);
  }

  async verify(authorization: string | undefined): Promise<AuthenticatedActor> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError();
    const known = this.verified?.get(token);
    if (known) return known;
    let claims: TokenClaims & { exp?: number };
    try {
      const key = await this.keys.verificationKey();
      ({ payload: claims } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        algorithms: [this.keys.algorithm],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch {
      throw new UnauthenticatedError('the bearer token is invalid or expired');
    }
    const malformed = malformedClaim(claims);
    if (malformed) throw new UnauthenticatedError(`the token's ${malformed} claim is malformed`);
    const actor = actorFromClaims(claims);
    if (!actor) throw new UnauthenticatedError('the token names no user or roles');
    this.verified?.add(token, actor, claims.exp!);
    return actor;
  }

  /** A development token (HS256 only): what `npm run token` prints. */
  sign(actor: AuthenticatedActor, expiresIn = '12h'): string {
    if (!this.keys.signingKey) throw new Error('tokens are issued by the identity provider when JWT_PUBLIC_KEY or JWT_JWKS_URL is set');
    return this.jwt.sign(
      { sub: actor.userId, name: actor.name, roles: actor.roles, ...(actor.businessUnit ? { bu: actor.businessUnit } : {}) },
      { secret: this.keys.signingKey, algorithm: 'HS256', issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE, expiresIn: expiresIn as never },
    );
  }
}
