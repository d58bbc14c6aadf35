/** The read side's heaviest questions, as a sales director asks them. */
export const REPORT_QUERIES: Record<string, string> = {
  pipelineBoard: '{ pipelineBoard { stage count amount weightedAmount cards { projectId customer amount { amount } daysInStage overdue } } }',
  monthlyStatistics: '{ monthlyStatistics(month: "2026-09", groupBy: REGION) { rows { value leads contractsSigned contractAmount firstPassRate overdueSteps averageDaysPerStage { stage averageDays } } } }',
  quarterlyAnalysis: '{ quarterlyAnalysis(quarter: "2026-Q3") { totals { leads contractAmount } againstPreviousQuarter { figure changeRate } topLossReasons { key count } } }',
  winLossAnalysis: '{ winLossAnalysis(from: "2025-11", to: "2026-10", groupBy: REGION) { key winRate bidHitRate amountWon lossReasons { key count } averageCycleDays } }',
};

export interface QueryTimings {
  /** Milliseconds per request, sorted, warm-up left out. */
  times: number[];
  /** Size of the answer's body. */
  bytes: number;
  data: unknown;
}

/**
 * Sends `query` to `url` as `token` 10 times to warm up, then `requests` times timed, or fewer (but 50 at
 * least) once `budgetSeconds` of timed requests have passed; any error answer throws.
 */
export async function timeQuery(url: string, token: string, query: string, requests: number, budgetSeconds = Infinity): Promise<QueryTimings> {
  const times: number[] = [];
  let text = '';
  let timed = 0;
  for (let i = 0; i < requests + 10 && (times.length < 50 || timed < budgetSeconds * 1000); i++) {
    const t = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    text = await response.text();
    if (i >= 10) {
      const elapsed = performance.now() - t;
      times.push(elapsed);
      timed += elapsed;
    }
    const body = JSON.parse(text) as { errors?: unknown };
    if (!response.ok || body.errors) throw new Error(`${query.slice(0, 40)}…: HTTP ${response.status} ${JSON.stringify(body.errors)}`);
  }
  return { times: times.sort((a, b) => a - b), bytes: Buffer.byteLength(text), data: (JSON.parse(text) as { data: unknown }).data };
}
