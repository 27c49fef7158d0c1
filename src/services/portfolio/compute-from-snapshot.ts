import { chunkBasis, computePortfolioFromChunk, type PortfolioReport } from '../../domain/portfolio';
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
): Omit<PortfolioReport, 'meta'> {
  const saved = live.version > 0 ? live.config.engine : null;
  const settings = saved && chunkBasis(saved) === data.chunk.basis ? saved : data.settings;
  const compliance = part.compliance ?? null;
  const computation = computePortfolioFromChunk(part.chunk, part.projects, settings, now, {
    overrides: live.config.overrides,
    ...(compliance
      ? {
          compliance: Object.fromEntries(
            compliance.projects.map((project) => [
              project.projectKey,
              { compliant: project.compliant, evaluated: project.evaluated },
            ]),
          ),
        }
      : {}),
  });
  return { ...computation, compliance };
}
