import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { actorFromClaims, type AuthenticatedActor, type TokenClaims } from './actor.js';
import { UnauthenticatedError } from './auth.errors.js';
import { jwtKeys, type JwtKeys } from './jwt-keys.js';

/** Verifies bearer tokens: algorithm pinned, issuer and audience checked, claims turned into an actor. */
@Injectable()
export class TokenService {
  private readonly keys: JwtKeys;
  private readonly jwt = new JwtService();

  constructor(private readonly config: AppConfig) {
    this.keys = jwtKeys(config);
  }

  async verify(authorization: string | undefined): Promise<AuthenticatedActor> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError();
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: this.keys.verificationKey,
        algorithms: [this.keys.algorithm],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
      });
    } catch {
      throw new UnauthenticatedError('the bearer token is invalid or expired');
    }
    const actor = actorFromClaims(claims);
    if (!actor) throw new UnauthenticatedError('the token names no user or roles');
    return actor;
  }

  /** A development token (HS256 only): what `npm run token` prints. */
  sign(actor: AuthenticatedActor, expiresIn = '12h'): string {
    if (!this.keys.signingKey) throw new Error('tokens are issued by the identity provider when JWT_PUBLIC_KEY is set');
    return this.jwt.sign(
      { sub: actor.userId, name: actor.name, roles: actor.roles },
      { secret: this.keys.signingKey, algorithm: 'HS256', issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE, expiresIn: expiresIn as never },
    );
  }
}
