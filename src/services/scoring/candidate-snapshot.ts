import { AppError } from '../../domain/errors';
import type { StatusCategoryKey } from '../../domain/model';
import { type CandidatePhase, candidatePhase } from '../../domain/scoring/candidate-phase';
import { stageLookup } from '../../domain/standards/lifecycle';
import type { Lifecycle } from '../../domain/standards/schema';
import { readParsed } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { loadSnapshot } from '../portfolio/get-portfolio-report';
import { snapshotKeys } from '../snapshots/keys';
import { CurrentSnapshotSchema } from '../snapshots/records';

/** The portfolio whose snapshot candidates are read from: every project the app sees. */
export const CANDIDATE_SNAPSHOT_PORTFOLIO = 'all';

/** A candidate as the last refresh read it. */
export interface SnapshotCandidate {
  status: { name: string; category: StatusCategoryKey };
  estimate: number | null;
}

export interface CandidateSnapshot {
  /** When the snapshot's data was read; null when there is no snapshot yet. */
  asOf: string | null;
  /** The candidate by issue key, or undefined when the snapshot does not hold it. */
  find(issueKey: string): SnapshotCandidate | undefined;
}

/**
 * Status and estimate of candidates from the whole-site portfolio snapshot (parsed once per
 * snapshot and cached with the portfolio page's), so the ranking shows where each proposal stands
 * now rather than as its last scorer saw it. Reads no Jira.
 */
export async function readCandidateSnapshot(deps: AppDeps, actor: Actor): Promise<CandidateSnapshot> {
  const portfolioId = CANDIDATE_SNAPSHOT_PORTFOLIO;
  const pointer = await readParsed(deps.store, snapshotKeys(portfolioId).current, CurrentSnapshotSchema);
  const none: CandidateSnapshot = { asOf: null, find: () => undefined };
  if (!pointer) return none;
  let data: Awaited<ReturnType<typeof loadSnapshot>>;
  try {
    data = await loadSnapshot(deps, actor, portfolioId, pointer);
  } catch (error) {
    // A snapshot being replaced this instant: rank from the stored values rather than fail the view.
    if (error instanceof AppError && error.code === 'NOT_READY') return none;
    throw error;
  }
  return {
    asOf: data.asOf,
    find(issueKey) {
      const facts = Object.hasOwn(data.facts, issueKey) ? data.facts[issueKey] : undefined;
      if (!facts) return undefined;
      const row = Object.hasOwn(data.chunk.issues, issueKey) ? data.chunk.issues[issueKey] : undefined;
      return { status: facts.status, estimate: row ? row[6] : null };
    },
  };
}

/** Where a candidate stands now: from the snapshot, or as its last scorer saw it when the snapshot lacks it. */
export interface CandidateStanding extends SnapshotCandidate {
  stage: string | null;
  source: 'snapshot' | 'scorer';
  phase: CandidatePhase;
}

export function candidateStanding(
  lifecycle: Lifecycle,
  snapshot: CandidateSnapshot,
  issueKey: string,
  asScored: SnapshotCandidate,
): CandidateStanding {
  const now = snapshot.find(issueKey);
  const { status, estimate } = now ?? asScored;
  const stageIndex = stageLookup(lifecycle).indexOfStatus(status.name);
  return {
    status,
    estimate,
    stage: stageIndex === undefined ? null : (lifecycle.stages[stageIndex]?.name ?? null),
    source: now ? 'snapshot' : 'scorer',
    phase: candidatePhase(status.category, stageIndex),
  };
}
