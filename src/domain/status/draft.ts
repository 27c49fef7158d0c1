import type { DateConflict } from '../dependencies/graph';
import type { IndicatorName, ProjectHealth, Rag } from '../health/health';
import { INDICATOR_LABEL } from '../health/indicator-labels';
import { addDays } from '../history/calendar';
import type { RiskEntry } from '../risks/raid';
import { type DraftFacts, suggestedStatus } from './update';

/**
 * The status draft for one project, from data the app already keeps: the snapshot's health, issues,
 * risks, gates and dependency conflicts, and the history's day records. Pure: the service reads the
 * stored data once and hands it over; nothing here reads Jira.
 */

/** Days ahead that "coming up" covers: the two weeks a status update looks forward. */
export const LOOKAHEAD_DAYS = 14;
const MAX_UPCOMING = 8;
const MAX_OVERDUE_EXAMPLES = 5;
const MAX_TOP_RISKS = 3;
const MAX_CONFLICTS = 5;

/** One project's state on a recorded day, as the history keeps it. */
export interface ProjectDayState {
  day: string;
  rag: Rag;
  indicators: Partial<Record<IndicatorName, Rag>>;
  kpis: { open: number; inProgress: number; done: number; overdue: number };
  /** Open high risks of the project. */
  highRisks: readonly string[];
  /** Cross-project date conflicts touching the project, as "blocker>blocked". */
  conflicts: readonly string[];
}

export interface DraftIssue {
  key: string;
  summary: string | null;
  due: string | null;
  open: boolean;
}

export interface DraftGate {
  key: string;
  /** The stage the next gate leads into, and how far its mandatory items are ticked. */
  nextStage: string;
  ticked: number;
  mandatory: number;
}

export interface DraftSource {
  projectKey: string;
  /** Today in the history's time zone. */
  today: string;
  /** When the snapshot read Jira. */
  asOf: string;
  health: Pick<ProjectHealth, 'rag' | 'computedRag' | 'indicators'>;
  /** The project's issues (open and done) with their due dates. */
  issues: readonly DraftIssue[];
  /** Gated issues of the project with a gate ahead of them. */
  gates: readonly DraftGate[];
  risks: readonly RiskEntry[];
  conflicts: readonly DateConflict[];
  /** The project's day when the last update was published (or the period before), and its latest day. */
  before: ProjectDayState | null;
  latest: ProjectDayState | null;
}

const RAG_RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, none: 3 };

export function draftFacts(source: DraftSource): DraftFacts {
  const reasons = source.health.indicators
    .filter((indicator) => indicator.rag === 'red' || indicator.rag === 'amber')
    .sort((a, b) => RAG_RANK[a.rag] - RAG_RANK[b.rag])
    .map((indicator) => `${INDICATOR_LABEL[indicator.name]}: ${indicator.reason}`);
  const upcoming = upcomingOf(source);
  const overdue = source.issues
    .filter((issue) => issue.open && issue.due !== null && issue.due < source.today)
    .sort((a, b) => (a.due as string).localeCompare(b.due as string) || a.key.localeCompare(b.key));
  return {
    asOf: source.asOf,
    health: { rag: source.health.rag, computedRag: source.health.computedRag, reasons },
    changesSince:
      source.before && source.latest && source.before.day < source.latest.day ? source.before.day : null,
    changes: changesBetween(source.before, source.latest),
    topRisks: source.risks
      .filter((risk) => risk.projectKey === source.projectKey && risk.open && risk.roam !== 'resolved')
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
      .slice(0, MAX_TOP_RISKS)
      .map((risk) => ({ key: risk.key, summary: risk.summary, score: risk.score, level: risk.level })),
    upcoming: upcoming.slice(0, MAX_UPCOMING),
    upcomingTotal: upcoming.length,
    overdue: {
      count: overdue.length,
      examples: overdue
        .slice(0, MAX_OVERDUE_EXAMPLES)
        .map((issue) => ({ key: issue.key, summary: issue.summary, due: issue.due as string })),
    },
    conflicts: source.conflicts
      .filter(
        (conflict) =>
          conflict.crossProject &&
          (conflict.blocker.projectKey === source.projectKey ||
            conflict.blocked.projectKey === source.projectKey),
      )
      .slice(0, MAX_CONFLICTS)
      .map((conflict) => ({
        blocker: conflict.blocker.key,
        blocked: conflict.blocked.key,
        text: `${conflict.blocker.key} (due ${conflict.blocker.due}) blocks ${conflict.blocked.key} (due ${conflict.blocked.due}): ${plural(conflict.daysLate, 'day')} too late`,
      })),
    suggested: suggestedStatus(source.health.computedRag),
  };
}

