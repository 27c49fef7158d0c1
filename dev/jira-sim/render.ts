/** Builds Jira REST v3 JSON from the compact records, per request (so `self` URLs use the caller's host). */
import type { Access } from './access';
import { CF, STATUS_CATEGORIES } from './catalog';
import type { SimState } from './state';
import { jiraDateTime } from './time';
import type { SimField, SimIssue, SimLink, StatusCategoryKey } from './types';

export type Json = Record<string, unknown>;

const AVATAR_SIZES = [
  ['16x16', 'xsmall'],
  ['24x24', 'small'],
  ['32x32', 'medium'],
  ['48x48', 'large'],
] as const;

/** The fields `*navigable` stands for (every field this site has, except the key pseudo-field). */
export function navigableFieldIds(fields: readonly SimField[]): string[] {
  return fields.filter((f) => f.navigable && f.id !== 'issuekey').map((f) => f.id);
}

export interface FieldSelection {
  /** Field ids to return, in site order. */
  ids: string[];
  /** True when nothing but `id`/`key` was asked for (Jira then allows larger pages). */
  idOnly: boolean;
}

/**
 * Resolve Jira's `fields` parameter (comma lists, `*all`, `*navigable`, `-name`) against the site's fields.
 * `fallback` is what an absent parameter means: `*all` for GET issue, `*navigable` for bulkfetch, `id` for search.
 */
export function selectFields(
  raw: readonly string[],
  fields: readonly SimField[],
  fallback: 'all' | 'navigable' | 'none',
): FieldSelection {
  const tokens = raw
    .flatMap((r) => r.split(','))
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const known = new Set(fields.filter((f) => f.id !== 'issuekey').map((f) => f.id));
  const include = new Set<string>();
  const exclude = new Set<string>();
  let base: 'all' | 'navigable' | 'none' | null = null;
  let explicit = false;
  for (const t of tokens) {
    if (t === '*all') base = 'all';
    else if (t === '*navigable') base = base === 'all' ? 'all' : 'navigable';
    else if (t.startsWith('-')) exclude.add(t.slice(1));
    else {
      explicit = true;
      if (known.has(t)) include.add(t);
    }
  }
  if (tokens.length === 0) base = fallback;
  else if (base === null && !explicit) base = fallback === 'none' ? 'navigable' : fallback; // only exclusions
  const ids = new Set<string>(include);
  if (base === 'all') for (const f of known) ids.add(f);
  if (base === 'navigable') for (const f of navigableFieldIds(fields)) ids.add(f);
  for (const x of exclude) ids.delete(x);
  const ordered = fields.map((f) => f.id).filter((id) => ids.has(id));
  return { ids: ordered, idOnly: ordered.length === 0 };
}

export class Renderer {
  constructor(
    readonly state: SimState,
    readonly base: string,
    readonly access: Access,
  ) {}

  /** Site metadata objects never change: build each once per base URL and share it between responses. */
  private memo<T>(kind: string, id: string, build: () => T): T {
    const key = `${this.base}|${kind}|${id}`;
    const cache = this.state.renderCache;
    let hit = cache.get(key) as T | undefined;
    if (hit === undefined) {
      hit = build();
      cache.set(key, hit);
    }
    return hit;
  }

  /** `memo` of an entity of the site's catalogue; an id the site does not know renders as `{ id }`. */
  private memoEntity<E>(kind: string, id: string, entity: E | undefined, render: (entity: E) => Json): Json {
    return this.memo(kind, id, () => (entity ? render(entity) : { id }));
  }

