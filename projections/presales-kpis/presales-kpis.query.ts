import { Inject, Injectable } from '@nestjs/common';
import type { Deadline } from '../../src/domain/project/deadlines.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { ReadModelsAsOf } from '../runtime/read-models-as-of.js';
import { DUE_STEPS, stageHistoryProjection } from '../stage-history/stage-history.projection.js';
import { ASSESSMENTS, KPI_FACTS, KPI_PARTICIPATION, presalesKpisProjection, SOLUTION_AUTHORS, type FactKind } from './presales-kpis.projection.js';

/** A share: what counts over what it is out of; the rate is null when nothing is out of. */
export interface Share {
  count: number;
  of: number;
  rate: number | null;
}
/** A rating: how many marks, their sum out of 100 each, and their mean (null: none). */
export interface Rating {
  count: number;
  total: number;
  score: number | null;
}
export interface PersonKpis {
  person: string;
  /** 项目成功率: projects won over projects followed. */
  success: Share;
  satisfaction: Rating;
  solutionQuality: Rating;
  collaboration: Rating;
  /** 按时率: steps under a time limit done on time over those that fell due. */
  onTime: Share;
  demos: number;
}

export const KPI_FIGURES = ['FOLLOWED', 'WON', 'SATISFACTION', 'SOLUTION_QUALITY', 'COLLABORATION', 'ON_TIME', 'DEMOS'] as const;
export type KpiFigure = (typeof KPI_FIGURES)[number];

/** One event behind a figure: its project and place in the stream, its type and time, and what it adds. */
export interface KpiEvent {
  projectId: string;
  revision: number;
  eventId?: string;
  type: string;
  at: string;
  /** A rating's mark out of 100; an SLA step's outcome ON_TIME or LATE. */
  value?: number;
  outcome?: string;
}

type Fact = Document & { kind: FactKind; person: string | null; projectId: string; revision: number; eventId: string; type: string; at: string; month: string; value?: number; solution?: string };
type Participation = Document & { projectId: string; person: string; wonMonth?: string; wonAt?: string; wonRevision?: number; wonEventId?: string };
type Clock = Document & Deadline & { projectId: string; revision: number; startedAt: string; stoppedAt: string | null; doneBy?: string };

/** Whom an SLA step binds: who did it, else the people it waited for by name (a step waiting for a role binds nobody until done). */
export function boundBy(clock: Pick<Clock, 'doneBy' | 'waitingFor'>): string[] {
  if (clock.doneBy) return [clock.doneBy];
  return clock.waitingFor.flatMap((party) => ('userId' in party ? [party.userId] : []));
}

/** A step that fell due by `at`: done (on time when by its overdue instant), or late (its limit passed undone); otherwise it counts nowhere yet. */
export function outcomeOf(clock: Pick<Clock, 'doneBy' | 'stoppedAt' | 'overdueAt'>, at: string): 'ON_TIME' | 'LATE' | undefined {
  const stopped = clock.stoppedAt !== null && clock.stoppedAt <= at ? clock.stoppedAt : null;
  if (stopped && clock.doneBy) return stopped <= clock.overdueAt ? 'ON_TIME' : 'LATE';
  // lapsed (the project closed, a new version) before its limit: it fell due for nobody
  if (stopped) return stopped > clock.overdueAt ? 'LATE' : undefined;
  return clock.overdueAt < at ? 'LATE' : undefined;
}

const share = (count: number, of: number): Share => ({ count, of, rate: of ? count / of : null });
const rating = (marks: number[]): Rating => {
  const total = marks.reduce((sum, mark) => sum + mark, 0);
  return { count: marks.length, total, score: marks.length ? total / marks.length : null };
};

/** The facts of a period, gathered once for everyone asked about. */
interface Period {
  facts: Fact[];
  scoresByAuthor: Map<string, Fact[]>;
  wins: Participation[];
  clocks: Clock[];
}

/** 售前考核 over a run of months (a month, or a year's twelve): every rate recomputed from the counts of the whole run. */
@Injectable()
export class PresalesKpiReport {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  private async period(months: string[], unit: string | null, persons?: string[]): Promise<Period> {
    const who: Filter = persons ? { person: { $in: persons } } : {};
    const [facts, scores, wins, clocks] = await Promise.all([
      this.reads.find<Fact>(KPI_FACTS, { month: { $in: months }, businessUnit: unit, kind: { $ne: 'SOLUTION_SCORE' }, ...who }),
      this.reads.find<Fact>(KPI_FACTS, { month: { $in: months }, businessUnit: unit, kind: 'SOLUTION_SCORE' }),
      this.reads.find<Participation>(KPI_PARTICIPATION, { wonMonth: { $in: months }, businessUnit: unit, ...who }),
      this.reads.find<Clock>(DUE_STEPS, { dueMonth: { $in: months }, businessUnit: unit }),
    ]);
    const authors = await this.reads.find<Document & { author: string }>(SOLUTION_AUTHORS, { _id: { $in: [...new Set(scores.map((fact) => fact.solution!))] } });
    const authorOf = new Map(authors.map((doc) => [doc._id, doc.author]));
    const scoresByAuthor = new Map<string, Fact[]>();
    for (const fact of scores) {
      const author = authorOf.get(fact.solution!);
      if (author && (!persons || persons.includes(author))) scoresByAuthor.set(author, [...(scoresByAuthor.get(author) ?? []), fact]);
    }
    return { facts, scoresByAuthor, wins, clocks };
  }

