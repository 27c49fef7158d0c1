import type { ProjectBaselines } from '../../contracts/history';
import { AppError } from '../../domain/errors';
import {
  type Baseline,
  BaselineSchema,
  captureBaseline,
  markOf,
  progressAgainst,
  progressOf,
  riskExposureOf,
  varianceAgainst,
} from '../../domain/history/baseline';
import { baselineSeries } from '../../domain/history/baseline-series';
import { addDays, localDayOf } from '../../domain/history/calendar';
import { INDICATOR_ORDER } from '../../domain/history/day-record';
import type { GatePassed } from '../../domain/history/gates-passed';
import { isoDateOfDay, MS_PER_DAY } from '../../domain/kpis/time';
import { IsoDate } from '../../domain/model';
import { chunkForViewer } from '../../domain/snapshot/viewer-filter';
import { queryAll } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';
import { viewerSnapshot } from '../portfolio/get-portfolio-report';
import { requireSettingsEditor, settingsEditorStatus } from '../settings/authorize';
import { portfolioPrefix } from '../snapshots/keys';
import type { SnapshotData } from '../snapshots/records';
import { readProjectDays } from './history-store';
import { historyViewer } from './history-viewer';
import { readLatestBaselines, writeLatestBaseline } from './latest-baselines';

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
 * Start dates from the site's start date field as the snapshot kept it; an issue whose field was
 * not read yet (kept since a later refresh) falls back to the day it was created. Undefined for a
 * site without the field: the baseline then keeps created days and says so.
 */
function startDateReader(snapshot: SnapshotData): ((key: string) => string | null) | undefined {
  const field = snapshot.startDateField;
  if (!field) return undefined;
  return (key) => {
    const fields = snapshot.facts[key]?.fields;
    if (fields && Object.hasOwn(fields, field)) {
      const value = fields[field];
      const date = IsoDate.safeParse(typeof value === 'string' ? value.slice(0, 10) : null);
      return date.success ? date.data : null;
    }
    const created = snapshot.chunk.issues[key]?.[3] ?? null;
    return created === null ? null : isoDateOfDay(Math.floor(created / MS_PER_DAY));
  };
}

function withStartDates(snapshot: SnapshotData): { startDateOf?: (key: string) => string | null } {
  const startDateOf = startDateReader(snapshot);
  return startDateOf ? { startDateOf } : {};
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
  await writeLatestBaseline(deps, portfolioId, markOf(baseline, day));
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
    riskExposure: riskExposureOf(snapshot.data.chunk, input.projectKey, snapshot.data.settings),
    capturedAt: deps.now().toISOString(),
    asOf: snapshot.data.asOf,
    trigger: 'manual',
    by: actor.accountId,
    note: input.note,
    ...withStartDates(snapshot.data),
  });
  const day = localDayOf(Date.parse(baseline.capturedAt), viewer.timeZone);
  await storeBaseline(deps, input.portfolioId, day, baseline);
  const names = await userNames(deps, actor.installation, [actor.accountId]);
  const now = progressOf(chunkForViewer(snapshot.data.chunk, snapshot.access), input.projectKey);
  return { ...baseline, byName: nameOf(names, baseline.by), day, against: progressAgainst(baseline, now) };
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
        ...withStartDates(snapshot),
      }),
    ).catch(() => undefined); // a baseline captured at the same moment stands
  }
  return byProject.size;
}

/** Days of history the baseline-vs-actual chart covers unless asked for another window. */
export const BASELINE_CHART_DAYS = 84;

/**
 * A project's baselines, newest first, each with the project now against it; the full comparison
 * against the newest (per planned issue); and baseline against actual for each recorded day of the
 * window. "Now" is the snapshot as the viewer may see it, as on the overview.
 */
export async function listBaselines(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; projectKey: string; days?: number | undefined },
): Promise<ProjectBaselines> {
  const viewer = await historyViewer(deps, actor, input.portfolioId);
  if (!viewer.browsable.has(input.projectKey)) {
    throw new AppError('NOT_FOUND', `There is no project ${input.projectKey} in this portfolio`);
  }
  const from = addDays(viewer.today, -((input.days ?? BASELINE_CHART_DAYS) - 1));
  const [baselines, captures, snapshot, editor, days, latest] = await Promise.all([
    readBaselines(deps, input.portfolioId, input.projectKey),
    countCaptures(deps, input.portfolioId, input.projectKey),
    viewerSnapshot(deps, actor, input.portfolioId),
    settingsEditorStatus(deps, actor, viewer.live.config.access.pmoGroupName),
    readProjectDays(deps.store, input.portfolioId, input.projectKey, from, viewer.today),
    readLatestBaselines(deps, input.portfolioId),
  ]);
  const dayOf = (baseline: Baseline) => localDayOf(Date.parse(baseline.capturedAt), viewer.timeZone);
  const newest = baselines[0];
  // Baselines captured before the newest-baseline index existed: index the newest once.
  if (newest && latest[input.projectKey]?.capturedAt !== newest.capturedAt) {
    await writeLatestBaseline(deps, input.portfolioId, markOf(newest, dayOf(newest)));
  }
  const hidden = (key: string) => snapshot?.access.hiddenIssues.has(key) === true;
  const names = await userNames(
    deps,
    actor.installation,
    baselines.flatMap((baseline) => (baseline.by ? [baseline.by] : [])),
  );
  const chunk = snapshot ? chunkForViewer(snapshot.data.chunk, snapshot.access) : null;
  const progress = chunk ? progressOf(chunk, input.projectKey) : null;
  const variance = newest && chunk ? varianceAgainst(newest, chunk) : null;
  const varianceAt = INDICATOR_ORDER.indexOf('variance');
  const scopeAt = INDICATOR_ORDER.indexOf('scope');
  return {
    projectKey: input.projectKey,
    baselines: baselines.map((baseline) => ({
      ...baseline,
      dueDates: Object.fromEntries(Object.entries(baseline.dueDates).filter(([key]) => !hidden(key))),
      ...(baseline.startDates
        ? {
            startDates: Object.fromEntries(
              Object.entries(baseline.startDates).filter(([key]) => !hidden(key)),
            ),
          }
        : {}),
      byName: nameOf(names, baseline.by),
      day: dayOf(baseline),
      against: progress ? progressAgainst(baseline, progress) : null,
    })),
    variance: variance
      ? { ...variance, issues: variance.issues.filter((issue) => !hidden(issue.key)) }
      : null,
    series: baselineSeries(
      days.map((day) => ({
        day: day.day,
        varianceDays: day.row[2][varianceAt]?.[0] ?? null,
        scopePercent: day.row[2][scopeAt]?.[0] ?? null,
        issues: day.row[3][0] + day.row[3][2],
      })),
      baselines.map((baseline) => markOf(baseline, dayOf(baseline))),
    ),
    captures,
    canSet: editor.canEdit,
  };
}
