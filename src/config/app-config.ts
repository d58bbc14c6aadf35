import { plainToInstance, Transform } from 'class-transformer';
import type { Policy } from '../domain/policy/policy.js';
import { DEFAULT_PROFILE, readPolicyFile } from './policy-file.js';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;

/** A whole number from the environment: a string of digits becomes a number, anything else stays to be refused. */
const IntegerFromEnv =
  (min: number, max = Number.MAX_SAFE_INTEGER): PropertyDecorator =>
  (target, key) => {
    for (const decorate of [Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value)), IsInt(), Min(min), Max(max)]) decorate(target, key);
  };

/** https, or plain http on this machine only (a test's or the local compose shape's provider): a token must not cross a network in clear. */
const isIssuerUrl = (value: unknown): boolean => {
  try {
    const url = new URL(String(value));
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
};
const IsIssuerUrl = (): PropertyDecorator =>
  ValidateBy({ name: 'isIssuerUrl', validator: { validate: isIssuerUrl, defaultMessage: () => 'must be an https:// URL (http:// only on localhost or 127.0.0.1), without query or fragment' } });

/** RFC 8707: an absolute URI without a fragment (`https://psm.example.com/`, `urn:psm`). */
const IsResourceIndicator = (): PropertyDecorator =>
  ValidateBy({
    name: 'isResourceIndicator',
    validator: { validate: (value) => typeof value === 'string' && URL.canParse(value) && !value.includes('#') && !/\s/.test(value), defaultMessage: () => 'must be an absolute URI without a fragment' },
  });

/** The issuer the console signs in with is the one PSM checks on every token. */
const IsTheCheckedIssuer = (): PropertyDecorator =>
  ValidateBy({
    name: 'isTheCheckedIssuer',
    validator: {
      validate: (value, args) => value === (args?.object as AppConfig).JWT_ISSUER,
      defaultMessage: () => 'must equal JWT_ISSUER, the issuer checked on every token (leave JWT_ISSUER unset: it follows OIDC_ISSUER)',
    },
  });

const listOf = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);

/** The service's whole configuration, read from the environment once at start-up. */
export class AppConfig {
  @IsIn(['sqlite', 'eventstoredb'])
  EVENT_STORE: 'sqlite' | 'eventstoredb' = 'sqlite';

  @ValidateIf((config: AppConfig) => config.EVENT_STORE === 'eventstoredb')
  @Matches(/^(esdb|kurrentdb)(\+discover)?:\/\/\S+$/, { message: 'must be an esdb:// connection string' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** How long a command waits for EventStoreDB to answer a read or an append before UNAVAILABLE. */
  @IntegerFromEnv(100, 600_000)
  EVENTSTORE_DEADLINE_MS = 5000;

  @IsIn(['embedded', 'mongodb'])
  READ_STORE: 'embedded' | 'mongodb' = 'embedded';

  @ValidateIf((config: AppConfig) => config.READ_STORE === 'mongodb')
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must be a mongodb:// URI' })
  MONGODB_URI?: string;

  @IsString()
  @IsNotEmpty()
  DATA_DIR = './data';

  @IntegerFromEnv(0, 65535)
  PORT = 3000;

  /** Loopback by default; containers set 0.0.0.0. */
  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** `production` turns GraphiQL and introspection off and needs a configured token key. */
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /** HS256 signing secret; on the embedded default a development secret is kept in DATA_DIR when unset. */
  @ValidateIf((config: AppConfig) => config.JWT_SECRET !== undefined || (config.isProductionShaped && !config.JWT_PUBLIC_KEY && !config.JWT_JWKS_URL))
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** RS256 public key (PEM) of the identity provider that issues the tokens, in production. */
  @ValidateIf((config: AppConfig) => config.JWT_PUBLIC_KEY !== undefined)
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must be a PEM public key' })
  JWT_PUBLIC_KEY?: string;

  /** The identity provider's JWKS endpoint: RS256 keys fetched, cached and rotated by their `kid`. */
  @ValidateIf((config: AppConfig) => config.JWT_JWKS_URL !== undefined || (config.OIDC_ISSUER !== undefined && !config.JWT_PUBLIC_KEY))
  @IsDefined({ message: "is required with OIDC_ISSUER (the provider's jwks_uri), unless JWT_PUBLIC_KEY is set" })
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }, { message: 'must be an http(s):// URL' })
  JWT_JWKS_URL?: string;