  /** The KPIs of the people asked about, or of everyone who did pre-sales work, was rated or presented in the period. */
  async kpis(months: string[], unit: string | null, at: Date, persons?: string[]): Promise<PersonKpis[]> {
    const period = await this.period(months, unit, persons);
    const everyone = persons ?? [...new Set([...period.facts.map((fact) => fact.person!), ...period.scoresByAuthor.keys(), ...period.wins.map((win) => win.person)])];
    return everyone.sort().map((person) => this.kpisOf(person, period, at.toISOString()));
  }

  private kpisOf(person: string, { facts, scoresByAuthor, wins, clocks }: Period, at: string): PersonKpis {
    const mine = facts.filter((fact) => fact.person === person);
    const marks = (kind: FactKind) => mine.filter((fact) => fact.kind === kind).map((fact) => fact.value!);
    const won = new Set(wins.filter((win) => win.person === person).map((win) => win.projectId));
    const followed = new Set([...mine.filter((fact) => fact.kind === 'WORKED').map((fact) => fact.projectId), ...won]);
    const outcomes = clocks.filter((clock) => boundBy(clock).includes(person)).map((clock) => outcomeOf(clock, at)).filter(Boolean);
    return {
      person,
      success: share(won.size, followed.size),
      satisfaction: rating(marks('SATISFACTION')),
      solutionQuality: rating((scoresByAuthor.get(person) ?? []).map((fact) => fact.value!)),
      collaboration: rating(marks('COLLABORATION')),
      onTime: share(outcomes.filter((outcome) => outcome === 'ON_TIME').length, outcomes.length),
      demos: mine.filter((fact) => fact.kind === 'DEMO').length,
    };
  }

  /** The events behind one figure of one person, oldest first. */
  async events(person: string, months: string[], unit: string | null, at: Date, figure: KpiFigure): Promise<KpiEvent[]> {
    const { facts, scoresByAuthor, wins, clocks } = await this.period(months, unit, [person]);
    const fromFacts = (kind: FactKind) => facts.filter((fact) => fact.kind === kind).map(eventOfFact);
    const wonEvents = wins.map((win): KpiEvent => ({ projectId: win.projectId, revision: win.wonRevision!, eventId: win.wonEventId, type: 'ContractSigned', at: win.wonAt! }));
    const rows: Record<KpiFigure, () => KpiEvent[]> = {
      FOLLOWED: () => [...fromFacts('WORKED'), ...wonEvents],
      WON: () => wonEvents,
      SATISFACTION: () => fromFacts('SATISFACTION'),
      SOLUTION_QUALITY: () => (scoresByAuthor.get(person) ?? []).map(eventOfFact),
      COLLABORATION: () => fromFacts('COLLABORATION'),
      DEMOS: () => fromFacts('DEMO'),
      ON_TIME: () => clocks.filter((clock) => boundBy(clock).includes(person)).flatMap((clock): KpiEvent[] => {
        const outcome = outcomeOf(clock, at.toISOString());
        return outcome ? [{ projectId: clock.projectId, revision: clock.revision, type: clock.kind, at: clock.stoppedAt ?? clock.overdueAt, outcome }] : [];
      }),
    };
    return rows[figure]().sort((a, b) => a.at.localeCompare(b.at) || a.projectId.localeCompare(b.projectId) || a.revision - b.revision);
  }

  /** 月度考核 of the months, each with every version. */
  assessments(months: string[], persons?: string[]): Promise<Array<Document & { person: string; month: string; inForce: Record<string, unknown>; versions: Array<Record<string, unknown>> }>> {
    return this.reads.find(ASSESSMENTS, { month: { $in: months }, ...(persons ? { person: { $in: persons } } : {}) }, { sort: { month: 1, person: 1 } });
  }
}

const eventOfFact = (fact: Fact): KpiEvent => ({
  projectId: fact.projectId, revision: fact.revision, eventId: fact.eventId, type: fact.type, at: fact.at, ...(fact.value === undefined ? {} : { value: fact.value }),
});

/** The live report, or the one the read models gave at a past instant, replayed from the log. */
@Injectable()
export class PresalesKpiReports {
  constructor(
    private readonly live: PresalesKpiReport,
    private readonly past: ReadModelsAsOf,
  ) {}

  async at(asOf?: Date): Promise<PresalesKpiReport> {
    return asOf ? new PresalesKpiReport(await this.past.build(asOf, [presalesKpisProjection, stageHistoryProjection])) : this.live;
  }
}
