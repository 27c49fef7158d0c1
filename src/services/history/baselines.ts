import type { ProjectBaselines } from '../../contracts/history';
import { AppError } from '../../domain/errors';
import {
  type Baseline,
  BaselineSchema,
  captureBaseline,
  forecastFinish,
  varianceAgainst,
} from '../../domain/history/baseline';
import { addDays, localDayOf } from '../../domain/history/calendar';
import type { GatePassed } from '../../domain/history/gates-passed';
import { queryAll } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';
import { viewerSnapshot } from '../portfolio/get-portfolio-report';
import { requireSettingsEditor, settingsEditorStatus } from '../settings/authorize';
import { portfolioPrefix } from '../snapshots/keys';
import type { SnapshotData } from '../snapshots/records';
import { readProjectDays } from './history-store';
import { historyViewer } from './history-viewer';

/** Baselines kept per project and portfolio (the oldest go first). */
export const MAX_BASELINES = 50;

/** One baseline per project and day (a later one that day replaces it); every capture is also logged. */
const baselinePrefix = (portfolioId: string, projectKey: string) =>
  `${portfolioPrefix(portfolioId)}baseline:${projectKey}:`;
const baselineLogPrefix = (portfolioId: string, projectKey: string) =>
  `${portfolioPrefix(portfolioId)}baseline-log:${projectKey}:`;

/** A project's epics and gated issues in a snapshot: the planned work a baseline keeps dates of. */
function plannedKeys(snapshot: SnapshotData, projectKey: string): string[] {
  const keys = new Set<string>();
  for (const [key, facts] of Object.entries(snapshot.facts)) {
    if (facts.projectKey === projectKey && facts.issueType.toLowerCase() === 'epic' && !facts.restricted) {
      keys.add(key);
    }
  }
  for (const gate of snapshot.compliance?.gates ?? []) {
    if (gate.projectKey === projectKey && snapshot.facts[gate.key]?.restricted !== true) keys.add(gate.key);
  }
  return [...keys];
}

/**
 * Logs the capture create-only (its key is its capture time: nothing is ever overwritten there),
 * then makes it the project's baseline of `day`, replacing an earlier one of the same day.
 */
async function storeBaseline(
  deps: AppDeps,
  portfolioId: string,
  day: string,
  baseline: Baseline,
): Promise<void> {
  const log = `${baselineLogPrefix(portfolioId, baseline.projectKey)}${baseline.capturedAt}`;
  if (!(await deps.store.setIfAbsent(log, baseline))) {
    throw new AppError('CONFLICT', 'A baseline of this project was set at the same moment; try again.');
  }
  const prefix = baselinePrefix(portfolioId, baseline.projectKey);
  await deps.store.set(`${prefix}${day}`, baseline);
  for (const logged of [prefix, baselineLogPrefix(portfolioId, baseline.projectKey)]) {
    const keys: string[] = [];
    for await (const entry of queryAll(deps.store, logged)) keys.push(entry.key);
    await Promise.all(
      keys.slice(0, Math.max(0, keys.length - MAX_BASELINES)).map((key) => deps.store.delete(key)),
    );
  }
}

/** How many baselines of the project were captured in all (replaced ones included). */
async function countCaptures(deps: AppDeps, portfolioId: string, projectKey: string): Promise<number> {
  let count = 0;
  for await (const _ of queryAll(deps.store, baselineLogPrefix(portfolioId, projectKey))) count += 1;
  return count;
}

export async function readBaselines(
  deps: AppDeps,
  portfolioId: string,
  projectKey: string,
): Promise<Baseline[]> {
  const baselines: Baseline[] = [];
  for await (const entry of queryAll(deps.store, baselinePrefix(portfolioId, projectKey))) {
    const parsed = BaselineSchema.safeParse(entry.value);
    if (parsed.success) baselines.push(parsed.data);
  }
  return baselines.reverse();
}

/** The project's risk exposure as the history recorded it last (0 before the first record). */
async function latestExposure(deps: AppDeps, portfolioId: string, projectKey: string, today: string) {
  const days = await readProjectDays(deps.store, portfolioId, projectKey, addDays(today, -31), today);
  return days.at(-1)?.row[5] ?? 0;
}

/**
 * Captures a project's baseline from the current snapshot, set by a PMO lead (a settings editor)
 * with a note. The project must be one the lead can browse and in the portfolio's snapshot.
 */
