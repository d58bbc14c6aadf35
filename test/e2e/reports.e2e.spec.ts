import { ProcedureDriver } from '../support/procedure-driver.js';
import { PsmApp } from '../support/psm-app.js';

describe('reports over HTTP', () => {
  let psm: PsmApp;
  let month: string;
  let quarter: string;
  beforeAll(async () => {
    psm = await PsmApp.start();
    const drive = new ProcedureDriver(psm);
    // the first quotation is approved; the major one still waits for its approvers, so it is not counted yet
    await drive.approveQuotation(await drive.toQuotation(), 90_000, ['tm-he', 'TECH_MANAGER']);
    await drive.toQuotation({ major: true, yuan: 6_000_000 });
    const now = new Date(Date.now() + 8 * 3600_000);
    month = now.toISOString().slice(0, 7);
    quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    await psm.caughtUp();
  });
  afterAll(() => psm.stop());

  const get = (path: string, token?: string) => fetch(`${psm.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('monthlyStatistics counts this month’s work, overall and by region; a quotation once approved', async () => {
    const { data, errors } = await psm.graphql(`query($month: String!) { monthlyStatistics(month: $month, groupBy: REGION) {
      month rows { value leads approvals approvalsByClass { key count } solutionsSubmitted firstPassRate quotations quotationAmount } } }`, { month }, psm.tokenFor('dir', 'SALES_DIRECTOR'));
    expect(errors).toBeUndefined();
    expect(data.monthlyStatistics.rows).toEqual([{
      value: 'EAST', leads: 2, approvals: 2, approvalsByClass: [{ key: 'GENERAL', count: 1 }, { key: 'MAJOR', count: 1 }],
      solutionsSubmitted: 2, firstPassRate: 1, quotations: 1, quotationAmount: 90_000 * 100,
    }]);
  });

  it('quarterlyAnalysis compares with the previous quarter and the same quarter last year', async () => {
    const { data } = await psm.graphql(`query($q: String!) { quarterlyAnalysis(quarter: $q) {
      totals { leads } againstPreviousQuarter { figure current other change changeRate } sameQuarterLastYear } }`, { q: quarter }, psm.tokenFor('dir', 'SALES_DIRECTOR'));
    expect(data.quarterlyAnalysis.totals.leads).toBe(2);
    expect(data.quarterlyAnalysis.againstPreviousQuarter).toContainEqual({ figure: 'leads', current: 2, other: 0, change: 2, changeRate: null });
  });

  it('asOf answers what the reports said at an instant, from the log', async () => {
    const token = psm.tokenFor('dir', 'SALES_DIRECTOR');
    const query = 'query($month: String!, $asOf: DateTime) { monthlyStatistics(month: $month, asOf: $asOf) { rows { value leads quotations } } }';
    const live = await psm.graphql(query, { month }, token);
    const now = await psm.graphql(query, { month, asOf: new Date().toISOString() }, token);
    const before = await psm.graphql(query, { month, asOf: '2020-01-01T00:00:00Z' }, token);
    expect(now.data).toEqual(live.data);
    expect(before.data.monthlyStatistics.rows).toEqual([]);
    const winLoss = await psm.graphql('query($m: String!) { winLossAnalysis(from: $m, to: $m, asOf: "2020-01-01T00:00:00Z") { key } }', { m: month }, token);
    expect(winLoss.data.winLossAnalysis).toEqual([]);
  });

  it('refuses a malformed month', async () => {
    const { errors } = await psm.graphql('{ monthlyStatistics(month: "2026-13") { month } }', {}, psm.tokenFor('dir', 'SALES_DIRECTOR'));
    expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('serves the monthly report as CSV with a BOM and Chinese headers', async () => {
    const response = await get(`/reports/monthly.csv?month=${month}`, psm.tokenFor('dir', 'SALES_DIRECTOR'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = new TextDecoder().decode(bytes.slice(3)).trim().split('\n');
    expect(header).toContain('信息登记 leads');
    expect(row.split(',').slice(0, 2)).toEqual(['*', '2']);
  });

  it('serves the quarterly report as CSV, and refuses without a token or with a bad quarter', async () => {
    expect((await get(`/reports/quarterly.csv?quarter=${quarter}`, psm.tokenFor('dir', 'SALES_DIRECTOR'))).status).toBe(200);
    const anonymous = await get(`/reports/quarterly.csv?quarter=${quarter}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await get('/reports/quarterly.csv?quarter=2026-Q5', psm.tokenFor('dir', 'SALES_DIRECTOR'))).status).toBe(400);
  });

  it('serves either CSV as of an instant, as the GraphQL report said then, and refuses an asOf that is no instant', async () => {
    const token = psm.tokenFor('dir', 'SALES_DIRECTOR');
    const rowsOf = async (path: string) => (await (await get(path, token)).text()).trim().split('\n').slice(1);
    const leadsAt = async (asOf: string) => (await psm.graphql('query($m: String!, $a: DateTime) { monthlyStatistics(month: $m, asOf: $a) { rows { leads } } }', { m: month, a: asOf }, token)).data.monthlyStatistics.rows;
    const now = new Date().toISOString();
    expect((await rowsOf(`/reports/monthly.csv?month=${month}&asOf=${now}`)).map((row) => Number(row.split(',')[1]))).toEqual((await leadsAt(now)).map((row: { leads: number }) => row.leads));
    expect(await rowsOf(`/reports/monthly.csv?month=${month}&asOf=${now}`)).toEqual(await rowsOf(`/reports/monthly.csv?month=${month}`));
    expect(await leadsAt('2020-01-01T00:00:00Z')).toEqual([]);
    expect(await rowsOf(`/reports/monthly.csv?month=${month}&asOf=2020-01-01T00:00:00Z`)).toEqual([]);
    expect(await rowsOf(`/reports/quarterly.csv?quarter=${quarter}&asOf=2020-01-01T00:00:00Z`)).toEqual([]);
    for (const asOf of ['yesterday', '2026-02-30T00:00:00Z', '1700000000']) {
      const refused = await get(`/reports/monthly.csv?month=${month}&asOf=${asOf}`, token);
      expect([asOf, refused.status, ((await refused.json()) as { message: string }).message]).toEqual([asOf, 400, expect.stringMatching(/asOf is an ISO 8601 instant/)]);
    }
  });
});
