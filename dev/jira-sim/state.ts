/** The running simulator's data: the dataset, lookup indexes, issue properties and recorded changes. */

import { type IndexedProperty, manifestIndexedProperties } from './entity-properties';
import { SimHistory } from './history';
import { NotificationOutbox } from './routes/notify';
import type {
  SimDataset,
  SimIssue,
  SimIssueType,
  SimLink,
  SimLinkType,
  SimOption,
  SimPriority,
  SimProject,
  SimResolution,
  SimSecurityLevel,
  SimStatus,
  SimTeam,
} from './types';
import type { SimPerson } from './users';

export interface ChangeItem {
  field: string;
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeEntry {
  id: number;
  issueId: number;
  author: string;
  created: number;
  items: ChangeItem[];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

/** A comment added through the API. */
export interface SimComment {
  id: string;
  author: string;
  /** The Atlassian Document Format body, as sent. */
  body: unknown;
  created: number;
}

export class SimState {
  readonly issueById = new Map<number, SimIssue>();
  readonly issueByKey = new Map<string, SimIssue>();
  readonly projectByKey = new Map<string, number>();
  readonly projectById = new Map<number, number>();
  readonly issuesByProject: SimIssue[][];
  readonly linksByIssue = new Map<number, SimLink[]>();
  readonly subtasksByParent = new Map<number, number[]>();
  readonly people = new Map<string, SimPerson>();
  /** issue id -> property key -> JSON value */
  readonly properties = new Map<number, Map<string, unknown>>();
  /** Changes made through the API since the sim started. */
  readonly changes = new Map<number, ChangeEntry[]>();
  /** The generated past before the sim started (changelogs, and the site as it was on a past day). */
  readonly history: SimHistory;
  readonly statuses: Map<string, SimStatus>;
  readonly issueTypes: Map<string, SimIssueType>;
  readonly priorities: Map<string, SimPriority>;
  readonly resolutions: Map<string, SimResolution>;
  readonly linkTypes: Map<string, SimLinkType>;
  readonly teams: Map<string, SimTeam>;
  readonly roamOptions: Map<string, SimOption>;
  readonly securityLevels: Map<string, SimSecurityLevel>;
  /** Rendered JSON of immutable site metadata (statuses, users ...), keyed by base URL; see Renderer. */
  readonly renderCache = new Map<string, unknown>();
  /** Issue properties JQL can search (the manifest's declarations unless a test names others). */
  indexedProperties: readonly IndexedProperty[];
  /** Incremented on every mutation (search caches key on it). */
  version = 0;
  /** E-mails `POST /issue/{key}/notify` would have sent. */
  readonly outbox = new NotificationOutbox();
  /** Comments added through the API since the sim started: issue id -> comments, oldest first. */
  readonly comments = new Map<number, SimComment[]>();
  private nextCommentId = 10000;
  private nextChangeId = 100000;
  private readonly startedAt = Date.now();
  private readonly baseNow: number;
  /** Added to the clock by tests and the control API (`advanceClock`). */
  private clockOffsetMs = 0;
  /** When set, the clock stands still at this instant (tests that must not depend on real time). */
  private frozenAt: number | null = null;

  constructor(
    readonly dataset: SimDataset,
    options: { frozenClock?: boolean; indexedProperties?: readonly IndexedProperty[] } = {},
  ) {
    this.indexedProperties = options.indexedProperties ?? manifestIndexedProperties();
    this.baseNow = Date.parse(dataset.now);
    this.history = new SimHistory(dataset);
    if (options.frozenClock) this.frozenAt = this.baseNow;
    this.issuesByProject = dataset.projects.map(() => []);
    dataset.projects.forEach((p, idx) => {
      this.projectByKey.set(p.key.toUpperCase(), idx);
      this.projectById.set(p.id, idx);
    });
    for (const issue of dataset.issues) {
      this.issueById.set(issue.id, issue);
      this.issueByKey.set(issue.key.toUpperCase(), issue);
      this.issuesByProject[issue.projectIdx]?.push(issue);
      if (issue.parentId !== null && issue.typeId === '10003') {
        const list = this.subtasksByParent.get(issue.parentId) ?? [];
        list.push(issue.id);
        this.subtasksByParent.set(issue.parentId, list);
      }
    }
    for (const link of dataset.links) {
      for (const id of [link.from, link.to]) {
        const list = this.linksByIssue.get(id) ?? [];
        list.push(link);
        this.linksByIssue.set(id, list);
      }
    }
    for (const person of dataset.people) this.people.set(person.accountId, person);
    this.statuses = byId(dataset.statuses);
    this.issueTypes = byId(dataset.issueTypes);
    this.priorities = byId(dataset.priorities);
    this.resolutions = byId(dataset.resolutions);
    this.linkTypes = byId(dataset.linkTypes);
    this.teams = byId(dataset.teams);
    this.roamOptions = byId(dataset.roamOptions);
    this.securityLevels = byId(dataset.securityLevels);
  }

  /** The site's clock: starts at the dataset's `now` and runs in real time (unless frozen); tests can move it on. */
  now(): number {
    return this.frozenAt ?? this.baseNow + (Date.now() - this.startedAt) + this.clockOffsetMs;
  }

  /** Moves the site clock forward (rate-limit windows, search lag and relative JQL dates follow it). */
  advanceClock(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`the clock only moves forward, got ${ms} ms`);
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.clockOffsetMs += ms;
  }

  /** Stops the clock where it is, or lets it run on from there. */
  freezeClock(frozen: boolean): void {
    if (frozen && this.frozenAt === null) this.frozenAt = this.now();
    if (!frozen && this.frozenAt !== null) {
      const at = this.frozenAt;
      this.frozenAt = null;
      this.clockOffsetMs += at - this.now();
    }
  }

  clockFrozen(): boolean {
    return this.frozenAt !== null;
  }

  touch(): void {
    this.version++;
  }

  project(idx: number): SimProject {
    const p = this.dataset.projects[idx];
    if (!p) throw new Error(`no project at ${idx}`);
    return p;
  }

  /** Find an issue by key (case-insensitive) or numeric id. */
  findIssue(idOrKey: string): SimIssue | undefined {
    if (/^\d+$/.test(idOrKey)) return this.issueById.get(Number(idOrKey));
    return this.issueByKey.get(idOrKey.toUpperCase());
  }

  /** Find a project index by key (case-insensitive) or numeric id. */
  findProject(idOrKey: string): number | undefined {
    if (/^\d+$/.test(idOrKey)) return this.projectById.get(Number(idOrKey));
    return this.projectByKey.get(idOrKey.toUpperCase());
  }

  status(id: string): SimStatus {
    const s = this.statuses.get(id);
    if (!s) throw new Error(`unknown status ${id}`);
    return s;
  }

  issueProperties(issueId: number): Map<string, unknown> | undefined {
    return this.properties.get(issueId);
  }

  /** The issue's whole changelog: its generated past, then what changed since the sim started. */
  changelog(issueId: number): ChangeEntry[] {
    return [...this.history.entries(issueId, this), ...(this.changes.get(issueId) ?? [])];
  }

  newCommentId(): string {
    return String(this.nextCommentId++);
  }

  recordChange(issueId: number, author: string, items: ChangeItem[], at: number): void {
    if (items.length === 0) return;
    const list = this.changes.get(issueId) ?? [];
    list.push({ id: this.nextChangeId++, issueId, author, created: at, items });
    this.changes.set(issueId, list);
  }
}
