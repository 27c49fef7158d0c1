/** Issue key helpers. Jira issue keys are "<PROJECT>-<number>". */

/** The project key part of an issue key ("ABC-12" -> "ABC"); the whole key when it has no dash. */
export function projectOfKey(issueKey: string): string {
  const dash = issueKey.lastIndexOf('-');
  return dash > 0 ? issueKey.slice(0, dash) : issueKey;
}

/** Orders keys the way people read them: by project, then by issue number ("A-9" before "A-10"). */
export function compareIssueKeys(a: string, b: string): number {
  if (a === b) return 0;
  const da = a.lastIndexOf('-');
  const db = b.lastIndexOf('-');
  if (da > 0 && db > 0) {
    const pa = a.slice(0, da);
    const pb = b.slice(0, db);
    if (pa !== pb) return pa < pb ? -1 : 1;
    const na = Number(a.slice(da + 1));
    const nb = Number(b.slice(db + 1));
    if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  }
  return a < b ? -1 : 1;
}

/**
 * Keeps the `limit` smallest items under `compare`, in order, without sorting everything: adding n items
 * costs O(n * limit), which for the handful of example keys a report shows beats a full sort.
 */
export class TopN<T> {
  readonly items: T[] = [];
  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  add(item: T): void {
    if (this.limit <= 0) return;
    const items = this.items;
    if (items.length === this.limit) {
      const last = items[items.length - 1] as T;
      if (this.compare(item, last) >= 0) return;
      items.pop();
    }
    let i = items.length;
    while (i > 0 && this.compare(item, items[i - 1] as T) < 0) i--;
    items.splice(i, 0, item);
  }
}
