import fc from 'fast-check';

/** One well-formed request that asks for a lot: many aliases of a costly field, pages at their largest, past instants. */
export interface CostlyRequest {
  body: string;
  description: string;
}

/** Fields whose work or answer grows: replays of the log, reports, pages of up to 1,000 items, nested lists. */
const COSTLY_FIELDS = [
  'pipelineBoard(asOf:$a){count}',
  'pipelineBoard(cardsPerColumn:1000){stage cards{projectId title customer amount{amount}}}',
  'monthlyStatistics(month:"2026-01",asOf:$a){month rows{leads leadsByChannel{key count}}}',
  'quarterlyAnalysis(quarter:"2026-Q1",asOf:$a){quarter againstPreviousQuarter{figure change}}',
  'winLossAnalysis(from:"2025-01",to:"2026-12",asOf:$a){key lossReasons{key count}}',
  'projectHistory(projectId:$id,limit:1000){entries{revision payload actor{userId roles}}}',
  'projects(page:{limit:100}){total items{projectId title customer}}',
  'project(id:$id,asOf:$a){stage}',
  'myWork{kind}',
];

/** Up to 450 aliases of one to three costly fields, as one query: the review's fan-outs and their neighbours. */
export function costlyRequests(target: { projectId: string }): fc.Arbitrary<CostlyRequest> {
  return fc
    .tuple(fc.subarray(COSTLY_FIELDS, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 450 }), fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }))
    .map(([fields, aliases, asOf]) => {
      const selection = Array.from({ length: aliases }, (_, i) => `a${i}:${fields[i % fields.length]}`).join(' ');
      const declared = [selection.includes('$a') ? '$a:DateTime' : '', selection.includes('$id') ? '$id:ID!' : ''].filter(Boolean).join(',');
      const query = `query${declared ? `(${declared})` : ''}{${selection}}`;
      const body = JSON.stringify({ query, variables: { ...(selection.includes('$a') ? { a: asOf.toISOString() } : {}), ...(selection.includes('$id') ? { id: target.projectId } : {}) } });
      return Object.assign({ body, description: `${aliases} × ${fields.join(' | ')}` }, { [fc.toStringMethod]: () => `${aliases} × ${fields.join(' | ')}` });
    });
}
