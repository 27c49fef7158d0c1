/** A candidate's place and score under one scoring configuration (absent: not ranked under it). */
export interface Standing {
  rank: number | null;
  score: number | null;
}

export interface RankChange {
  id: string;
  rankBefore: number | null;
  rankAfter: number | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
}

/** How far a change moves a candidate: entering or leaving the ranking counts past any move within it. */
function distance(change: RankChange, size: number): number {
  if (change.rankBefore === null || change.rankAfter === null) return size + 1;
  return Math.abs(change.rankBefore - change.rankAfter);
}

/**
 * The candidates whose rank differs between two rankings (entering it, leaving it, or moving), the
 * biggest moves first (then by the new rank, then by id), cut to `top`; `moved` counts them all.
 */
export function rankChanges(
  before: ReadonlyMap<string, Standing>,
  after: ReadonlyMap<string, Standing>,
  top: number,
): { moved: number; compared: number; changes: RankChange[] } {
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const changes = ids
    .map((id) => ({
      id,
      rankBefore: before.get(id)?.rank ?? null,
      rankAfter: after.get(id)?.rank ?? null,
      scoreBefore: before.get(id)?.score ?? null,
      scoreAfter: after.get(id)?.score ?? null,
    }))
    .filter((change) => change.rankBefore !== change.rankAfter);
  const size = ids.length;
  changes.sort(
    (a, b) =>
      distance(b, size) - distance(a, size) ||
      (a.rankAfter ?? Number.MAX_SAFE_INTEGER) - (b.rankAfter ?? Number.MAX_SAFE_INTEGER) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { moved: changes.length, compared: size, changes: changes.slice(0, Math.max(0, top)) };
}
