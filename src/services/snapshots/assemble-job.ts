import { randomUUID } from 'node:crypto';
import type { PmoConfig } from '../../domain/config/schema';
import { projectOfKey } from '../../domain/dependencies/keys';
import { type IssueRow, mergeAllChunks, type PortfolioChunk } from '../../domain/portfolio';
import { mergeFacts, type StoredFactsMap, toEvaluatedFacts } from '../../domain/snapshot/stored-facts';
import { ComplianceAccumulator, type ComplianceReport } from '../../domain/standards/compliance-report';
import type { Ticks } from '../../domain/standards/evaluation';
import type { Job } from '../../jobs/job';
import { deleteBlob, readBlob, writeBlob } from '../../storage/blob';
import { queryAll, readParsed } from '../../storage/store';
import { evaluateAlerts } from '../alerts/evaluate-alerts';
import type { AppDeps } from '../deps';
import { recordHistoryDay } from '../history/record-history';
import { startHistoryBackfill } from '../history/start-backfill';
import { loadLiveConfig } from '../settings/live-config';
import { loadAllTicks } from '../standards/checklist-store';
import { evaluatorFor } from '../standards/issue-standards';
import { DIRTY_JOB_PROJECT, snapshotKeys } from './keys';
import {
  type CurrentSnapshot,
  CurrentSnapshotSchema,
  PartSchema,
  type ProjectDone,
  ProjectDoneSchema,
  type RunPlan,
  RunPlanSchema,
  type RunResult,
  type SnapshotData,
  SnapshotDataSchema,
} from './records';
import { failRun } from './start-refresh';

type AssembleJob = Extract<Job, { kind: 'assemble-portfolio' }>;

/** Runs kept in the run history (their small records; chunks and plans are deleted). */
export const RUNS_KEPT = 30;

/**
 * The last job of a run: merges the stored parts (onto the previous snapshot, for an incremental
 * run), evaluates the standards, writes the new snapshot and only then switches the pointer, so a
 * reader sees the previous snapshot or the new one, never a mix. Superseded data is deleted.
 */