  avatarUrls(path: string, param: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [size, name] of AVATAR_SIZES) out[size] = `${this.base}${path}?size=${name}&${param}`;
    return out;
  }

  user(accountId: string | null, opts: { full?: boolean } = {}): Json | null {
    if (accountId === null) return null;
    if (opts.full) return this.buildUser(accountId, true);
    return this.memo('user', accountId, () => this.buildUser(accountId, false));
  }

  private buildUser(accountId: string, full: boolean): Json | null {
    const person = this.state.people.get(accountId);
    if (!person) return null;
    const out: Json = {
      self: `${this.base}/rest/api/3/user?accountId=${encodeURIComponent(person.accountId)}`,
      accountId: person.accountId,
      accountType: person.accountType,
    };
    if (person.accountType !== 'app') out.emailAddress = person.emailAddress;
    out.avatarUrls = this.avatarUrls(
      '/secure/useravatar',
      `accountId=${encodeURIComponent(person.accountId)}`,
    );
    out.displayName = person.displayName;
    out.active = person.active !== false;
    out.timeZone = 'Etc/UTC';
    if (full) out.locale = 'en_US';
    return out;
  }

  statusCategory(key: StatusCategoryKey): Json {
    const c = STATUS_CATEGORIES.find((x) => x.key === key) ?? STATUS_CATEGORIES[0];
    return {
      self: `${this.base}/rest/api/3/statuscategory/${c?.id}`,
      id: c?.id,
      key: c?.key,
      colorName: c?.colorName,
      name: c?.name,
    };
  }

  status(id: string): Json {
    return this.memo('status', id, () => this.buildStatus(id));
  }

  private buildStatus(id: string): Json {
    const s = this.state.status(id);
    return {
      self: `${this.base}/rest/api/3/status/${s.id}`,
      description: s.description,
      iconUrl: `${this.base}/images/icons/statuses/${s.icon}`,
      name: s.name,
      id: s.id,
      statusCategory: this.statusCategory(s.category),
    };
  }

  issueType(id: string): Json {
    return this.memoEntity('issueType', id, this.state.issueTypes.get(id), (t) => ({
      self: `${this.base}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      description: t.description,
      iconUrl: `${this.base}/images/icons/issuetypes/${t.name.toLowerCase().replace(/[^a-z]/g, '')}.svg`,
      name: t.name,
      subtask: t.subtask,
      avatarId: t.avatarId,
      hierarchyLevel: t.hierarchyLevel,
    }));
  }

  priority(id: string, full = false): Json {
    return this.memo(full ? 'priority+' : 'priority', id, () => this.buildPriority(id, full));
  }

  private buildPriority(id: string, full: boolean): Json {
    const p = this.state.priorities.get(id);
    if (!p) return { id };
    const out: Json = {
      self: `${this.base}/rest/api/3/priority/${p.id}`,
      iconUrl: `${this.base}/images/icons/priorities/${p.icon}`,
      name: p.name,
      id: p.id,
    };
    if (full) {
      out.statusColor = p.statusColor;
      out.description = p.description;
      out.isDefault = p.id === '3';
    }
    return out;
  }

  resolution(id: string | null): Json | null {
    return id === null ? null : this.describedEntity('resolution', this.state.resolutions.get(id));
  }

  category(id: string | null): Json | null {
    if (id === null) return null;
    const category = this.state.dataset.categories.find((candidate) => candidate.id === id);
    return this.describedEntity('projectCategory', category);
  }

  /** What Jira renders of a resolution or a project category: its link, id, description and name. */
  private describedEntity(
    resource: string,
    entity: { id: string; description: string; name: string } | undefined,
  ): Json | null {
    if (!entity) return null;
    return {
      self: `${this.base}/rest/api/3/${resource}/${entity.id}`,
      id: entity.id,
      description: entity.description,
      name: entity.name,
    };
  }

  linkType(id: string): Json {
    return this.memoEntity('linkType', id, this.state.linkTypes.get(id), (t) => ({
      id: t.id,
      name: t.name,
      inward: t.inward,
      outward: t.outward,
      self: `${this.base}/rest/api/3/issueLinkType/${t.id}`,
    }));
  }

  field(f: SimField): Json {
    const out: Json = {
      id: f.id,
      key: f.key,
      name: f.name,
      custom: f.custom,
      orderable: f.orderable,
      navigable: f.navigable,
      searchable: f.searchable,
      clauseNames: f.clauseNames,
    };
    if (f.schema) out.schema = { ...f.schema };
    return out;
  }

  /** A project as it appears inside an issue's `project` field. */
  projectRef(idx: number): Json {
    return this.memo('projectRef', String(idx), () => this.buildProjectRef(idx));
  }

  private buildProjectRef(idx: number): Json {
    const p = this.state.project(idx);
    const out: Json = {
      self: `${this.base}/rest/api/3/project/${p.id}`,
      id: String(p.id),
      key: p.key,
      name: p.name,
      projectTypeKey: p.typeKey,
      simplified: p.style === 'next-gen',
      avatarUrls: this.avatarUrls('/secure/projectavatar', `pid=${p.id}`),
    };
    const cat = this.category(p.categoryId);
    if (cat) out.projectCategory = cat;
    return out;
  }

  /** A project as `/project/search` and `/project/{key}` return it. */
  project(idx: number, expand: ReadonlySet<string>, detailed = false): Json {
    const p = this.state.project(idx);
    const out: Json = {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: `${this.base}/rest/api/3/project/${p.id}`,
      id: String(p.id),
      key: p.key,
    };
    if (detailed || expand.has('description')) out.description = p.description;
    if (detailed || expand.has('lead')) out.lead = this.user(p.leadAccountId);
    if (detailed) {
      out.components = [];
      out.assigneeType = 'UNASSIGNED';
      out.versions = [];
      out.roles = {
        Administrators: `${this.base}/rest/api/3/project/${p.id}/role/10002`,
        Member: `${this.base}/rest/api/3/project/${p.id}/role/10003`,
      };
    }
    if (detailed || expand.has('issuetypes'))
      out.issueTypes = this.state.dataset.issueTypes.map((t) => this.issueType(t.id));
    out.name = p.name;
    out.avatarUrls = this.avatarUrls('/secure/projectavatar', `pid=${p.id}`);
    const cat = this.category(p.categoryId);
    if (cat) out.projectCategory = cat;
    out.projectTypeKey = p.typeKey;
    out.simplified = p.style === 'next-gen';
    out.style = p.style;
    out.isPrivate = false;
    out.properties = {};
    if (p.uuid) out.uuid = p.uuid;
    if (expand.has('url')) out.url = `https://wiki.pmo-sim.example/display/${p.key}`;
    if (expand.has('permissions')) out.permissions = { canEdit: this.access.isSiteAdmin };
    if (expand.has('insight')) {
      const issues = this.state.issuesByProject[idx] ?? [];
      let last = 0;
      for (const i of issues) if (i.updated > last) last = i.updated;
      out.insight = {
        totalIssueCount: issues.length,
        lastIssueUpdateTime: jiraDateTime(last || Date.parse(this.state.dataset.now)),
      };
    }
    return out;
  }

  issueSelf(issue: SimIssue): string {
    return `${this.base}/rest/api/3/issue/${issue.id}`;
  }

  /** The compact form Jira nests for parents, sub-tasks and linked issues. */
  linkedIssue(issue: SimIssue): Json {
    return {
      id: String(issue.id),
      key: issue.key,
      self: this.issueSelf(issue),
      fields: {
        summary: issue.summary,
        status: this.status(issue.statusId),
        priority: this.priority(issue.priorityId),
        issuetype: this.issueType(issue.typeId),
      },
    };
  }

  issueLinks(issue: SimIssue): Json[] {
    const links: SimLink[] = this.state.linksByIssue.get(issue.id) ?? [];
    const out: Json[] = [];
    for (const link of links) {
      const outward = link.from === issue.id;
      const other = this.state.issueById.get(outward ? link.to : link.from);
      if (!other || !this.access.canSee(other)) continue;
      const entry: Json = {
        id: String(link.id),
        self: `${this.base}/rest/api/3/issueLink/${link.id}`,
        type: this.linkType(link.typeId),
      };
      if (outward) entry.outwardIssue = this.linkedIssue(other);
      else entry.inwardIssue = this.linkedIssue(other);
      out.push(entry);
    }
    return out;
  }

  description(issue: SimIssue): unknown {
    return issueDescription(issue, this.state.project(issue.projectIdx).name);
  }

  fieldValue(issue: SimIssue, id: string): { present: boolean; value: unknown } {
    const v = (value: unknown) => ({ present: true, value });
    switch (id) {
      case 'summary':
        return v(issue.summary);
      case 'description':
        return v(this.description(issue));
      case 'project':
        return v(this.projectRef(issue.projectIdx));
      case 'issuetype':
        return v(this.issueType(issue.typeId));
      case 'status':
        return v(this.status(issue.statusId));
      case 'statuscategorychangedate':
        return v(jiraDateTime(issue.statusChanged));
      case 'priority':
        return v(this.priority(issue.priorityId));
      case 'resolution':
        return v(this.resolution(issue.resolutionId));
      case 'resolutiondate':
        return v(issue.resolved === null ? null : jiraDateTime(issue.resolved));
      case 'assignee':
        return v(this.user(issue.assignee));
      case 'reporter':
      case 'creator':
        return v(this.user(issue.reporter));
      case 'labels':
        return v([...issue.labels]);
      case 'components':
      case 'fixVersions':
        return v([]);
      case 'created':
        return v(jiraDateTime(issue.created));
      case 'updated':
        return v(jiraDateTime(issue.updated));
      case 'duedate':
        return v(issue.duedate);
      case 'parent': {
        if (issue.parentId === null) return { present: false, value: undefined };
        const parent = this.state.issueById.get(issue.parentId);
        if (!parent || !this.access.canSee(parent)) return { present: false, value: undefined };
        return v(this.linkedIssue(parent));
      }
      case 'issuelinks':
        return v(this.issueLinks(issue));
      case 'subtasks': {
        const ids = this.state.subtasksByParent.get(issue.id) ?? [];
        const subs: Json[] = [];
        for (const sid of ids) {
          const sub = this.state.issueById.get(sid);
          if (sub && this.access.canSee(sub)) subs.push(this.linkedIssue(sub));
        }
        return v(subs);
      }
      case 'security': {
        if (issue.securityLevelId === null) return v(null);
        const l = this.state.securityLevels.get(issue.securityLevelId);
        return v(
          l
            ? {
                self: `${this.base}/rest/api/3/securitylevel/${l.id}`,
                id: l.id,
                description: l.description,
                name: l.name,
              }
            : null,
        );
      }
      case CF.team: {
        const t = issue.teamId === null ? undefined : this.state.teams.get(issue.teamId);
        return v(
          t
            ? { id: t.id, name: t.name, title: t.name, isVisible: true, isVerified: false, isShared: true }
            : null,
        );
      }
      case CF.startDate:
        return v(issue.startDate);
      case CF.storyPoints:
        return v(issue.storyPoints);
      case CF.riskProbability:
        return v(issue.riskProbability);
      case CF.riskImpact:
        return v(issue.riskImpact);
      case CF.riskOwner:
        return v(this.user(issue.riskOwner));
      case CF.roam: {
        const o = issue.roamId === null ? undefined : this.state.roamOptions.get(issue.roamId);
        return v(
          o ? { self: `${this.base}/rest/api/3/customFieldOption/${o.id}`, value: o.value, id: o.id } : null,
        );
      }
      default:
        return { present: false, value: undefined };
    }
  }

  issue(
    issue: SimIssue,
    selection: FieldSelection,
    opts: { names?: boolean; schema?: boolean; properties?: readonly string[]; alwaysFields?: boolean } = {},
  ): Json {
    const out: Json = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: String(issue.id),
      self: this.issueSelf(issue),
      key: issue.key,
    };
    if (selection.ids.length > 0 || opts.alwaysFields) {
      const fields: Json = {};
      for (const id of selection.ids) {
        const { present, value } = this.fieldValue(issue, id);
        if (present) fields[id] = value;
      }
      out.fields = fields;
    }
    if (opts.names) out.names = this.names(selection.ids);
    if (opts.schema) out.schema = this.schema(selection.ids);
    if (opts.properties && opts.properties.length > 0) {
      const props: Json = {};
      const stored = this.state.properties.get(issue.id);
      for (const key of opts.properties) if (stored?.has(key)) props[key] = stored.get(key);
      out.properties = props;
    }
    return out;
  }

  names(ids: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of ids) {
      const f = this.state.dataset.fields.find((x) => x.id === id);
      if (f) out[id] = f.name;
    }
    return out;
  }

  schema(ids: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const id of ids) {
      const f = this.state.dataset.fields.find((x) => x.id === id);
      if (f?.schema) out[id] = { ...f.schema };
    }
    return out;
  }
}

/** An issue's description: the ADF document set through the API, or one generated from its summary. */
export function issueDescription(issue: SimIssue, projectName: string): unknown {
  if (issue.description !== undefined) return issue.description;
  return {
    type: 'doc',
    version: 1,
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: `${issue.summary}. Raised in ${projectName}.` }],
      },
    ],
  };
}