  @IsString()
  @IsNotEmpty()
  JWT_ISSUER = 'psm';

  @IsString()
  @IsNotEmpty()
  JWT_AUDIENCE = 'psm';

  /**
   * The OpenID Connect provider the console signs in with (authorization code + PKCE): the issuer of
   * the tokens PSM checks, so JWT_ISSUER follows it; its keys come from JWT_JWKS_URL or JWT_PUBLIC_KEY.
   */
  @ValidateIf((config: AppConfig) => config.OIDC_ISSUER !== undefined)
  @IsIssuerUrl()
  @IsTheCheckedIssuer()
  OIDC_ISSUER?: string;

  /** The console's client at the provider: a public client (no secret), redirect URI `<PSM>/sign-in/callback`. */
  @ValidateIf((config: AppConfig) => config.OIDC_ISSUER !== undefined || config.OIDC_CLIENT_ID !== undefined)
  @IsDefined({ message: 'is required with OIDC_ISSUER' })
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'must be 1–200 printable ASCII characters' })
  OIDC_CLIENT_ID?: string;

  /** Scopes the console asks for; `openid` must be among them. */
  @Matches(/^([\x21\x23-\x5b\x5d-\x7e]+ )*[\x21\x23-\x5b\x5d-\x7e]+$/, { message: 'must be space-separated scope names' })
  @Matches(/(^| )openid( |$)/, { message: 'must include openid' })
  OIDC_SCOPE = 'openid profile';

  /** RFC 8707 resource indicator sent with the sign-in, for providers that choose the access token's audience by it; unset for those that map PSM's audience themselves (Keycloak's audience mapper). */
  @ValidateIf((config: AppConfig) => config.OIDC_RESOURCE !== undefined)
  @IsResourceIndicator()
  OIDC_RESOURCE?: string;

  /** Deepest selection nesting a GraphQL document may have; GraphiQL’s own introspection query needs 15. */
  @IntegerFromEnv(2)
  GRAPHQL_MAX_DEPTH = 15;

  /** Most fields one GraphQL request may select, fragments expanded. */
  @IntegerFromEnv(10)
  GRAPHQL_MAX_COMPLEXITY = 1000;

  /** Most a GraphQL request may cost: the work behind its fields (replays, reports) and the items its lists answer (see graphql/field-costs.ts). */
  @IntegerFromEnv(100)
  GRAPHQL_MAX_COST = 50_000;

  /** A request whose fields' own work (replays, reports; not the size of its lists) costs this much is expensive. */
  @IntegerFromEnv(1)
  GRAPHQL_EXPENSIVE_COST = 1_000;

  /** Expensive requests one user may have running at once; one more is refused at once. */
  @IntegerFromEnv(1)
  GRAPHQL_MAX_EXPENSIVE_PER_USER = 2;

  /** Requests replaying the whole log (reports or the board as of a past instant) running at once, all users together. */
  @IntegerFromEnv(1)
  GRAPHQL_MAX_REPLAYS = 4;

  /** Largest answer to a GraphQL request, in bytes of JSON; a larger one is replaced by an error. */
  @IntegerFromEnv(1024)
  GRAPHQL_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

  /** Largest GraphQL document (the query text, without variables), in bytes. */
  @IntegerFromEnv(256)
  GRAPHQL_MAX_DOCUMENT_BYTES = 16_384;

  /** Commands one request may carry: aliases do not multiply commands past the rate limit. */
  @IntegerFromEnv(1)
  GRAPHQL_MAX_MUTATIONS = 1;

  /** Subscriptions one WebSocket may hold at once. */
  @IntegerFromEnv(1)
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET = 10;

  /** WebSockets one user (by token `sub`) may hold open at once. */
  @IntegerFromEnv(1)
  GRAPHQL_MAX_SOCKETS_PER_USER = 5;

  /** Time a new WebSocket has to send its connection_init; one that does not is closed (4408): graphql-ws clients send it at once. */
  @IntegerFromEnv(100)
  GRAPHQL_SOCKET_INIT_TIMEOUT_MS = 10_000;

  /** Most fields one subscription may select, fragments expanded: each is computed again for every card pushed. */
  @IntegerFromEnv(10)
  GRAPHQL_MAX_SUBSCRIPTION_FIELDS = 100;

  /** Largest request body (document and variables), in bytes. */
  @IntegerFromEnv(1024)
  HTTP_BODY_LIMIT_BYTES = 262_144;

  /** Time a client has to send a whole request, headers and body; a slower one is disconnected. */
  @IntegerFromEnv(100)
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** Time a connection may stay silent, between requests (keep-alive) or while sending one, before it is closed. */
  @IntegerFromEnv(100)
  HTTP_IDLE_TIMEOUT_MS = 72_000;

  /** Browser origins allowed to call the API, comma-separated (`https://psm.example.com`); none when empty. */
  @IsString()
  CORS_ORIGINS = '';

  /** Addresses of the reverse proxies whose X-Forwarded-For names the client (comma-separated IPs or CIDRs); none when empty. */
  @IsString()
  TRUST_PROXY = '';

  /** Requests one user (by token; anonymous callers by IP) may send per window. */
  @IntegerFromEnv(1)
  RATE_LIMIT_MAX = 600;

  @IntegerFromEnv(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** The policy profile: a shipped one by name (enterprise-standard, the default, or equipment-maker), or a policy file's path. */
  @ValidateIf((config: AppConfig) => config.POLICY_FILE !== undefined)
  @IsString()
  @IsNotEmpty()
  POLICY_FILE?: string;

  /** The policy in force: POLICY_FILE's profile, validated whole at start. */
  policy!: Policy;

  /** Production shape: tokens need a configured key, never the development secret. */
  get isProductionShaped(): boolean {
    return this.NODE_ENV === 'production' || this.EVENT_STORE === 'eventstoredb';
  }

  /** GraphiQL and introspection: for development, never in production. */
  get servesGraphiQL(): boolean {
    return this.NODE_ENV !== 'production';
  }

  /** The console's 开发登录: tokens signed over HTTP with the development secret, on the embedded default only. */
  get offersDevSignIn(): boolean {
    return !this.isProductionShaped && !this.JWT_SECRET && !this.JWT_PUBLIC_KEY && !this.JWT_JWKS_URL;
  }

  /** What the console needs to sign in through the identity provider, when one is configured. */
  get openIdConnect(): { issuer: string; clientId: string; scope: string; resource?: string } | undefined {
    if (!this.OIDC_ISSUER || !this.OIDC_CLIENT_ID) return undefined;
    return { issuer: this.OIDC_ISSUER, clientId: this.OIDC_CLIENT_ID, scope: this.OIDC_SCOPE, ...(this.OIDC_RESOURCE ? { resource: this.OIDC_RESOURCE } : {}) };
  }

  get corsOrigins(): string[] {
    return listOf(this.CORS_ORIGINS);
  }

  get trustedProxies(): string[] {
    return listOf(this.TRUST_PROXY);
  }

  /** The embedded read store lives in this process's memory, so its projections must run here too. */
  get runsProjectionsInline(): boolean {
    return this.READ_STORE === 'embedded';
  }
}

/** A missing or malformed variable: stops start-up with one line naming it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function readPolicy(profileOrFile: string): Policy {
  try {
    return readPolicyFile(profileOrFile);
  } catch (error) {
    throw new ConfigError(`configuration: POLICY_FILE ${profileOrFile}: ${(error as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).filter((key) => key !== 'policy');
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => known.includes(key) && value !== ''));
  // one issuer, named once: the provider the console signs in with issues the tokens PSM checks
  if (given.OIDC_ISSUER && !given.JWT_ISSUER) given.JWT_ISSUER = given.OIDC_ISSUER;
  const config = plainToInstance(AppConfig, given);
  const [first] = validateSync(config, { whitelist: true });
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = first.value === undefined ? 'is not set' : `is "${String(first.value)}"`;
    throw new ConfigError(`configuration: ${first.property} ${shown}: ${reason.replace(`${first.property} `, '')}`);
  }
  // set after validation: whitelisting strips what the environment does not give
  config.policy = readPolicy(config.POLICY_FILE ?? DEFAULT_PROFILE);
  return config;
}
