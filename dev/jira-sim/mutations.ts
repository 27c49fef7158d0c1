import { transition } from './edit';
import { dueDateItem, linkItem } from './history';
import type { ChangeItem, SimState } from './state';
import type { SimIssue, SimLink, SimLinkType } from './types';
import { simUser } from './users';

/**
 * Changes to the site's data as people make them in Jira, for tests that need a site that
 * changes between two reads (incremental refresh). Each keeps the simulator's indexes right and
 * moves `updated` the way Jira does: the issue changed, and for links both ends. Each change is
 * recorded in the issues' changelogs as Jira records it (by the site admin).
 */
export interface SimMutations {
  createIssue(
    projectKey: string,
    fields?: Partial<Pick<SimIssue, 'summary' | 'duedate' | 'statusId' | 'typeId'>>,
  ): SimIssue;
  editIssue(
    key: string,
    fields: Partial<Pick<SimIssue, 'summary' | 'duedate' | 'statusId' | 'storyPoints'>>,
  ): SimIssue;
  deleteIssue(key: string): SimIssue;
  /** Moves an issue to another project: it gets a new key there and keeps its id. */
  moveIssue(key: string, projectKey: string): SimIssue;
  /** `from` blocks `to` (the site's first link type, "Blocks"). */
  linkIssues(fromKey: string, toKey: string): SimLink;
  unlinkIssues(fromKey: string, toKey: string): void;
}