export async function runAssembleJob(deps: AppDeps, job: AssembleJob): Promise<void> {
  const keys = snapshotKeys(job.portfolioId);
  const run = keys.run(job.seq);
  if ((await deps.store.get(run.result)) !== undefined) return;
  const plan = await readBlob(deps.store, run.plan, RunPlanSchema);
  if (!plan) return;
  try {
    const done = await readDoneMarkers(deps, run.donePrefix);
    const base =
      plan.baseSeq === null
        ? null
        : await readBlob(deps.store, keys.snapshot(plan.baseSeq), SnapshotDataSchema);
    if (plan.mode === 'incremental' && !base)
      throw new Error('The snapshot this refresh builds on is gone; the next refresh reads everything.');
    const parts = [];
    for (const marker of done) {
      for (let part = 0; part < marker.parts; part++) {
        const stored = await readBlob(deps.store, run.part(marker.projectKey, part), PartSchema);
        if (!stored) throw new Error(`Part ${part} of ${marker.projectKey} is missing`);
        parts.push(stored);
      }
    }
    const failed = new Map(
      done
        .filter((marker) => marker.failed !== null)
        .map((marker) => [marker.projectKey, marker.failed as string]),
    );
    const merged = mergeRun(plan, base ?? null, parts, failed);
    const live = await loadLiveConfig(deps);
    const ticks = await loadAllTicks(deps.store);
    const compliance = evaluateCompliance(live.config, plan, merged.facts, ticks);
    const totals = done.reduce(
      (sum, marker) => ({
        points: sum.points + marker.points,
        requests: sum.requests + marker.requests,
        issues: sum.issues + marker.issues,
      }),
      { points: plan.points, requests: plan.requests, issues: 0 },
    );
    const stale = [...failed]
      .filter(([projectKey]) => projectKey !== DIRTY_JOB_PROJECT)
      .map(([projectKey, reason]) => ({ projectKey, reason }));
    if (failed.has(DIRTY_JOB_PROJECT)) {
      throw new Error(`Changed issues could not be re-read: ${failed.get(DIRTY_JOB_PROJECT)}`);
    }
    const snapshot: SnapshotData = {
      seq: plan.seq,
      portfolioId: plan.portfolioId,
      asOf: plan.startedAt,
      projects: projectsOfSnapshot(plan, merged.chunk, stale),
      covered: plan.projects.map((project) => project.key),
      stale,
      incomplete: incompleteProjects(
        merged.chunk,
        stale.map((entry) => entry.projectKey),
      ),
      settings: plan.settings,
      settingsVersion: plan.settingsVersion,
      chunk: merged.chunk,
      facts: merged.facts,
      startDateField: plan.mapping.startDate ?? null,
      compliance,
      points: totals.points,
      requests: totals.requests,
    };
    await writeBlob(deps.store, keys.snapshot(plan.seq), snapshot);
    const previous = await readParsed(deps.store, keys.current, CurrentSnapshotSchema);
    const pointer: CurrentSnapshot = {
      seq: plan.seq,
      id: randomUUID(),
      asOf: plan.startedAt,
      completedAt: deps.now().toISOString(),
      mode: plan.mode,
      lastFullAt: plan.mode === 'full' || !previous ? plan.startedAt : previous.lastFullAt,
      startedAtMs: plan.startedAtMs,
    };
    await deps.store.set(keys.current, pointer);
    const result: RunResult = {
      status: 'done',
      mode: plan.mode,
      projects: plan.projects.length,
      endedAt: deps.now().toISOString(),
      ...totals,
      staleProjects: stale.map((entry) => entry.projectKey),
      reason: null,
    };
    await deps.store.setIfAbsent(run.result, result);
    await cleanUp(deps, plan, done, previous);
    await recordHistoryDay(deps, snapshot, live).catch((error: unknown) => {
      // The snapshot stands without it; the day is recorded again by the next refresh.
      deps.logger.warn('could not record the history day', { portfolioId: plan.portfolioId }, error);
    });
    await startHistoryBackfill(deps, snapshot, live).catch((error: unknown) => {
      // Tried again after the next refresh.
      deps.logger.warn('could not start the history backfill', { portfolioId: plan.portfolioId }, error);
    });
    await evaluateAlerts(deps, snapshot, live).catch((error: unknown) => {
      // The snapshot stands; the next run compares with the last evaluated one and finds these changes.
      deps.logger.warn('could not evaluate alerts', { portfolioId: plan.portfolioId }, error);
    });
  } catch (error) {
    await failRun(deps, job.portfolioId, job.seq, error);
  }
}

/**
 * The portfolio's projects. A JQL portfolio holds the projects its query matches, not every
 * project the app can see; a project that could not be read stays listed, marked stale.
 */
function projectsOfSnapshot(
  plan: RunPlan,
  chunk: PortfolioChunk,
  stale: readonly { projectKey: string }[],
): RunPlan['projects'] {
  if (plan.scopeJql === null) return plan.projects;
  const matched = new Set(stale.map((entry) => entry.projectKey));
  for (const key of Object.keys(chunk.issues)) matched.add((chunk.issues[key] as IssueRow)[0]);
  return plan.projects.filter((project) => matched.has(project.key));
}

/**
 * Projects whose figures are incomplete: the stale ones, and, when a stale project has no data at
 * all (its first read failed), every project blocked by or blocking one of its issues, since its
 * dependency figures are missing the other end.
 */
function incompleteProjects(chunk: PortfolioChunk, staleProjects: readonly string[]): string[] {
  const stale = new Set(staleProjects);
  if (stale.size === 0) return [];
  const withRows = new Set<string>();
  for (const key of Object.keys(chunk.issues)) withRows.add((chunk.issues[key] as IssueRow)[0]);
  const empty = new Set([...stale].filter((projectKey) => !withRows.has(projectKey)));
  if (empty.size === 0) return [...stale].sort();
  const result = new Set(stale);
  for (const key of Object.keys(chunk.issues)) {
    const row = chunk.issues[key] as IssueRow;
    if ([...row[7], ...row[8]].some((other) => empty.has(projectOfKey(other)))) result.add(row[0]);
  }
  return [...result].sort();
}

