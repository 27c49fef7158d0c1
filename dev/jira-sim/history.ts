/**
 * The generated site's past: for every issue the generator made, a timeline of its status,
 * resolution and due date since `created`, and when each of its links was added (and, for a few
 * links that no longer exist, removed). The timeline is derived deterministically from the issue's
 * generated state (its own seed stream, so no generated value moves), and ends in that state: the
 * changelogs Jira would show replay backwards from the current issue to the issue as it was created.
 * `stateAt` tells what the site looked like at an instant, for tests of reconstruction.
 */
import { LINK_TYPE, STATUS } from './catalog';
import { statusCategoryOf } from './generator';
import { Prng, subSeed } from './prng';
import type { ChangeEntry, ChangeItem } from './state';
import { DAY_MS, dateToMs, HOUR_MS, isoDate } from './time';
import type { SimDataset, SimLinkType, SimStatus } from './types';

interface Baseline {
  id: number;
  key: string;
  projectIdx: number;
  statusId: string;
  resolutionId: string | null;
  resolved: number | null;
  statusChanged: number;
  created: number;
  updated: number;
  duedate: string | null;
  author: string;
}

interface Step<T> {
  at: number;
  value: T;
}

/** One issue's generated past: each list starts at `created` and ends in the generated state. */
export interface IssueTimeline {
  statuses: Step<string>[];
  resolutions: Step<string | null>[];
  dues: Step<string | null>[];
}

/** A link's life: `from <type.outward> to` between `added` and `removed` (null: it still exists). */
export interface LinkSpan {
  typeId: string;
  from: number;
  to: number;
  added: number;
  removed: number | null;
}

/** An issue as it was at an instant. */
export interface IssueStateAt {
  id: number;
  key: string;
  statusId: string;
  resolutionId: string | null;
  /** When it was resolved, if it was resolved then. */
  resolved: number | null;
  duedate: string | null;
}

/** Share of issues that had a Blocks link which was removed later. */
const REMOVED_LINK_SHARE = 0.01;

export class SimHistory {
  private readonly baseline = new Map<number, Baseline>();
  private readonly baselineLinks: { id: number; typeId: string; from: number; to: number }[];
  private spans: LinkSpan[] | null = null;
  private spansByIssue: Map<number, LinkSpan[]> | null = null;
  constructor(private readonly dataset: SimDataset) {
    for (const issue of dataset.issues) {
      this.baseline.set(issue.id, {
        id: issue.id,
        key: issue.key,
        projectIdx: issue.projectIdx,
        statusId: issue.statusId,
        resolutionId: issue.resolutionId,
        resolved: issue.resolved,
        statusChanged: issue.statusChanged,
        created: issue.created,
        updated: issue.updated,
        duedate: issue.duedate,
        author: issue.assignee ?? issue.reporter,
      });
    }
    this.baselineLinks = dataset.links.map((link) => ({ ...link }));
  }

  /** The generated past of an issue the generator made; undefined for issues created since. */
  timeline(issueId: number): IssueTimeline | undefined {
    const issue = this.baseline.get(issueId);
    return issue ? timelineOf(issue, new Prng(subSeed(this.dataset.seed, `history:${issueId}`))) : undefined;
  }

  /** Every generated link's life, the removed ones included. */
  linkSpans(): readonly LinkSpan[] {
    if (this.spans) return this.spans;
    const spans: LinkSpan[] = [];
    for (const link of this.baselineLinks) {
      const a = this.baseline.get(link.from);
      const b = this.baseline.get(link.to);
      if (!a || !b) continue;
      const rng = new Prng(subSeed(this.dataset.seed, `history:link:${link.id}`));
      const earliest = Math.max(a.created, b.created);
      // Linking touches both issues: added no later than both were last updated, when it can be.
      const latest = Math.max(earliest, Math.min(a.updated, b.updated, earliest + 3 * DAY_MS));
      spans.push({ ...link, added: rng.int(earliest, latest), removed: null });
    }
    spans.push(...this.removedLinks());
    this.spans = spans;
    return spans;
  }

