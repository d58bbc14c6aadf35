import { readFileSync } from 'node:fs';
import { ROLES } from '../../src/domain/project/vocabulary.js';

interface Mapper { protocolMapper: string; config: Record<string, string> }
const realm = JSON.parse(readFileSync('deploy/keycloak/psm-realm.json', 'utf8')) as {
  realm: string;
  roles: { realm: Array<{ name: string }> };
  clients: Array<{ clientId: string; publicClient: boolean; implicitFlowEnabled: boolean; directAccessGrantsEnabled: boolean; redirectUris: string[]; attributes: Record<string, string>; protocolMappers: Mapper[] }>;
  users: Array<{ credentials: Array<{ value: string }>; realmRoles: string[] }>;
};
const compose = readFileSync('docker-compose.yml', 'utf8');

/** The compose shape's identity provider (deploy/keycloak) issues what PSM's token check and claims mapping need (src/auth/). */
describe('the Keycloak realm of docker-compose.yml', () => {
  const client = realm.clients.find((c) => c.clientId === /OIDC_CLIENT_ID: (\S+)/.exec(compose)?.[1])!;
  const mapper = (kind: string) => client.protocolMappers.find((m) => m.protocolMapper === kind)?.config;

  it('defines PSM’s roles and the console’s public client: code flow with PKCE S256 only, back to /sign-in/callback', () => {
    expect(realm.roles.realm.map((role) => role.name).sort()).toEqual([...ROLES].sort());
    expect(client).toMatchObject({ publicClient: true, implicitFlowEnabled: false, directAccessGrantsEnabled: false, redirectUris: ['${PSM_PUBLIC_URL}/sign-in/callback'] });
    expect(client.attributes['pkce.code.challenge.method']).toBe('S256');
  });

  it('puts PSM’s audience, the roles, the name and the business unit into the access token', () => {
    expect(mapper('oidc-audience-mapper')).toMatchObject({ 'included.custom.audience': /JWT_AUDIENCE: (\S+)/.exec(compose)?.[1], 'access.token.claim': 'true' });
    expect(mapper('oidc-usermodel-realm-role-mapper')).toMatchObject({ 'claim.name': 'roles', multivalued: 'true', 'access.token.claim': 'true' });
    expect(mapper('oidc-full-name-mapper')).toMatchObject({ 'access.token.claim': 'true' });
    expect(mapper('oidc-usermodel-attribute-mapper')).toMatchObject({ 'user.attribute': 'bu', 'claim.name': 'bu', 'access.token.claim': 'true' });
    expect(compose).toContain(`OIDC_ISSUER: http://localhost:8080/realms/${realm.realm}`);
  });

  it('commits no password: the demo users’ comes from the environment', () => {
    for (const user of realm.users) {
      expect(user.credentials.map((credential) => credential.value)).toEqual(['${PSM_DEMO_PASSWORD}']);
      for (const role of user.realmRoles) expect(ROLES).toContain(role);
    }
  });
});
