import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';

/** An identity provider the console signs in with. */
const SIGN_IN = { NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example.com/realms/psm', OIDC_CLIENT_ID: 'psm-console', JWT_JWKS_URL: 'https://idp.example.com/realms/psm/certs' };

describe('configuration', () => {
  it('defaults to the embedded stores under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ EVENT_STORE: 'sqlite', READ_STORE: 'embedded', DATA_DIR: './data', PORT: 3000 });
    expect(config.runsProjectionsInline).toBe(true);
    expect(config.policy).toEqual(ENTERPRISE_STANDARD);
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

  it('signs the console in through OIDC_ISSUER, whose tokens are the ones checked (JWT_ISSUER follows it)', () => {
    const config = loadConfig({ ...SIGN_IN, OIDC_RESOURCE: 'urn:psm' });
    expect(config.JWT_ISSUER).toBe(SIGN_IN.OIDC_ISSUER);
    expect(config.openIdConnect).toEqual({ issuer: SIGN_IN.OIDC_ISSUER, clientId: 'psm-console', scope: 'openid profile', resource: 'urn:psm' });
    expect(config.offersDevSignIn).toBe(false);
    expect(loadConfig({ ...SIGN_IN, JWT_ISSUER: SIGN_IN.OIDC_ISSUER }).openIdConnect?.issuer).toBe(SIGN_IN.OIDC_ISSUER);
    const onThisMachine = 'http://127.0.0.1:4000';
    expect(loadConfig({ ...SIGN_IN, OIDC_ISSUER: onThisMachine, JWT_JWKS_URL: `${onThisMachine}/jwks` }).JWT_ISSUER).toBe(onThisMachine);
    expect(loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: SIGN_IN.JWT_JWKS_URL }).openIdConnect).toBeUndefined();
  });

  it('runs the enterprise-standard profile unless POLICY_FILE names another profile or a policy file', () => {
    expect(loadConfig({}).policy).toEqual(ENTERPRISE_STANDARD);
    expect(loadConfig({ POLICY_FILE: 'equipment-maker' }).policy.profile).toBe('equipment-maker');
    const file = join(mkdtempSync(join(tmpdir(), 'psm-policy-')), 'policy.json');
    writeFileSync(file, JSON.stringify({ ...ENTERPRISE_STANDARD, profile: 'our-company', version: 3, quotationApprovalLevel: 300_000_00 }));
    expect(loadConfig({ POLICY_FILE: file }).policy).toMatchObject({ profile: 'our-company', version: 3, quotationApprovalLevel: 300_000_00 });
  });

  it('refuses to start on a policy file that leaves a responsibility unassigned, naming it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'psm-policy-')), 'policy.json');
    writeFileSync(file, JSON.stringify({ ...ENTERPRISE_STANDARD, responsibilities: { ...ENTERPRISE_STANDARD.responsibilities, signContract: [] } }));
    expect(() => loadConfig({ POLICY_FILE: file })).toThrow(`configuration: POLICY_FILE ${file}: policy.responsibilities.signContract is not assigned: give it at least one role`);
    writeFileSync(file, '{ "quotationApprovalLevel": "many" }');
    expect(() => loadConfig({ POLICY_FILE: file })).toThrow(`configuration: POLICY_FILE ${file}: policy.profile is missing`);
    expect(() => loadConfig({ POLICY_FILE: 'no-such-profile' })).toThrow('configuration: POLICY_FILE no-such-profile: ENOENT');
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
    [{ ...SIGN_IN, NODE_ENV: 'development', JWT_JWKS_URL: '' }, /^configuration: JWT_JWKS_URL is not set: is required with OIDC_ISSUER/],
    [{ ...SIGN_IN, OIDC_CLIENT_ID: '' }, /^configuration: OIDC_CLIENT_ID is not set: is required with OIDC_ISSUER$/],
    [{ ...SIGN_IN, OIDC_ISSUER: 'http://idp.example.com/realms/psm' }, /^configuration: OIDC_ISSUER is "http:\/\/idp.example.com\/realms\/psm": must be an https:\/\/ URL \(http:\/\/ only on localhost/],
    [{ ...SIGN_IN, JWT_ISSUER: 'psm' }, /^configuration: OIDC_ISSUER is "https:\/\/idp.example.com\/realms\/psm": must equal JWT_ISSUER/],
    [{ ...SIGN_IN, OIDC_SCOPE: 'profile email' }, /^configuration: OIDC_SCOPE is "profile email": must include openid$/],
    [{ ...SIGN_IN, OIDC_RESOURCE: 'psm' }, /^configuration: OIDC_RESOURCE is "psm": must be an absolute URI without a fragment$/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
