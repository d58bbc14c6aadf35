import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, PsmApp } from '../support/psm-app.js';

const BOARD = `query($filter: BoardFilterInput) { pipelineBoard(filter: $filter) {
  stage count amount weightedAmount cards { projectId customer ownerId amount { amount } stage daysInStage nextStep dueOn overdue }
} }`;

describe('the pipeline board over GraphQL', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
  });
  afterAll(() => psm.stop());


  it('shows open projects by stage with count, amount and weighted amount, and filters by owner', async () => {
    const quoted = await drive.toQuotation({ yuan: 90_000 });
    const major = await drive.toQuotation({ major: true, yuan: 5_500_000 });
    const drafted = await drive.toDraftedContract();
    await psm.caughtUp();
    const token = psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
    const { data, errors } = await psm.graphql(BOARD, {}, token);
    expect(errors).toBeUndefined();
    const column = (stage: string) => data.pipelineBoard.find((c: { stage: string }) => c.stage === stage);
    expect(column('PSM040_QUOTATION')).toMatchObject({ count: 2, amount: cny(5_590_000).amount, weightedAmount: cny(5_590_000).amount * 0.4 });
    expect(column('PSM040_QUOTATION').cards.map((c: { projectId: string }) => c.projectId)).toEqual([major, quoted]);
    expect(column('PSM070_CONTRACT').cards).toEqual([
      expect.objectContaining({ projectId: drafted, stage: 'PSM070_CONTRACT', daysInStage: 0, overdue: false, nextStep: expect.stringContaining('PSM070') }),
    ]);
    expect(data.pipelineBoard.map((c: { stage: string }) => c.stage)).toEqual([
      'LEAD', 'QUALIFIED', 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT',
    ]);

    const none = await psm.graphql(BOARD, { filter: { ownerId: 'somebody-else' } }, token);
    expect(none.data.pipelineBoard.every((c: { count: number }) => c.count === 0)).toBe(true);
    const majors = await psm.graphql(BOARD, { filter: { projectClass: 'MAJOR' } }, token);
    expect(majors.data.pipelineBoard.flatMap((c: { cards: Array<{ projectId: string }> }) => c.cards.map((card) => card.projectId))).toEqual([major]);
  });

  it('shows the largest cards of each column up to cardsPerColumn, with count and amounts over the whole column', async () => {
    const token = psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
    const quoted = `query($n: Int) { pipelineBoard(cardsPerColumn: $n) { stage count amount cards { projectId amount { amount } } } }`;
    const all = (await psm.graphql(quoted, {}, token)).data.pipelineBoard.find((c: { stage: string }) => c.stage === 'PSM040_QUOTATION');
    expect(all.cards.length).toBe(all.count);
    expect(all.count).toBeGreaterThan(1);
    const { data } = await psm.graphql(quoted, { n: 1 }, token);
    const column = data.pipelineBoard.find((c: { stage: string }) => c.stage === 'PSM040_QUOTATION');
    expect(column).toEqual({ ...all, cards: [all.cards[0]] });
    expect(all.cards[0].amount.amount).toBe(Math.max(...all.cards.map((card: { amount: { amount: number } }) => card.amount.amount)));
    for (const n of [-1, 1001]) {
      const { errors } = await psm.graphql(quoted, { n }, token);
      expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('needs a token', async () => {
    const { errors } = await psm.graphql(BOARD);
    expect(errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
