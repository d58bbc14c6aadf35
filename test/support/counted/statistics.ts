import type { StoredEvent } from '../../../src/event-store/event-store.port.js';

/** The monthly statistics and the other read-side figures, counted again from the events alone: independent of the projections. */
/** Month of an instant in Shanghai, by the platform's time-zone database: independent of the code under test. */
export const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });
export const monthOf = (event: StoredEvent) => monthFormat.format(new Date(event.metadata.occurredAt as string)).slice(0, 7);

export interface Tally {
  leads: number; leadsScreened: number; leadsQualified: number; leadsRejected: number; leadsForwarded: number; leadsAssigned: number; approvals: number;
  solutionsSubmitted: number; solutionVersions: number; quotations: number; quotationAmount: number; bidsSubmitted: number; bidsWon: number; contractsSigned: number;
  contractAmount: number; losses: number; lossesByReason: Record<string, number>; terminations: number;
}
export const blank = (): Tally => ({
  leads: 0, leadsScreened: 0, leadsQualified: 0, leadsRejected: 0, leadsForwarded: 0, leadsAssigned: 0, approvals: 0, solutionsSubmitted: 0, solutionVersions: 0,
  quotations: 0, quotationAmount: 0, bidsSubmitted: 0, bidsWon: 0, contractsSigned: 0, contractAmount: 0, losses: 0, lossesByReason: {}, terminations: 0,
});

/**
 * Per month, each project's quotation version approved last in that month (every approval its version asked for given), and
 * the projects that submitted a solution: what counts once per project, followed through the events.
 */
export function oncePerProjectByMonth(events: StoredEvent[]) {
  const versions = new Map<string, { amount: number; required: string[]; given: Set<string> }>();
  const quoted = new Map<string, Map<string, { version: number; amount: number }>>();
  const solutions = new Map<string, Set<string>>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const key = `${event.stream}|${data.version}`;
    if (event.type === 'QuotationSubmitted') versions.set(key, { amount: data.amount.amount, required: data.requiredApprovals, given: new Set() });
    if (event.type === 'QuotationApproved') {
      const version = versions.get(key)!;
      version.given.add(data.role);
      if (!version.required.every((role) => version.given.has(role))) continue;
      const month = quoted.get(monthOf(event)) ?? new Map();
      quoted.set(monthOf(event), month);
      if ((month.get(event.stream)?.version ?? 0) < data.version) month.set(event.stream, { version: data.version, amount: version.amount });
    }
    if (event.type === 'SolutionSubmitted') solutions.set(monthOf(event), (solutions.get(monthOf(event)) ?? new Set()).add(event.stream));
  }
  return { quoted, solutions };
}

/** The monthly figures counted straight from the events. */
export function tallyByMonth(events: StoredEvent[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const event of events) {
    const tally = tallies.get(monthOf(event)) ?? blank();
    tallies.set(monthOf(event), tally);
    const data = event.data as Record<string, any>;
    const loss = (reasons: string[]) => {
      tally.losses += 1;
      for (const reason of reasons) tally.lossesByReason[reason] = (tally.lossesByReason[reason] ?? 0) + 1;
    };
    if (event.type === 'LeadRegistered') tally.leads += 1;
    if (['LeadQualified', 'LeadRejected', 'LeadForwarded'].includes(event.type)) tally.leadsScreened += 1;
    if (event.type === 'LeadQualified') tally.leadsQualified += 1;
    if (event.type === 'LeadRejected') tally.leadsRejected += 1;
    if (event.type === 'LeadForwarded') tally.leadsForwarded += 1;
    if (event.type === 'LeadAssigned') tally.leadsAssigned += 1;
    if (event.type === 'ProjectApproved') tally.approvals += 1;
    if (event.type === 'SolutionSubmitted') tally.solutionVersions += 1;
    if (event.type === 'BidSubmitted') tally.bidsSubmitted += 1;
    if (event.type === 'BidWon') tally.bidsWon += 1;
    if (event.type === 'ContractSigned') { tally.contractsSigned += 1; tally.contractAmount += data.amount.amount; }
    if (event.type === 'BidLost') loss(data.reasons);
    if (event.type === 'ProjectTerminated') tally.terminations += 1;
  }
  const { quoted, solutions } = oncePerProjectByMonth(events);
  for (const [month, tally] of tallies) {
    const projects = [...(quoted.get(month)?.values() ?? [])];
    tally.quotations = projects.length;
    tally.quotationAmount = projects.reduce((sum, { amount }) => sum + amount, 0);
    tally.solutionsSubmitted = solutions.get(month)?.size ?? 0;
  }
  return tallies;
}