  /** Blocks links that were added and later removed between two issues of one project. */
  private removedLinks(): LinkSpan[] {
    const rng = new Prng(subSeed(this.dataset.seed, 'history:removed-links'));
    const byProject = new Map<number, Baseline[]>();
    for (const issue of this.baseline.values()) {
      const list = byProject.get(issue.projectIdx) ?? [];
      list.push(issue);
      byProject.set(issue.projectIdx, list);
    }
    const out: LinkSpan[] = [];
    const wanted = Math.round(this.baseline.size * REMOVED_LINK_SHARE);
    const projects = [...byProject.values()].filter((list) => list.length >= 2);
    for (let tries = 0; out.length < wanted && tries < wanted * 10 && projects.length > 0; tries++) {
      const list = rng.pick(projects);
      const [a, b] = rng.sample(list, 2) as [Baseline, Baseline];
      const added = Math.max(a.created, b.created) + rng.int(HOUR_MS, 2 * DAY_MS);
      const removed = added + rng.int(HOUR_MS, 10 * DAY_MS);
      if (removed > Math.min(a.updated, b.updated)) continue;
      out.push({ typeId: LINK_TYPE.blocks, from: a.id, to: b.id, added, removed });
    }
    return out;
  }

  private linksOf(issueId: number): readonly LinkSpan[] {
    if (!this.spansByIssue) {
      const index = new Map<number, LinkSpan[]>();
      for (const span of this.linkSpans()) {
        for (const end of [span.from, span.to]) {
          const list = index.get(end) ?? [];
          list.push(span);
          index.set(end, list);
        }
      }
      this.spansByIssue = index;
    }
    return this.spansByIssue.get(issueId) ?? [];
  }

  /** The changelog Jira shows for the issue's generated past, oldest first. */
  entries(issueId: number, site: SiteNames): ChangeEntry[] {
    const issue = this.baseline.get(issueId);
    const timeline = this.timeline(issueId);
    if (!issue || !timeline) return [];
    const byTime = new Map<number, ChangeItem[]>();
    const add = (at: number, item: ChangeItem) => {
      const list = byTime.get(at) ?? [];
      list.push(item);
      byTime.set(at, list);
    };
    for (let n = 1; n < timeline.statuses.length; n++) {
      const before = timeline.statuses[n - 1] as Step<string>;
      const step = timeline.statuses[n] as Step<string>;
      add(step.at, statusItem(site, before.value, step.value));
    }
    for (let n = 1; n < timeline.resolutions.length; n++) {
      const before = timeline.resolutions[n - 1] as Step<string | null>;
      const step = timeline.resolutions[n] as Step<string | null>;
      add(step.at, resolutionItem(site, before.value, step.value));
    }
    for (let n = 1; n < timeline.dues.length; n++) {
      const before = timeline.dues[n - 1] as Step<string | null>;
      const step = timeline.dues[n] as Step<string | null>;
      add(step.at, dueDateItem(before.value, step.value));
    }
    const out: ChangeEntry[] = [...byTime]
      .sort(([a], [b]) => a - b)
      .map(([at, items], n) => ({
        id: issueId * 100 + n,
        issueId,
        author: issue.author,
        created: at,
        items,
      }));
    let next = out.length;
    for (const span of this.linksOf(issueId)) {
      const other = this.baseline.get(span.from === issueId ? span.to : span.from);
      const type = site.linkTypes.get(span.typeId);
      if (!other || !type) continue;
      const phrase = `This issue ${span.from === issueId ? type.outward : type.inward} ${other.key}`;
      out.push({
        id: issueId * 100 + next++,
        issueId,
        author: issue.author,
        created: span.added,
        items: [linkItem(null, { key: other.key, text: phrase })],
      });
      if (span.removed !== null) {
        out.push({
          id: issueId * 100 + next++,
          issueId,
          author: issue.author,
          created: span.removed,
          items: [linkItem({ key: other.key, text: phrase }, null)],
        });
      }
    }
    return out.sort((a, b) => a.created - b.created || a.id - b.id);
  }

  /** Every generated issue as it was at `atMs` (issues not created yet are left out). */
  stateAt(atMs: number): IssueStateAt[] {
    const out: IssueStateAt[] = [];
    for (const issue of this.baseline.values()) {
      if (issue.created > atMs) continue;
      const timeline = this.timeline(issue.id) as IssueTimeline;
      const resolution = valueAt(timeline.resolutions, atMs);
      out.push({
        id: issue.id,
        key: issue.key,
        statusId: valueAt(timeline.statuses, atMs).value,
        resolutionId: resolution.value,
        resolved: resolution.value === null ? null : (issue.resolved ?? resolution.at),
        duedate: valueAt(timeline.dues, atMs).value,
      });
    }
    return out;
  }

  /** Links that existed at `atMs` as `from <type.outward> to`, by issue id. */
  linksAt(atMs: number): { typeId: string; from: number; to: number }[] {
    return this.linkSpans()
      .filter((span) => span.added <= atMs && (span.removed === null || span.removed > atMs))
      .map(({ typeId, from, to }) => ({ typeId, from, to }));
  }
}