/** Gates and open work due from today to the end of the lookahead, soonest first, gates first on a day. */
function upcomingOf(source: DraftSource): DraftFacts['upcoming'] {
  const last = addDays(source.today, LOOKAHEAD_DAYS - 1);
  const gates = new Map(source.gates.map((gate) => [gate.key, gate]));
  return source.issues
    .filter((issue) => issue.open && issue.due !== null && issue.due >= source.today && issue.due <= last)
    .map((issue) => {
      const gate = gates.get(issue.key);
      const due = issue.due as string;
      return gate
        ? {
            key: issue.key,
            summary: issue.summary,
            due,
            kind: 'gate' as const,
            detail: `Gate into ${gate.nextStage}: ${gate.ticked} of ${gate.mandatory} mandatory items ticked`,
          }
        : { key: issue.key, summary: issue.summary, due, kind: 'milestone' as const, detail: `Due ${due}` };
    })
    .sort(
      (a, b) =>
        a.due.localeCompare(b.due) ||
        (a.kind === b.kind ? a.key.localeCompare(b.key) : a.kind === 'gate' ? -1 : 1),
    );
}

/** What changed between two recorded days, in sentences a reader can paste. */
export function changesBetween(before: ProjectDayState | null, latest: ProjectDayState | null): string[] {
  if (!before || !latest || before.day >= latest.day) return [];
  const changes: string[] = [];
  if (before.rag !== latest.rag) changes.push(`Health went from ${before.rag} to ${latest.rag}.`);
  for (const name of Object.keys(INDICATOR_LABEL) as IndicatorName[]) {
    const was = before.indicators[name];
    const now = latest.indicators[name];
    if (was && now && was !== now && now !== 'none' && was !== 'none') {
      changes.push(
        `${INDICATOR_LABEL[name]} ${RAG_RANK[now] < RAG_RANK[was] ? 'worsened' : 'improved'} from ${was} to ${now}.`,
      );
    }
  }
  const done = latest.kpis.done - before.kpis.done;
  if (done > 0) changes.push(`${plural(done, 'issue')} done.`);
  const opened = latest.kpis.open + latest.kpis.inProgress - (before.kpis.open + before.kpis.inProgress);
  if (opened !== 0)
    changes.push(`Open work ${opened > 0 ? 'grew' : 'shrank'} by ${plural(Math.abs(opened), 'issue')}.`);
  if (latest.kpis.overdue !== before.kpis.overdue) {
    changes.push(
      `Overdue issues ${latest.kpis.overdue > before.kpis.overdue ? 'rose' : 'fell'} from ${before.kpis.overdue} to ${latest.kpis.overdue}.`,
    );
  }
  const newRisks = latest.highRisks.filter((key) => !before.highRisks.includes(key));
  const goneRisks = before.highRisks.filter((key) => !latest.highRisks.includes(key));
  if (newRisks.length > 0)
    changes.push(`New high ${newRisks.length === 1 ? 'risk' : 'risks'}: ${newRisks.join(', ')}.`);
  if (goneRisks.length > 0) {
    changes.push(
      `No longer open high ${goneRisks.length === 1 ? 'risk' : 'risks'}: ${goneRisks.join(', ')}.`,
    );
  }
  const newConflicts = latest.conflicts.filter((pair) => !before.conflicts.includes(pair)).length;
  const endedConflicts = before.conflicts.filter((pair) => !latest.conflicts.includes(pair)).length;
  if (newConflicts > 0) changes.push(`${plural(newConflicts, 'new cross-project date conflict')}.`);
  if (endedConflicts > 0) changes.push(`${plural(endedConflicts, 'cross-project date conflict')} resolved.`);
  if (changes.length === 0) changes.push('No change in health, work, risks or conflicts.');
  return changes;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
