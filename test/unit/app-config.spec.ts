import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import { DEFAULT_POLICY } from '../../src/domain/policy/policy.js';

describe('configuration', () => {
  it('defaults to the embedded stores under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ EVENT_STORE: 'sqlite', READ_STORE: 'embedded', DATA_DIR: './data', PORT: 3000 });
    expect(config.runsProjectionsInline).toBe(true);
    expect(config.policy).toEqual(DEFAULT_POLICY);
  });

  it('selects the production stores and leaves projections to the projector', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
      READ_STORE: 'mongodb',
      MONGODB_URI: 'mongodb://127.0.0.1:27017/psm?replicaSet=rs0',
      JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----',
      PORT: '8080',
      EVENTSTORE_DEADLINE_MS: '2500',
    });
    expect(config).toMatchObject({ EVENT_STORE: 'eventstoredb', READ_STORE: 'mongodb', PORT: 8080, EVENTSTORE_DEADLINE_MS: 2500 });
    expect(config.runsProjectionsInline).toBe(false);
  });

  it('in production takes the identity provider’s key set instead of a secret', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json' });
    expect(config).toMatchObject({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json' });
    expect(config.JWT_SECRET).toBeUndefined();
  });

  it('lays a policy file over the default policy', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'psm-policy-')), 'policy.json');
    writeFileSync(file, JSON.stringify({ quotationApprovalLevel: 300_000_00 }));
    expect(loadConfig({ POLICY_FILE: file }).policy.quotationApprovalLevel).toBe(300_000_00);
    writeFileSync(file, '{ "quotationApprovalLevel": "many" }');
    expect(() => loadConfig({ POLICY_FILE: file })).toThrow(`configuration: POLICY_FILE ${file}: policy.quotationApprovalLevel must be a number`);
  });

  it.each([
    [{ EVENT_STORE: 'postgres' }, /^configuration: EVENT_STORE is "postgres": /],
    [{ EVENT_STORE: 'eventstoredb' }, /^configuration: EVENTSTORE_CONNECTION_STRING is not set: /],
    [{ READ_STORE: 'mongodb', MONGODB_URI: 'http://x' }, /^configuration: MONGODB_URI is "http:\/\/x": must be a mongodb:\/\/ URI$/],
    [{ PORT: 'eighty' }, /^configuration: PORT is "eighty": /],
    [{ PORT: '70000' }, /^configuration: PORT is "70000": /],
    [{ EVENTSTORE_DEADLINE_MS: '5s' }, /^configuration: EVENTSTORE_DEADLINE_MS is "5s": /],
    [{ EVENTSTORE_DEADLINE_MS: '10' }, /^configuration: EVENTSTORE_DEADLINE_MS is "10": /],
    [{ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113' }, /^configuration: JWT_SECRET is not set: /],
    [{ JWT_SECRET: 'short' }, /^configuration: JWT_SECRET is "short": must be at least 32 characters$/],
    [{ NODE_ENV: 'production' }, /^configuration: JWT_SECRET is not set: /],
    [{ NODE_ENV: 'staging' }, /^configuration: NODE_ENV is "staging": /],
    [{ JWT_JWKS_URL: 'ftp://idp.example.com/keys' }, /^configuration: JWT_JWKS_URL is "ftp:\/\/idp.example.com\/keys": must be an http\(s\):\/\/ URL$/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