export function createSimMutations(state: SimState): SimMutations {
  const issue = (key: string): SimIssue => {
    const found = state.findIssue(key);
    if (!found) throw new Error(`no issue ${key}`);
    return found;
  };
  const projectIdx = (key: string): number => {
    const idx = state.findProject(key);
    if (idx === undefined) throw new Error(`no project ${key}`);
    return idx;
  };
  // Jira never gives a key twice, not even the key of a deleted issue.
  const lastNumber = new Map<number, number>();
  const nextNumber = (idx: number): number => {
    let last = lastNumber.get(idx);
    if (last === undefined) {
      const prefix = `${state.project(idx).key}-`;
      last = 0;
      for (const candidate of state.issueByKey.values()) {
        if (candidate.key.startsWith(prefix))
          last = Math.max(last, Number(candidate.key.slice(prefix.length)));
      }
    }
    lastNumber.set(idx, last + 1);
    return last + 1;
  };
  const blocks = () => {
    const type =
      state.dataset.linkTypes.find((candidate) => candidate.name === 'Blocks') ?? state.dataset.linkTypes[0];
    if (!type) throw new Error('the site has no link types');
    return type;
  };
  const touch = (changed: SimIssue) => {
    changed.updated = Math.max(state.now(), changed.updated + 1);
    state.touch();
  };
  const record = (changed: SimIssue, items: ChangeItem[]) =>
    state.recordChange(changed.id, simUser('admin').accountId, items, state.now());
  const linkText = (type: SimLinkType, outward: boolean, other: SimIssue) => ({
    key: other.key,
    text: `This issue ${outward ? type.outward : type.inward} ${other.key}`,
  });
  return {
    createIssue(projectKey, fields = {}) {
      const idx = projectIdx(projectKey);
      const template = state.issuesByProject[idx]?.[0] ?? state.dataset.issues[0];
      if (!template) throw new Error('the site has no issue to copy');
      const id = Math.max(...state.issueById.keys()) + 1;
      const now = state.now();
      const created: SimIssue = {
        ...template,
        id,
        key: `${state.project(idx).key}-${nextNumber(idx)}`,
        projectIdx: idx,
        summary: fields.summary ?? `New issue ${id}`,
        duedate: fields.duedate ?? null,
        statusId: fields.statusId ?? template.statusId,
        typeId: fields.typeId ?? template.typeId,
        created: now,
        updated: now,
        resolved: null,
        parentId: null,
        securityLevelId: null,
      };
      state.dataset.issues.push(created);
      state.issueById.set(id, created);
      state.issueByKey.set(created.key.toUpperCase(), created);
      state.issuesByProject[idx]?.push(created);
      state.touch();
      return created;
    },
    editIssue(key, fields) {
      const changed = issue(key);
      const { statusId, ...rest } = fields;
      const items: ChangeItem[] = [];
      if (rest.summary !== undefined && rest.summary !== changed.summary)
        items.push(textItem('summary', 'summary', changed.summary, rest.summary));
      if (rest.duedate !== undefined && rest.duedate !== changed.duedate)
        items.push(dueDateItem(changed.duedate, rest.duedate));
      if (rest.storyPoints !== undefined && rest.storyPoints !== changed.storyPoints)
        items.push(storyPointsItem(changed.storyPoints, rest.storyPoints));
      Object.assign(changed, rest);
      // A status change is a transition: resolution and resolution date follow it.
      if (statusId !== undefined && statusId !== changed.statusId)
        items.push(...transition(state, changed, statusId, state.now()));
      touch(changed);
      record(changed, items);
      return changed;
    },
    deleteIssue(key) {
      const gone = issue(key);
      state.issueById.delete(gone.id);
      state.issueByKey.delete(gone.key.toUpperCase());
      const list = state.issuesByProject[gone.projectIdx];
      if (list) list.splice(list.indexOf(gone), 1);
      state.dataset.issues.splice(state.dataset.issues.indexOf(gone), 1);
      for (const link of state.linksByIssue.get(gone.id) ?? []) removeLink(state, link);
      state.linksByIssue.delete(gone.id);
      state.touch();
      return gone;
    },
    moveIssue(key, projectKey) {
      const moved = issue(key);
      const idx = projectIdx(projectKey);
      state.issueByKey.delete(moved.key.toUpperCase());
      const from = state.issuesByProject[moved.projectIdx];
      if (from) from.splice(from.indexOf(moved), 1);
      const before = { key: moved.key, project: state.project(moved.projectIdx) };
      moved.key = `${state.project(idx).key}-${nextNumber(idx)}`;
      moved.projectIdx = idx;
      state.issueByKey.set(moved.key.toUpperCase(), moved);
      state.issuesByProject[idx]?.push(moved);
      touch(moved);
      const after = state.project(idx);
      record(moved, [
        {
          field: 'project',
          fieldId: 'project',
          fieldtype: 'jira',
          from: String(before.project.id),
          fromString: before.project.name,
          to: String(after.id),
          toString: after.name,
        },
        textItem('Key', 'key', before.key, moved.key),
      ]);
      return moved;
    },
    linkIssues(fromKey, toKey) {
      const from = issue(fromKey);
      const to = issue(toKey);
      const id = Math.max(0, ...state.dataset.links.map((link) => link.id)) + 1;
      const link: SimLink = { id, typeId: blocks().id, from: from.id, to: to.id };
      state.dataset.links.push(link);
      for (const end of [from.id, to.id]) {
        const list = state.linksByIssue.get(end) ?? [];
        list.push(link);
        state.linksByIssue.set(end, list);
      }
      touch(from);
      touch(to);
      record(from, [linkItem(null, linkText(blocks(), true, to))]);
      record(to, [linkItem(null, linkText(blocks(), false, from))]);
      return link;
    },
    unlinkIssues(fromKey, toKey) {
      const from = issue(fromKey);
      const to = issue(toKey);
      for (const link of [...(state.linksByIssue.get(from.id) ?? [])]) {
        if (link.from !== from.id || link.to !== to.id) continue;
        removeLink(state, link);
        const type = state.linkTypes.get(link.typeId) ?? blocks();
        touch(from);
        touch(to);
        record(from, [linkItem(linkText(type, true, to), null)]);
        record(to, [linkItem(linkText(type, false, from), null)]);
        return;
      }
      touch(from);
      touch(to);
    },
  };
}

/** A change of a field whose value is its text (summary, key). */
function textItem(field: string, fieldId: string, from: string, to: string): ChangeItem {
  return { field, fieldId, fieldtype: 'jira', from: null, fromString: from, to: null, toString: to };
}

function storyPointsItem(from: number | null, to: number | null): ChangeItem {
  return {
    field: 'Story Points',
    fieldId: 'customfield_10016',
    fieldtype: 'custom',
    from: null,
    fromString: from === null ? null : String(from),
    to: null,
    toString: to === null ? null : String(to),
  };
}

function removeLink(state: SimState, link: SimLink): void {
  const index = state.dataset.links.indexOf(link);
  if (index >= 0) state.dataset.links.splice(index, 1);
  for (const end of [link.from, link.to]) {
    const list = state.linksByIssue.get(end);
    if (!list) continue;
    const at = list.indexOf(link);
    if (at >= 0) list.splice(at, 1);
  }
}
