import { plainToInstance, Transform } from 'class-transformer';
import { readFileSync } from 'node:fs';
import { mergePolicy } from '../domain/policy/merge-policy.js';
import { DEFAULT_POLICY, type Policy } from '../domain/policy/policy.js';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The service's whole configuration, read from the environment once at start-up. */
export class AppConfig {
  @IsIn(['sqlite', 'eventstoredb'])
  EVENT_STORE: 'sqlite' | 'eventstoredb' = 'sqlite';

  @ValidateIf((config: AppConfig) => config.EVENT_STORE === 'eventstoredb')
  @Matches(/^(esdb|kurrentdb)(\+discover)?:\/\/\S+$/, { message: 'must be an esdb:// connection string' })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsIn(['embedded', 'mongodb'])
  READ_STORE: 'embedded' | 'mongodb' = 'embedded';

  @ValidateIf((config: AppConfig) => config.READ_STORE === 'mongodb')
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must be a mongodb:// URI' })
  MONGODB_URI?: string;

  @IsString()
  @IsNotEmpty()
  DATA_DIR = './data';

  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Loopback by default; containers set 0.0.0.0. */
  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** HS256 signing secret; on the embedded default a development secret is kept in DATA_DIR when unset. */
  @ValidateIf((config: AppConfig) => config.JWT_SECRET !== undefined || (config.EVENT_STORE === 'eventstoredb' && !config.JWT_PUBLIC_KEY))
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** RS256 public key (PEM) of the identity provider that issues the tokens, in production. */
  @ValidateIf((config: AppConfig) => config.JWT_PUBLIC_KEY !== undefined)
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must be a PEM public key' })
  JWT_PUBLIC_KEY?: string;

  @IsString()
  @IsNotEmpty()
  JWT_ISSUER = 'psm';

  @IsString()
  @IsNotEmpty()
  JWT_AUDIENCE = 'psm';

  /** A JSON file of policy settings laid over the defaults (thresholds, routing, SLA, chain). */
  @ValidateIf((config: AppConfig) => config.POLICY_FILE !== undefined)
  @IsString()
  @IsNotEmpty()
  POLICY_FILE?: string;

  /** The policy in force: the defaults, with POLICY_FILE laid over them. */
  policy: Policy = DEFAULT_POLICY;

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

function readPolicy(file: string): Policy {
  try {
    return mergePolicy(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new ConfigError(`configuration: POLICY_FILE ${file}: ${(error as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).filter((key) => key !== 'policy');
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => known.includes(key) && value !== ''));
  const config = plainToInstance(AppConfig, given);
  const [first] = validateSync(config, { whitelist: true });
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = first.value === undefined ? 'is not set' : `is "${String(first.value)}"`;
    throw new ConfigError(`configuration: ${first.property} ${shown}: ${reason.replace(`${first.property} `, '')}`);
  }
  // set after validation: whitelisting strips what the environment does not give
  config.policy = config.POLICY_FILE ? readPolicy(config.POLICY_FILE) : DEFAULT_POLICY;
  return config;
}
