/**
 * Jira's search index is eventually consistent: after an edit or a transition, `search/jql` (and the
 * approximate count) keep matching and returning the issue as it was until the index catches up,
 * unless the request names the issue in `reconcileIssues`. Reads by id or key (GET issue, bulkfetch)
 * are always current. Issue property writes are searchable at once here (a simplification).
 */
import type { SimIssue } from './types';

interface Lagging {
  /** The issue as the index still has it. */
  indexed: SimIssue;
  /** Site-clock ms from which search sees the current issue. */
  visibleAt: number;
}

export class SearchLag {
  private readonly lagging = new Map<number, Lagging>();

  /** The issue as it is before a write; keep it with `record` only if the write succeeds. */
  static capture(issue: SimIssue): SimIssue {
    return { ...issue, labels: [...issue.labels] };
  }

  /**
   * A write to `before.id` succeeded at `now`. The index keeps the oldest state it has not caught up
   * with; every further write pushes the moment search sees the issue to `now + lagMs`.
   */
  record(before: SimIssue, now: number, lagMs: number): void {
    if (lagMs <= 0) return;
    const pending = this.lagging.get(before.id);
    const indexed = pending && pending.visibleAt > now ? pending.indexed : before;
    this.lagging.set(before.id, { indexed, visibleAt: now + lagMs });
  }

  /** Whether any issue is still stale in the index at `now` (search caches must not be used then). */
  active(now: number): boolean {
    for (const [id, entry] of this.lagging) {
      if (entry.visibleAt > now) return true;
      this.lagging.delete(id);
    }
    return false;
  }

  /** The issue as search sees it at `now`; `reconcile` lists issue ids the request asked to be current. */
  view(issue: SimIssue, now: number, reconcile: ReadonlySet<number>): SimIssue {
    const entry = this.lagging.get(issue.id);
    if (!entry || entry.visibleAt <= now || reconcile.has(issue.id)) return issue;
    return entry.indexed;
  }

  clear(): void {
    this.lagging.clear();
  }
}