async function readDoneMarkers(deps: AppDeps, prefix: string): Promise<ProjectDone[]> {
  const markers: ProjectDone[] = [];
  for await (const entry of queryAll(deps.store, prefix)) markers.push(ProjectDoneSchema.parse(entry.value));
  return markers;
}

interface Merged {
  chunk: PortfolioChunk;
  facts: StoredFactsMap;
}

/**
 * The snapshot's rows: a full run's parts, or the previous snapshot with the changed issues laid
 * over it. Issues deleted, moved out of the portfolio or no longer readable are removed, and
 * links that named them are rewritten, so the result equals what a full read would give.
 */
export function mergeRun(
  plan: RunPlan,
  base: SnapshotData | null,
  parts: readonly { chunk: PortfolioChunk; facts: StoredFactsMap }[],
  failed: ReadonlyMap<string, string>,
): Merged {
  const inScope = new Set(plan.projects.map((project) => project.key));
  const fresh = mergeFacts(parts.map((part) => part.facts));
  const freshChunk = mergeAllChunks(
    parts.map((part) => part.chunk),
    plan.settings,
  );
  if (plan.mode === 'full') {
    if (!base || failed.size === 0 || base.chunk.basis !== freshChunk.basis) {
      return finish(plan, freshChunk, fresh, inScope, new Map());
    }
    // A project that could not be read keeps its last complete data (and is marked stale), so what
    // other projects link to in it (date conflicts, blocked chains) does not silently vanish.
    const keptRows: Record<string, IssueRow> = Object.create(null);
    const keptFacts: StoredFactsMap = Object.create(null);
    for (const key of Object.keys(base.chunk.issues)) {
      const row = base.chunk.issues[key] as IssueRow;
      if (!failed.has(row[0]) || !inScope.has(row[0])) continue;
      keptRows[key] = row;
      const facts = base.facts[key];
      if (facts) keptFacts[key] = facts;
    }
    const kept: PortfolioChunk = { ...base.chunk, issues: keptRows, linked: Object.create(null) };
    return finish(
      plan,
      mergeAllChunks([kept, freshChunk], plan.settings),
      mergeFacts([keptFacts, fresh]),
      inScope,
      new Map(),
    );
  }
  if (!base) return finish(plan, freshChunk, fresh, inScope, new Map());

  // Old key -> new key (moved) or null (gone), found by issue id.
  const rename = new Map<string, string | null>();
  const freshKeyOfId = new Map<string, string>();
  for (const key of Object.keys(fresh)) freshKeyOfId.set((fresh[key] as StoredFactsMap[string]).id, key);
  const deleted = new Set(plan.deletedIssueIds);
  const dirty = new Set(plan.dirtyIssueIds);
  for (const key of Object.keys(base.facts)) {
    const { id } = base.facts[key] as StoredFactsMap[string];
    const now = freshKeyOfId.get(id);
    if (now !== undefined && now !== key) rename.set(key, now);
    else if (deleted.has(id) || deleted.has(key)) rename.set(key, null);
    // Named by an event but not found when re-read: deleted, or no longer visible to the app.
    else if ((dirty.has(id) || dirty.has(key)) && now === undefined && !failed.has(DIRTY_JOB_PROJECT)) {
      rename.set(key, null);
    }
  }
  const baseRows: Record<string, IssueRow> = Object.create(null);
  const baseFacts: StoredFactsMap = Object.create(null);
  for (const key of Object.keys(base.chunk.issues)) {
    if (rename.has(key)) continue;
    const row = base.chunk.issues[key] as IssueRow;
    // Projects that left the scope drop out; a failed project keeps its last complete data.
    if (!inScope.has(row[0])) continue;
    baseRows[key] = row;
    const facts = base.facts[key];
    if (facts) baseFacts[key] = facts;
  }
  const baseChunk: PortfolioChunk = { ...base.chunk, issues: baseRows, linked: base.chunk.linked };
  const chunk = mergeAllChunks([baseChunk, freshChunk], plan.settings);
  const facts = mergeFacts([baseFacts, fresh]);
  return finish(plan, chunk, facts, inScope, rename);
}