export async function setBaseline(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; projectKey: string; note: string },
): Promise<ProjectBaselines['baselines'][number]> {
  const viewer = await historyViewer(deps, actor, input.portfolioId);
  await requireSettingsEditor(deps, actor, viewer.live.config.access.pmoGroupName);
  const snapshot = await viewerSnapshot(deps, actor, input.portfolioId);
  if (
    !viewer.browsable.has(input.projectKey) ||
    !snapshot?.data.projects.some((p) => p.key === input.projectKey)
  ) {
    throw new AppError('NOT_FOUND', `There is no project ${input.projectKey} in this portfolio`);
  }
  const baseline = captureBaseline({
    chunk: snapshot.data.chunk,
    projectKey: input.projectKey,
    plannedKeys: plannedKeys(snapshot.data, input.projectKey),
    riskExposure: await latestExposure(deps, input.portfolioId, input.projectKey, viewer.today),
    capturedAt: deps.now().toISOString(),
    asOf: snapshot.data.asOf,
    trigger: 'manual',
    by: actor.accountId,
    note: input.note,
  });
  await storeBaseline(
    deps,
    input.portfolioId,
    localDayOf(Date.parse(baseline.capturedAt), viewer.timeZone),
    baseline,
  );
  const names = await userNames(deps, actor.installation, [actor.accountId]);
  return { ...baseline, byName: nameOf(names, baseline.by) };
}

/**
 * Captures baselines when gated issues entered a later stage between two recordings of the
 * history (one per project and recording), as the app, from the snapshot just recorded.
 */
export async function captureGateBaselines(
  deps: AppDeps,
  snapshot: SnapshotData,
  day: string,
  advanced: readonly GatePassed[],
  exposureOf: (projectKey: string) => number,
): Promise<number> {
  const byProject = new Map<string, string[]>();
  for (const entry of advanced) {
    byProject.set(entry.projectKey, [
      ...(byProject.get(entry.projectKey) ?? []),
      `${entry.key} entered ${entry.to}`,
    ]);
  }
  for (const [projectKey, notes] of byProject) {
    await storeBaseline(
      deps,
      snapshot.portfolioId,
      day,
      captureBaseline({
        chunk: snapshot.chunk,
        projectKey,
        plannedKeys: plannedKeys(snapshot, projectKey),
        riskExposure: exposureOf(projectKey),
        capturedAt: deps.now().toISOString(),
        asOf: snapshot.asOf,
        trigger: 'gate',
        by: null,
        note: notes.join('; ').slice(0, 1000),
      }),
    ).catch(() => undefined); // a baseline captured at the same moment stands
  }
  return byProject.size;
}

/** A project's baselines, newest first, and the project now against the newest one. */
export async function listBaselines(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; projectKey: string },
): Promise<ProjectBaselines> {
  const viewer = await historyViewer(deps, actor, input.portfolioId);
  if (!viewer.browsable.has(input.projectKey)) {
    throw new AppError('NOT_FOUND', `There is no project ${input.projectKey} in this portfolio`);
  }
  const [baselines, captures, snapshot, editor] = await Promise.all([
    readBaselines(deps, input.portfolioId, input.projectKey),
    countCaptures(deps, input.portfolioId, input.projectKey),
    viewerSnapshot(deps, actor, input.portfolioId),
    settingsEditorStatus(deps, actor, viewer.live.config.access.pmoGroupName),
  ]);
  const hidden = (key: string) => snapshot?.access.hiddenIssues.has(key) === true;
  const names = await userNames(
    deps,
    actor.installation,
    baselines.flatMap((baseline) => (baseline.by ? [baseline.by] : [])),
  );
  const latest = baselines[0];
  const variance = latest && snapshot ? varianceAgainst(latest, snapshot.data.chunk) : null;
  return {
    projectKey: input.projectKey,
    baselines: baselines.map((baseline) => ({
      ...baseline,
      dueDates: Object.fromEntries(Object.entries(baseline.dueDates).filter(([key]) => !hidden(key))),
      byName: nameOf(names, baseline.by),
    })),
    variance:
      variance && snapshot
        ? {
            ...variance,
            forecastFinish: forecastFinish(snapshot.data.chunk, input.projectKey),
            issues: variance.issues.filter((issue) => !hidden(issue.key)),
          }
        : null,
    captures,
    canSet: editor.canEdit,
  };
}
