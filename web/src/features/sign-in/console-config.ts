/** The identity provider the console signs in with (src/config/app-config.ts: OIDC_*). */
export interface OpenIdConnectConfig {
  issuer: string;
  clientId: string;
  scope: string;
  /** RFC 8707 resource indicator, sent so the access token is issued for PSM. */
  resource?: string;
}

/** How this installation lets the console sign in (GET /console/config, before anyone has a token). */
export interface ConsoleConfig {
  oidc: OpenIdConnectConfig | null;
  devSignIn: boolean;
}

export async function consoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /console/config: ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
