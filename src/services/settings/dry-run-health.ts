import type { DryRunResult } from '../../contracts/settings';
import type { PmoConfig } from '../../domain/config/schema';
import type { ProjectHealth } from '../../domain/health/health';
import { chunkBasis, computePortfolioFromChunk } from '../../domain/portfolio';
import { type EngineSettings, withMappedRiskFields } from '../../domain/settings';
import { toEvaluatedFacts } from '../../domain/snapshot/stored-facts';
import { chunkForViewer, type ViewerScope } from '../../domain/snapshot/viewer-filter';
import {
  ComplianceAccumulator,
  type ComplianceReport,
  complianceHealthInputs,
} from '../../domain/standards/compliance-report';
import type { Ticks } from '../../domain/standards/evaluation';
import { readParsed } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { readLatestBaselines } from '../history/latest-baselines';
import { loadSnapshot } from '../portfolio/get-portfolio-report';
import { snapshotKeys } from '../snapshots/keys';
import { CurrentSnapshotSchema, type SnapshotData } from '../snapshots/records';
import { viewerAccess } from '../snapshots/viewer-access';
import { evaluatorFor } from '../standards/issue-standards';
import type { StandardsSite } from '../standards/standards-site';

/** The portfolio whose snapshot the dry run compares health on: every project. */
const ALL_PROJECTS = 'all';

export interface HealthSide {
  config: PmoConfig;
  /** The engine settings the portfolio page computes with under this configuration. */
  engine: EngineSettings | null;
  site: StandardsSite;
}

type HealthImpact = NonNullable<DryRunResult['health']>;

/**
 * Which projects' RAG the candidate settings would change, and why: the "All projects" snapshot (no
 * Jira read), cut down to what the editor may browse, computed once with the live settings and once
 * with the candidate's (thresholds, risk matrix, stale days, overrides; standards re-evaluated on the
 * snapshot's stored facts with the same ticks, so only the settings differ). Link, RAID-type and risk
 * field changes in the draft need the issues read again: `needsRefresh` says so, nothing is guessed. Null when
 * no snapshot exists yet.
 */
export async function dryRunHealth(
  deps: AppDeps,
  actor: Actor,
  live: HealthSide,
  candidate: HealthSide,
  ticks: ReadonlyMap<string, Ticks>,
): Promise<HealthImpact | null> {
  const pointer = await readParsed(deps.store, snapshotKeys(ALL_PROJECTS).current, CurrentSnapshotSchema);
  if (!pointer) return null;
  const [data, baselines] = await Promise.all([
    loadSnapshot(deps, actor, ALL_PROJECTS, pointer),
    readLatestBaselines(deps, ALL_PROJECTS),
  ]);
  const access = await viewerAccess(deps, actor.accountId, data);
  const projects = data.projects.filter((project) => access.browsable.has(project.key));
  const chunk = chunkForViewer(data.chunk, access);
  const standardsChanged = standardsPart(live.config) !== standardsPart(candidate.config);
  const now = deps.now();
  const healthUnder = (side: HealthSide) => {
    const compliance = standardsChanged ? evaluateCompliance(side, data, access, ticks) : data.compliance;
    const settings = onSnapshotBasis(side.engine, data);
    const report = computePortfolioFromChunk(chunk, projects, settings, now, {
      overrides: side.config.overrides,
      baselines,
      ...(compliance
        ? { compliance: complianceHealthInputs(compliance, settings.complianceHealth.counts) }
        : {}),
    });
    return new Map(report.projects.map((project) => [project.key, project.health]));
  };
  const before = healthUnder(live);
  const after = healthUnder(candidate);
  const changes: HealthImpact['changes'] = [];
  for (const project of projects) {
    const from = before.get(project.key);
    const to = after.get(project.key);
    if (!from || !to || from.rag === to.rag) continue;
    changes.push({
      projectKey: project.key,
      projectName: project.name,
      from: from.rag,
      to: to.rag,
      reasons: reasonsOfChange(from, to),
    });
  }
  changes.sort((a, b) => a.projectKey.localeCompare(b.projectKey));
  // Only what the draft itself changes about collection needs a refresh to show.
  // Risk fields resolve as the page resolves them (a mapping on "find by name" keeps the snapshot's).
  const basisOf = (side: HealthSide) =>
    chunkBasis(
      side.engine === null
        ? data.settings
        : withMappedRiskFields(side.engine, {
            roam: side.config.fieldMapping.roam ?? data.settings.riskRoamFieldId ?? undefined,
            riskOwner: side.config.fieldMapping.riskOwner ?? data.settings.riskOwnerFieldId ?? undefined,
          }),
    );
  return {
    asOf: data.asOf,
    projects: projects.length,
    changes,
    needsRefresh: basisOf(candidate) !== basisOf(live),
  };
}

/** What changed and why, with the candidate's reasons: each indicator whose RAG moved, and the override. */
function reasonsOfChange(from: ProjectHealth, to: ProjectHealth): HealthImpact['changes'][number]['reasons'] {
  const reasons: HealthImpact['changes'][number]['reasons'] = [];
  for (const indicator of to.indicators) {
    const previous = from.indicators.find((candidate) => candidate.name === indicator.name);
    if (previous && previous.rag === indicator.rag) continue;
    reasons.push({
      indicator: indicator.name,
      from: previous?.rag ?? 'none',
      to: indicator.rag,
      reason: indicator.reason,
    });
  }
  const overrideBefore = from.override?.rag ?? null;
  const overrideAfter = to.override?.rag ?? null;
  if (overrideBefore !== overrideAfter || from.override?.reason !== to.override?.reason) {
    reasons.push({
      indicator: 'override',
      from: overrideBefore ?? from.computedRag,
      to: overrideAfter ?? to.computedRag,
      reason: to.override
        ? `Set by the PMO: ${to.override.reason}`
        : 'No manual override: the computed RAG applies.',
    });
  }
  return reasons;
}

/**
 * The engine settings as the page would apply them to this snapshot: thresholds, risk matrix and stale
 * days from `engine`; what decided how the issues were collected (links, RAID types, risk fields) from
 * the snapshot, since changing it needs a refresh. The built-in defaults (no engine) keep the snapshot's.
 */
function onSnapshotBasis(engine: EngineSettings | null, data: SnapshotData): EngineSettings {
  if (engine === null) return data.settings;
  const { blockingLinks, raidTypes, riskRoamFieldId, riskOwnerFieldId } = data.settings;
  return { ...engine, blockingLinks, raidTypes, riskRoamFieldId, riskOwnerFieldId };
}

function standardsPart(config: PmoConfig): string {
  return JSON.stringify([config.standards, config.lifecycle, config.fieldMapping]);
}

/** Compliance per project under `side`'s standards, on the snapshot's stored facts of browsable projects. */
function evaluateCompliance(
  side: HealthSide,
  data: SnapshotData,
  viewer: ViewerScope,
  ticks: ReadonlyMap<string, Ticks>,
): ComplianceReport {
  const accumulator = new ComplianceAccumulator(
    evaluatorFor(side.config, side.site),
    side.config.standards,
    side.config.lifecycle,
  );
  for (const key of Object.keys(data.facts).sort()) {
    const stored = data.facts[key];
    if (!stored || !viewer.browsable.has(stored.projectKey)) continue;
    accumulator.add(toEvaluatedFacts(key, stored, ticks.get(stored.id) ?? {}), stored.summary);
  }
  return accumulator.result();
}