/** Removes rows outside the scope, rewrites links to renamed or gone issues, refreshes link statuses. */
function finish(
  _plan: RunPlan,
  chunk: PortfolioChunk,
  facts: StoredFactsMap,
  inScope: ReadonlySet<string>,
  rename: ReadonlyMap<string, string | null>,
): Merged {
  const rewrite = (keys: readonly string[]) => {
    if (rename.size === 0) return keys as string[];
    const out: string[] = [];
    for (const key of keys) {
      const target = rename.has(key) ? rename.get(key) : key;
      if (target !== null && target !== undefined && !out.includes(target)) out.push(target);
    }
    return out;
  };
  const issues: Record<string, IssueRow> = Object.create(null);
  for (const key of Object.keys(chunk.issues)) {
    const row = chunk.issues[key] as IssueRow;
    if (!inScope.has(row[0])) continue;
    issues[key] = [
      row[0],
      row[1],
      row[2],
      row[3],
      row[4],
      row[5],
      row[6],
      rewrite(row[7]),
      rewrite(row[8]),
      row[9],
    ];
  }
  const linked: PortfolioChunk['linked'] = Object.create(null);
  for (const key of Object.keys(chunk.linked)) {
    const target = rename.has(key) ? rename.get(key) : key;
    if (target === null || target === undefined || issues[target] !== undefined) continue;
    linked[target] = chunk.linked[key] ?? null;
  }
  // Links carry the other issue's status as it was when this issue was read: use the newest reading.
  const keptFacts: StoredFactsMap = Object.create(null);
  const categories = ['new', 'indeterminate', 'done'] as const;
  for (const key of Object.keys(facts)) {
    const entry = facts[key] as StoredFactsMap[string];
    if (issues[key] === undefined) continue;
    const links = entry.links
      .map((link) => {
        const target = rename.has(link.otherKey) ? rename.get(link.otherKey) : link.otherKey;
        if (target === null || target === undefined) return null;
        const row = issues[target];
        return {
          ...link,
          otherKey: target,
          otherStatusCategory: row ? categories[row[1]] : link.otherStatusCategory,
        };
      })
      .filter((link): link is NonNullable<typeof link> => link !== null);
    keptFacts[key] = { ...entry, links };
  }
  return { chunk: { ...chunk, issues, linked }, facts: keptFacts };
}

function evaluateCompliance(
  config: PmoConfig,
  plan: RunPlan,
  facts: StoredFactsMap,
  ticks: ReadonlyMap<string, Ticks>,
): ComplianceReport {
  const accumulator = new ComplianceAccumulator(
    evaluatorFor(config, { mapping: plan.standardsMapping, fieldNames: plan.fieldNames, statuses: [] }),
    config.standards,
    config.lifecycle,
  );
  for (const key of Object.keys(facts).sort()) {
    const stored = facts[key] as StoredFactsMap[string];
    accumulator.add(toEvaluatedFacts(key, stored, ticks.get(stored.id) ?? {}), stored.summary);
  }
  return accumulator.result();
}

/** Deletes this run's parts and plan, the snapshot it replaced, and runs beyond the history kept. */
async function cleanUp(
  deps: AppDeps,
  plan: RunPlan,
  done: readonly ProjectDone[],
  previous: CurrentSnapshot | undefined,
): Promise<void> {
  const keys = snapshotKeys(plan.portfolioId);
  const run = keys.run(plan.seq);
  for (const marker of done) {
    for (let part = 0; part < marker.parts; part++)
      await deleteBlob(deps.store, run.part(marker.projectKey, part));
  }
  await deleteBlob(deps.store, run.plan);
  if (previous && previous.seq !== plan.seq) await deleteBlob(deps.store, keys.snapshot(previous.seq));
  const expired = plan.seq - RUNS_KEPT;
  if (expired >= 1) await deleteRunRecords(deps, plan.portfolioId, expired);
}

async function deleteRunRecords(deps: AppDeps, portfolioId: string, seq: number): Promise<void> {
  const prefix = snapshotKeys(portfolioId).run(seq).prefix;
  for (;;) {
    const page = await deps.store.query(prefix, { limit: 100 });
    if (page.results.length === 0) return;
    await Promise.all(page.results.map((entry) => deps.store.delete(entry.key)));
  }
}
