import { SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { cny, PsmApp } from '../support/psm-app.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const PROBE_NAME = 'Li\u001b]0;PWNED-TITLE\u0007\u001b[2J\u001b[31mFAKE-ROW';

const token = (claims: JWTPayload) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('psm').setAudience('psm').setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));

/** Review findings 8 and 12: claims skipped the text rules, and a malformed `bu` read as "no unit". */
describe('the claims a token names its holder by', () => {
  let psm: PsmApp;
  beforeAll(async () => {
    psm = await PsmApp.start({ JWT_SECRET: SECRET });
    // a project without a unit: what a supervisor whose bu read as "no unit" saw
    const { errors } = await psm.graphql('mutation($input: RegisterLeadInput!) { registerLead(input: $input) { stage } }', {
      input: {
        commandId: randomUUID(), title: '码垛机器人', customer: '无锡食品', contact: { name: '王经理' }, need: 'palletizing', channel: 'WEB',
        estimatedAmount: cny(300_000), region: 'EAST', productLine: 'ROBOT_CELL',
      },
    }, await token({ sub: 'am-li', roles: ['ACCOUNT_MANAGER'] }));
    expect(errors).toBeUndefined();
    await psm.caughtUp();
  });
  afterAll(() => psm.stop());

  const totalSeenBy = async (claims: JWTPayload) => {
    const { data, errors } = await psm.graphql('{ projects { total } }', {}, await token({ roles: ['SALES_SUPERVISOR'], ...claims }));
    return errors ? errors[0].extensions.code : data.projects.total;
  };

  it.each([
    ['a name with terminal escapes (the probe’s)', { sub: 'am-li', name: PROBE_NAME }],
    ['a sub with a terminal escape', { sub: 'am-\u001b[8mhidden' }],
    ['a name with a right-to-left override', { sub: 'am-li', name: 'Li\u202Eoahz' }],
    ['a sub with a zero-width space', { sub: 'am-\u200Bli' }],
    ['a sub with a line break', { sub: 'am-li\nsup-zhao' }],
    ['a bu with a bidi isolate', { sub: 'sup-a', bu: 'A\u2066' }],
    ['a name that is no text', { sub: 'am-li', name: { first: 'Li' } }],
  ])('refuses %s → UNAUTHENTICATED, appending nothing', async (_, claims) => {
    const before = await psm.logHead();
    const { errors } = await psm.graphql('mutation($input: RegisterLeadInput!) { registerLead(input: $input) { stage } }', {
      input: {
        commandId: randomUUID(), title: 't', customer: 'c', contact: { name: 'n' }, need: 'n', channel: 'WEB',
        estimatedAmount: cny(1), region: 'EAST', productLine: 'ROBOT_CELL',
      },
    }, await token({ roles: ['ACCOUNT_MANAGER'], ...claims }));
    expect(errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await psm.logHead()).toBe(before);
  });

  it.each([
    ['an object', { $ne: null }],
    ['an array', ['A', 'B']],
    ['empty', ''],
    ['blank', '  '],
    ['a number', 7],
    ['null', null],
  ])('refuses a bu claim that is %s rather than reading it as "no unit"', async (_, bu) => {
    expect(await totalSeenBy({ sub: 'sup-a', bu })).toBe('UNAUTHENTICATED');
  });

  it('accepts well-formed claims: a Chinese name, a joined emoji, a unit; without bu, the one unit', async () => {
    expect(await totalSeenBy({ sub: 'sup-a', name: '赵主管 👩\u200D💼' })).toBe(1);
    expect(await totalSeenBy({ sub: 'sup-a', name: '赵主管', bu: 'A' })).toBe(0);
  });
});
