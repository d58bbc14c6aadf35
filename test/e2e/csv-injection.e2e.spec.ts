import { randomUUID } from 'node:crypto';
import { cny, PsmApp } from '../support/psm-app.js';

/** OWASP "CSV Injection": a spreadsheet runs a cell starting with =, +, -, @, tab or carriage return, also after spaces or quotes. */
const PAYLOADS = [
  "=cmd|' /C calc'!A0", '+HYPERLINK("http://x")', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1', '\r=1+1', '  =1+1', '"=1+1', "'=1+1", ' "@SUM(A1)', '＝1+1',
];

const ownerOf = (payload: string) => (/[\t\r]/.test(payload) ? 'am-plain' : payload);
const expectedCells = (values: string[]) => [...new Set(values)].map((value) => (value === 'am-plain' ? value : `'${value}`)).sort();

/** The records of an RFC 4180 text: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [[]];
  const field = /"((?:[^"]|"")*)"|([^,\r\n]*)/y;
  for (let at = 0; at <= text.length; ) {
    field.lastIndex = at;
    const [whole, quoted, plain] = field.exec(text)!;
    records.at(-1)!.push(quoted === undefined ? plain : quoted.replaceAll('""', '"'));
    at += whole.length;
    if (text[at] === ',') at += 1;
    else if (text.startsWith('\r\n', at) || text[at] === '\n') (at += text[at] === '\n' ? 1 : 2), at < text.length && records.push([]);
    else break;
  }
  return records;
}

/** Review findings 8 and 16: region, product line and the owner's id reached the CSV as live formulas. */
describe('the CSV reports neutralise every text cell, and numbers stay numbers', () => {
  let psm: PsmApp;
  let month: string;
  beforeAll(async () => {
    psm = await PsmApp.start();
    for (const [i, payload] of PAYLOADS.entries()) {
      // a token's sub may hold no tab or carriage return: those owners are an ordinary id
      const { errors } = await psm.as(ownerOf(payload), 'ACCOUNT_MANAGER').do('registerLead', {
        projectId: randomUUID(), title: `lead ${i}`, customer: 'c', contact: { name: 'n' }, need: 'n', channel: 'WEB',
        estimatedAmount: cny(1_000), region: payload, productLine: payload,
      });
      expect(errors).toBeUndefined();
    }
    month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    await psm.caughtUp();
  });
  afterAll(() => psm.stop());

  const csv = async (path: string) => {
    const response = await fetch(`${psm.url}${path}`, { headers: { authorization: `Bearer ${psm.tokenFor('dir', 'SALES_DIRECTOR')}` } });
    expect(response.status).toBe(200);
    return (await response.text()).replace(/^\uFEFF/, '');
  };

  it.each(['region', 'productLine', 'owner'])('groupBy=%s: each value gets a leading single quote and is quoted; its counts stay bare numbers', async (groupBy) => {
    const text = await csv(`/reports/monthly.csv?month=${month}&groupBy=${groupBy}`);
    const [, ...rows] = parseCsv(text);
    expect(rows.map((row) => row[0]).sort()).toEqual(expectedCells(groupBy === 'owner' ? PAYLOADS.map(ownerOf) : PAYLOADS));
    for (const row of rows) expect(row[1]).toMatch(/^[12]$/);
    expect(text).toContain(`"'=cmd|' /C calc'!A0",1,`);
    expect(text).toContain(`"'+HYPERLINK(""http://x"")",1,`);
  });

  it('the quarterly report too; a value that starts no formula is left as it was', async () => {
    const quarter = `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
    const [, ...rows] = parseCsv(await csv(`/reports/quarterly.csv?quarter=${quarter}&groupBy=region`));
    expect(rows.map((row) => row[0]).sort()).toEqual(expectedCells(PAYLOADS));
    const [, all] = parseCsv(await csv(`/reports/monthly.csv?month=${month}`));
    expect(all.slice(0, 3)).toEqual(['*', String(PAYLOADS.length), `WEB:${PAYLOADS.length}`]);
  });
});
