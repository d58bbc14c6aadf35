import { jwtVerify, SignJWT } from 'jose';
import { VerifiedTokens } from '../../src/auth/verified-tokens.js';

const TOLERANCE = 30;
const key = new TextEncoder().encode('a-test-secret-of-at-least-thirty-two-characters');
const actor = { userId: 'am-li', roles: ['ACCOUNT_MANAGER' as const] };

describe('verified tokens', () => {
  it('answers a token it verified for exactly as long as jose would accept it', async () => {
    const exp = 1_800_000_000;
    const token = await new SignJWT({ roles: actor.roles }).setProtectedHeader({ alg: 'HS256' }).setSubject('am-li').setExpirationTime(exp).sign(key);
    const tokens = new VerifiedTokens(TOLERANCE);
    tokens.add(token, actor, exp);
    for (const seconds of [exp - 60, exp, exp + TOLERANCE - 1, exp + TOLERANCE, exp + TOLERANCE + 1]) {
      const now = new Date(seconds * 1000 + 999);
      const joseAccepts = await jwtVerify(token, key, { currentDate: now, clockTolerance: TOLERANCE }).then(() => true, () => false);
      expect([seconds - exp, tokens.get(token, now) !== undefined]).toEqual([seconds - exp, joseAccepts]);
    }
    // once expired it is forgotten: even an earlier clock does not bring it back
    expect(tokens.get(token, new Date((exp - 60) * 1000))).toBeUndefined();
  });

  it('knows no token it was not given', () => {
    expect(new VerifiedTokens(TOLERANCE).get('eyJ.unknown.token')).toBeUndefined();
  });

  it('gives each request its own actor: changing one changes no later answer', () => {
    const tokens = new VerifiedTokens(TOLERANCE);
    tokens.add('t', actor, Math.floor(Date.now() / 1000) + 300);
    const first = tokens.get('t')!;
    first.roles.push('SALES_DIRECTOR');
    first.userId = 'someone-else';
    expect(tokens.get('t')).toEqual(actor);
  });
});
