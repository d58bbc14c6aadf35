import * as oauth from 'oauth4webapi';
import type { OpenIdConnectConfig } from './console-config';

/** What this tab sent the browser to the provider with: checked, then forgotten, when it comes back. */
interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** Where the user was going when asked to sign in. */
  from: string;
}

const PENDING = 'psm.oidc.pending';
const CALLBACK_PATH = '/sign-in/callback';

/** Why a sign-in that came back was refused: each a sentence on the callback page. */
export type SignInRefusal = 'notStarted' | 'stateMismatch' | 'providerError' | 'tokenRefused';

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly detail?: string,
  ) {
    super(detail ?? reason);
  }
}

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;
const client = (config: OpenIdConnectConfig): oauth.Client => ({ client_id: config.clientId });
/** Plain http only where the server's configuration allowed it: a provider on this machine (OIDC_ISSUER). */
const transport = (config: OpenIdConnectConfig) => ({ [oauth.allowInsecureRequests]: new URL(config.issuer).protocol === 'http:' });

/** The provider's metadata, from its discovery document; its `issuer` must be the configured one. */
async function discover(config: OpenIdConnectConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...transport(config) }));
}

/** Sends the browser to the provider: authorization code with PKCE (S256), a fresh state and nonce kept for this tab. */
export async function startSignIn(config: OpenIdConnectConfig, from: string): Promise<void> {
  const server = await discover(config);
  const pending: PendingSignIn = { codeVerifier: oauth.generateRandomCodeVerifier(), state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), from };
  const authorization = new URL(server.authorization_endpoint!);
  authorization.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: config.scope,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
    ...(config.resource ? { resource: config.resource } : {}),
  }).toString();
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  location.assign(authorization);
}

/**
 * Back at /sign-in/callback: the state must be the one this tab sent, the code is exchanged with its
 * verifier, the ID token's issuer, audience and nonce are checked. Answers the access token and where
 * to go; the pending sign-in is forgotten whatever happens, so a callback is used once.
 */
export async function finishSignIn(config: OpenIdConnectConfig, callback: URL): Promise<{ accessToken: string; from: string }> {
  const stored = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (!stored) throw new SignInRefused('notStarted');
  const pending = JSON.parse(stored) as PendingSignIn;
  const server = await discover(config);
  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(server, client(config), callback, pending.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) throw new SignInRefused('providerError', error.error_description ?? error.error);
    throw new SignInRefused('stateMismatch');
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(server, client(config), oauth.None(), parameters, redirectUri(), pending.codeVerifier, {
      ...transport(config),
      ...(config.resource ? { additionalParameters: { resource: config.resource } } : {}),
    });
    const tokens = await oauth.processAuthorizationCodeResponse(server, client(config), response, { expectedNonce: pending.nonce, requireIdToken: true });
    return { accessToken: tokens.access_token, from: pending.from };
  } catch (error) {
    throw new SignInRefused('tokenRefused', error instanceof Error ? error.message : undefined);
  }
}
