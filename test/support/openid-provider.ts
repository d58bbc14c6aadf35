import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Account } from 'oidc-provider';

/** Whom the provider signs in (any password): the claims PSM's token mapping reads (src/auth/actor.ts). */
export const TEST_PERSON = { sub: 'am-oidc', name: '林晓', roles: ['ACCOUNT_MANAGER'], bu: 'BU-EAST' } as const;

export interface OpenIdProviderOptions {
  /** The console's redirect URI: `<PSM>/sign-in/callback`. */
  redirectUri: string;
  clientId: string;
  /** The resource indicator the console sends (OIDC_RESOURCE). */
  resource: string;
  /** PSM's JWT_AUDIENCE: the access tokens' `aud`. */
  audience: string;
}

/**
 * A real OpenID provider (oidc-provider 8) on 127.0.0.1: a generated RSA key, one public client that must
 * use PKCE, its development login and consent pages, and RS256 JWT access tokens for PSM carrying the
 * person's name, roles and business unit.
 */
export class OpenIdProvider {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  /** Where PSM fetches the keys (JWT_JWKS_URL). */
  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** Listens first, so PSM can be configured with the issuer before the client (PSM's callback) is known. */
  static async listen(): Promise<OpenIdProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new OpenIdProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  /** Starts answering as the provider of this one client. */
  serve(options: OpenIdProviderOptions): void {
    const issuer = this.issuer;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const account = (id: string): Account | undefined =>
      id === TEST_PERSON.sub ? { accountId: id, claims: () => ({ sub: id, name: TEST_PERSON.name }) } : undefined;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: options.clientId,
          token_endpoint_auth_method: 'none',
          redirect_uris: [options.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      claims: { openid: ['sub'], profile: ['name'] },
      // short lives, named so the provider does not warn about its defaults
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
      pkce: { required: () => true, methods: ['S256'] },
      findAccount: (_ctx: unknown, id: string) => account(id),
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => {
            if (resource !== options.resource) throw new errors.InvalidTarget();
            return { scope: 'psm', audience: options.audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
          },
        },
      },
      // what PSM maps to an actor, in the access token itself
      extraTokenClaims: (_ctx: unknown, token: { kind: string; accountId?: string }) =>
        token.kind === 'AccessToken' && token.accountId === TEST_PERSON.sub ? { name: TEST_PERSON.name, roles: TEST_PERSON.roles, bu: TEST_PERSON.bu } : undefined,
    });
    this.server.on('request', provider.callback());
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
