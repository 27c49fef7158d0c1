import type { BaselineMark } from '../../domain/history/baseline';
import { chunkBasis, computePortfolioFromChunk, type PortfolioReport } from '../../domain/portfolio';
import { withMappedRiskFields } from '../../domain/settings';
import { complianceHealthInputs } from '../../domain/standards/compliance-report';
import type { LiveConfig } from '../settings/live-config';
import type { SnapshotData } from '../snapshots/records';

/**
 * The report of (a part of) a snapshot with the live settings: thresholds and overrides published
 * since the snapshot apply at once; link and RAID settings need a refresh (they shape the chunk).
 */
export function computeFromSnapshot(
  data: SnapshotData,
  part: Pick<SnapshotData, 'projects' | 'chunk' | 'compliance'>,
  live: LiveConfig,
  now: Date,
  /** Each project's newest baseline (schedule variance and scope change), by project key. */
  baselines: Readonly<Record<string, BaselineMark>> = {},
): Omit<PortfolioReport, 'meta'> {
  // Risk fields left on "find by name" resolve as they did for the snapshot (a publish reads it again).
  const saved =
    live.version > 0
      ? withMappedRiskFields(live.config.engine, {
          roam: live.config.fieldMapping.roam ?? data.settings.riskRoamFieldId ?? undefined,
          riskOwner: live.config.fieldMapping.riskOwner ?? data.settings.riskOwnerFieldId ?? undefined,
        })
      : null;
  const settings = saved && chunkBasis(saved) === data.chunk.basis ? saved : data.settings;
  const compliance = part.compliance ?? null;
  const computation = computePortfolioFromChunk(part.chunk, part.projects, settings, now, {
    overrides: live.config.overrides,
    baselines,
    ...(compliance
      ? { compliance: complianceHealthInputs(compliance, settings.complianceHealth.counts) }
      : {}),
  });
  return {
    ...computation,
    compliance: compliance
      ? {
          ...compliance,
          thresholds: settings.health.compliance,
          healthCounts: settings.complianceHealth.counts,
        }
      : null,
  };
}
