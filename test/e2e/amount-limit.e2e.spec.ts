import { randomUUID } from 'node:crypto';
import { MAX_AMOUNT_FEN } from '../../src/domain/policy/amount-limit.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';
import { storeAlteredCopy } from '../support/stored-before-a-rule.js';

const BOARD = '{ pipelineBoard { stage count amount weightedAmount } }';
const lead = (amount: number) => ({
  title: '焊接线', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding line', channel: 'WEB',
  estimatedAmount: { amount, currency: 'CNY' }, region: 'EAST', productLine: 'PRODUCTION_LINE',
});

/** Review finding 6: an amount of 2^53−1 fen was taken, and its column's sum then broke the unit's whole board. */
describe('amounts are bounded where they are added up (1,000,000,000 CNY each)', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start()));
  afterAll(() => psm.stop());

  const leadColumn = async () => {
    const { data, errors } = await psm.graphql(BOARD, {}, psm.tokenFor('sup-zhao', 'SALES_SUPERVISOR'));
    expect(errors).toBeUndefined();
    return data.pipelineBoard.find((column: { stage: string }) => column.stage === 'LEAD');
  };

  it('refuses the probe’s lead of 9,007,199,254,740,991 fen, naming the maximum, and the board still answers its amount', async () => {
    const before = await psm.logHead();
    const { errors } = await psm.as('am-a2', 'ACCOUNT_MANAGER').do('registerLead', lead(Number.MAX_SAFE_INTEGER));
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(errors?.[0].extensions.details)).toContain(`estimatedAmount.amount must be at most ${MAX_AMOUNT_FEN} fen`);
    expect(await psm.logHead()).toBe(before);
    await psm.caughtUp();
    expect(await leadColumn()).toMatchObject({ amount: expect.any(Number) });
  });

  it('takes an amount of exactly the maximum and refuses one fen more, in every money input', async () => {
    const am = psm.as('am-li', 'ACCOUNT_MANAGER');
    expect((await am.do('registerLead', lead(MAX_AMOUNT_FEN))).errors).toBeUndefined();
    expect((await am.do('registerLead', lead(MAX_AMOUNT_FEN + 1))).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const projectId = await new ProcedureDriver(psm).toQuotation();
    const before = await psm.logHead();
    const quotation = await am.do('submitQuotation', { projectId, amount: cny(1_000_000_000.01), document: docOf('quotation v2') });
    expect(quotation.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(quotation.errors?.[0].extensions.details)).toContain('amount.amount must be at most');
    expect(await psm.logHead()).toBe(before);
  });

  it('a board whose column holds amounts stored before the maximum still answers, its sum held at the largest safe integer', async () => {
    const projectId = randomUUID();
    expect((await psm.as('am-li', 'ACCOUNT_MANAGER').do('registerLead', { ...lead(100), projectId })).errors).toBeUndefined();
    const events = psm.app.get<EventStore>(EVENT_STORE);
    const huge = (event: Parameters<Parameters<typeof storeAlteredCopy>[2]>[0]) => ({ ...event, data: { ...event.data, estimatedAmount: { amount: Number.MAX_SAFE_INTEGER, currency: 'CNY' } } });
    await storeAlteredCopy(events, projectId, huge);
    await storeAlteredCopy(events, projectId, huge);
    await psm.caughtUp();
    const column = await leadColumn();
    expect(column.amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(Number.isSafeInteger(column.weightedAmount)).toBe(true);
    const cards = await psm.graphql('{ pipelineBoard { cards { amount { amount } } } }', {}, psm.tokenFor('sup-zhao', 'SALES_SUPERVISOR'));
    expect(cards.errors).toBeUndefined();
  });
});