/** Terminations per month by the reason their last request gave, followed through the events. */
export function terminationsByMonthAndReason(events: StoredEvent[]): Map<string, Record<string, number>> {
  const requested = new Map<string, string>();
  const months = new Map<string, Record<string, number>>();
  for (const event of events) {
    if (event.type === 'TerminationRequested') requested.set(event.stream, (event.data as { reason: string }).reason.trim());
    if (event.type !== 'ProjectTerminated') continue;
    const byReason = months.get(monthOf(event)) ?? {};
    months.set(monthOf(event), byReason);
    const reason = requested.get(event.stream)!;
    byReason[reason] = (byReason[reason] ?? 0) + 1;
  }
  return months;
}

export const figuresOf = (counters: Tally) => ({
  leads: counters.leads, leadsScreened: counters.leadsScreened, leadsQualified: counters.leadsQualified, leadsRejected: counters.leadsRejected,
  leadsForwarded: counters.leadsForwarded, leadsAssigned: counters.leadsAssigned, approvals: counters.approvals, solutionsSubmitted: counters.solutionsSubmitted,
  solutionVersions: counters.solutionVersions, quotations: counters.quotations, quotationAmount: counters.quotationAmount,
  bidsSubmitted: counters.bidsSubmitted, bidsWon: counters.bidsWon, contractsSigned: counters.contractsSigned,
  contractAmount: counters.contractAmount, losses: counters.losses, lossesByReason: counters.lossesByReason, terminations: counters.terminations,
});

/** Demos held per month (the day they were held) and presenter, counted straight from the events. */
export function demosByMonthAndPerson(events: StoredEvent[]): Map<string, { held: number; byPerson: Record<string, number> }> {
  const months = new Map<string, { held: number; byPerson: Record<string, number> }>();
  for (const event of events.filter(({ type }) => type === 'DemoHeld')) {
    const data = event.data as { heldOn: string; presenters: string[] };
    const month = months.get(data.heldOn.slice(0, 7)) ?? { held: 0, byPerson: {} };
    months.set(data.heldOn.slice(0, 7), month);
    month.held += 1;
    for (const person of data.presenters) month.byPerson[person] = (month.byPerson[person] ?? 0) + 1;
  }
  return months;
}

/**
 * Competitors per closed project: the bidders named at a tender's opening and result and those noted on the project, on any
 * path; and why a won bid was won.
 */
export function competitorsOfClosedProjects(events: StoredEvent[]): Array<{ won: boolean; negotiated: boolean; competitors: Set<string>; winReasons: Set<string> }> {
  const projects = new Map<string, { closed: boolean; won: boolean; negotiated: boolean; competitors: Set<string>; winReasons: Set<string> }>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const project = projects.get(event.stream) ?? { closed: false, won: false, negotiated: false, competitors: new Set<string>(), winReasons: new Set<string>() };
    projects.set(event.stream, project);
    if (event.type === 'ProcurementChosen') project.negotiated = data.method === 'NEGOTIATION';
    if (event.type === 'BidOpeningRecorded') for (const { bidder } of data.bidders) project.competitors.add(bidder);
    if (event.type === 'BidWon') for (const name of data.competitors ?? []) project.competitors.add(name);
    if (event.type === 'BidWon') for (const reason of data.reasons ?? []) project.winReasons.add(reason);
    if (event.type === 'ProjectSummarized' && data.outcome === 'WON') for (const reason of data.reasons) project.winReasons.add(reason);
    if (event.type === 'BidLost') for (const name of [data.winner, ...(data.competitors ?? [])]) project.competitors.add(name);
    if (event.type === 'CompetitorNoted') project.competitors.add(data.competitor);
    if (['ContractSigned', 'BidLost', 'ProjectTerminated', 'CustomerDeclined'].includes(event.type) || (event.type === 'BidDecided' && data.decision === 'NO_BID')) project.closed = true;
    if (event.type === 'ContractSigned') project.won = true;
  }
  return [...projects.values()].filter((project) => project.closed);
}

/** Day of an instant in Shanghai, by the platform's time-zone database. */
export const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Each open project's latest tracking note's next action date (null: none), followed through the events. */
export function nextActionsOfOpenProjects(events: StoredEvent[]): Map<string, string | null> {
  const next = new Map<string, string | null>();
  const closed = new Set<string>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    if (event.type === 'LeadRegistered') next.set(event.stream, null);
    if (event.type === 'TrackingNoteAdded') next.set(event.stream, data.nextActionOn ?? null);
    if (['LeadRejected', 'LeadForwarded', 'ContractSigned', 'BidLost', 'ProjectTerminated', 'CustomerDeclined'].includes(event.type) || (event.type === 'BidDecided' && data.decision === 'NO_BID')) {
      closed.add(event.stream);
    }
  }
  return new Map([...next].filter(([stream]) => !closed.has(stream)));
}

export const tallied = (projects: Array<{ competitors: Set<string> }>) => {
  const counts: Record<string, number> = {};
  for (const { competitors } of projects) for (const name of competitors) counts[name] = (counts[name] ?? 0) + 1;
  return Object.entries(counts).map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
};