function valueAt<T>(steps: readonly Step<T>[], atMs: number): Step<T> {
  let current = steps[0] as Step<T>;
  for (const step of steps) {
    if (step.at > atMs) break;
    current = step;
  }
  return current;
}

/**
 * Walks back from the generated state: a done issue went To Do -> In Progress -> done (resolved
 * when it went done); an issue in progress left To Do when its status category last changed,
 * sometimes through In Progress first; some issues waiting in To Do came out of the Backlog; a
 * share of due dates were moved (a slip, or set later).
 */
function timelineOf(issue: Baseline, rng: Prng): IssueTimeline {
  const { created } = issue;
  const category = statusCategoryOf(issue.statusId);
  const statuses: Step<string>[] = [];
  const resolutions: Step<string | null>[] = [{ at: created, value: null }];
  const between = (from: number, to: number) =>
    from + 1 + Math.floor(rng.next() * Math.max(1, to - from - 1));
  if (category === 'done') {
    const resolved = issue.resolved ?? issue.statusChanged;
    if (resolved > created + 2) {
      statuses.push({ at: created, value: STATUS.toDo });
      statuses.push({ at: between(created, resolved), value: STATUS.inProgress });
      statuses.push({ at: resolved, value: issue.statusId });
      resolutions.push({ at: resolved, value: issue.resolutionId });
    } else {
      statuses.push({ at: created, value: issue.statusId });
      resolutions[0] = { at: created, value: issue.resolutionId };
    }
  } else if (category === 'indeterminate') {
    const changed = issue.statusChanged;
    if (changed > created + 2) {
      statuses.push({ at: created, value: STATUS.toDo });
      if (issue.statusId !== STATUS.inProgress && rng.chance(0.6))
        statuses.push({ at: between(created, changed), value: STATUS.inProgress });
      statuses.push({ at: changed, value: issue.statusId });
    } else {
      statuses.push({ at: created, value: issue.statusId });
    }
  } else if (issue.statusId === STATUS.toDo && issue.updated > created + 2 && rng.chance(0.25)) {
    statuses.push({ at: created, value: STATUS.backlog });
    statuses.push({ at: between(created, issue.updated), value: STATUS.toDo });
  } else {
    statuses.push({ at: created, value: issue.statusId });
  }
  const dues: Step<string | null>[] = [{ at: created, value: issue.duedate }];
  const dueEnd = Math.min(issue.updated, issue.resolved ?? issue.updated);
  if (issue.duedate !== null && dueEnd > created + 2 && rng.chance(0.4)) {
    const earlier = rng.chance(0.25) ? null : isoDate(dateToMs(issue.duedate) - rng.int(3, 30) * DAY_MS);
    dues[0] = { at: created, value: earlier };
    dues.push({ at: between(created, dueEnd), value: issue.duedate });
  }
  return { statuses, resolutions, dues };
}

/** Site metadata the changelog names values with. */
export interface SiteNames {
  statuses: ReadonlyMap<string, SimStatus>;
  resolutions: ReadonlyMap<string, { name: string }>;
  linkTypes: ReadonlyMap<string, SimLinkType>;
}

export function statusItem(site: SiteNames, from: string, to: string): ChangeItem {
  return {
    field: 'status',
    fieldId: 'status',
    fieldtype: 'jira',
    from,
    fromString: site.statuses.get(from)?.name ?? null,
    to,
    toString: site.statuses.get(to)?.name ?? null,
  };
}

export function resolutionItem(site: SiteNames, from: string | null, to: string | null): ChangeItem {
  const name = (id: string | null) => (id === null ? null : (site.resolutions.get(id)?.name ?? null));
  return {
    field: 'resolution',
    fieldId: 'resolution',
    fieldtype: 'jira',
    from,
    fromString: name(from),
    to,
    toString: name(to),
  };
}

/** Jira writes due dates as the date, and the date with a zero time as its text. */
export function dueDateItem(from: string | null, to: string | null): ChangeItem {
  const text = (date: string | null) => (date === null ? null : `${date} 00:00:00.0`);
  return {
    field: 'duedate',
    fieldId: 'duedate',
    fieldtype: 'jira',
    from,
    fromString: text(from),
    to,
    toString: text(to),
  };
}

/** A link added (`to`) or removed (`from`): the other issue's key and "This issue blocks KEY". */
export function linkItem(
  from: { key: string; text: string } | null,
  to: { key: string; text: string } | null,
): ChangeItem {
  return {
    field: 'Link',
    fieldId: 'issuelinks',
    fieldtype: 'jira',
    from: from?.key ?? null,
    fromString: from?.text ?? null,
    to: to?.key ?? null,
    toString: to?.text ?? null,
  };
}
