import { localDayOf } from '../../domain/history/calendar';
import { dayStateOf } from '../../domain/status/day-state';
import { type DraftIssue, draftFacts, type ProjectDayState } from '../../domain/status/draft';
import { previousPeriod, type StatusPeriod } from '../../domain/status/period';
import type { DraftFacts } from '../../domain/status/update';
import type { AppDeps } from '../deps';
import { readProjectDays, readSummaries } from '../history/history-store';
import type { StatusContext } from './status-context';
import { publicationIndex } from './status-store';

/**
 * The draft of one project's update, from what the app keeps: the viewer's report and snapshot
 * (already loaded) and two days of the project's history. No Jira read.
 */
export async function draftFactsFor(
  deps: Pick<AppDeps, 'store'>,
  context: StatusContext,
  portfolioId: string,
  projectKey: string,
  period: StatusPeriod,
): Promise<DraftFacts> {
  const project = context.report.projects.find((candidate) => candidate.key === projectKey);
  if (!project) throw new Error(`draftFactsFor: ${projectKey} is not in the viewer's report`);
  const since = await changesSinceDay(deps, context, portfolioId, projectKey, period);
  const [before, latest] = await twoDays(deps, portfolioId, projectKey, since, context.today);
  const { data, access } = context.snapshot;
  const issues: DraftIssue[] = [];
  for (const [key, row] of Object.entries(data.chunk.issues)) {
    if (row[0] !== projectKey || access.hiddenIssues.has(key)) continue;
    issues.push({ key, summary: data.facts[key]?.summary ?? null, due: row[2], open: row[1] !== 2 });
  }
  return draftFacts({
    projectKey,
    today: context.today,
    asOf: data.asOf,
    health: project.health,
    issues,
    gates: (context.report.compliance?.gates ?? []).flatMap((gate) =>
      gate.projectKey === projectKey && gate.nextGate
        ? [
            {
              key: gate.key,
              nextStage: gate.nextGate.stage.name,
              ticked: gate.nextGate.ticked,
              mandatory: gate.nextGate.mandatory,
            },
          ]
        : [],
    ),
    risks: context.report.risks,
    conflicts: context.report.dependencies.conflicts,
    before,
    latest,
  });
}

/** The day of the project's last published update before this period's, else the previous period's start. */
async function changesSinceDay(
  deps: Pick<AppDeps, 'store'>,
  context: StatusContext,
  portfolioId: string,
  projectKey: string,
  period: StatusPeriod,
): Promise<string> {
  const earlier = (await publicationIndex(deps.store, portfolioId, projectKey)).filter(
    (entry) => entry.periodId < period.id,
  );
  const last = earlier.at(-1);
  if (last) return localDayOf(Date.parse(last.publishedAt), context.timeZone);
  return previousPeriod(period, context.settings).start;
}

/** The project's recorded days nearest `from` (on or after it) and `to` (on or before it). */
async function twoDays(
  deps: Pick<AppDeps, 'store'>,
  portfolioId: string,
  projectKey: string,
  from: string,
  to: string,
): Promise<[ProjectDayState | null, ProjectDayState | null]> {
  const days = await readProjectDays(deps.store, portfolioId, projectKey, from, to);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [null, null];
  const [firstSummary, lastSummary] = await Promise.all([
    readSummaries(deps.store, portfolioId, first.day, first.day),
    readSummaries(deps.store, portfolioId, last.day, last.day),
  ]);
  return [dayStateOf(projectKey, first, firstSummary[0]), dayStateOf(projectKey, last, lastSummary[0])];
}
