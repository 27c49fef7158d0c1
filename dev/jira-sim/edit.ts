/** Issue edits (PUT issue, transition screens) and status changes, with Jira's validation messages. */
import type { Access } from './access';
import { CF, ISSUE_TYPE } from './catalog';
import { statusCategoryOf } from './generator';
import { JiraError } from './http';
import type { ChangeItem, SimState } from './state';
import { isValidIsoDate } from './time';
import type { SimIssue } from './types';

/** The number custom fields an edit can set: the issue's property and the changelog's field name. */
const NUMBER_FIELDS = {
  [CF.storyPoints]: { key: 'storyPoints', label: 'Story Points' },
  [CF.riskProbability]: { key: 'riskProbability', label: 'Risk Probability' },
  [CF.riskImpact]: { key: 'riskImpact', label: 'Risk Impact' },
} as const;

type Setter = (value: unknown) => void;

const NOT_ON_SCREEN = (id: string) =>
  `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;

export const MAX_PROPERTY_CHARS = 32768;
export const MAX_PROPERTY_KEY = 255;

interface PendingChange {
  apply: () => void;
  item: ChangeItem | null;
}

/**
 * Validate and apply `{ fields, update, properties }` to an issue as one atomic edit.
 * Throws a 400 JiraError with per-field `errors` when anything is invalid; nothing is changed then.
 */
export function applyEdit(
  state: SimState,
  access: Access,
  issue: SimIssue,
  body: Record<string, unknown>,
  opts: { allowResolution?: boolean } = {},
): EditResult {
  const errors: Record<string, string> = {};
  let resolutionId: string | null = null;
  const pending: PendingChange[] = [];
  const fields = body.fields ?? {};
  const update = body.update ?? {};
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new JiraError(400, ["'fields' must be an object."]);
  }
  if (typeof update !== 'object' || update === null || Array.isArray(update)) {
    throw new JiraError(400, ["'update' must be an object."]);
  }
  const fieldEntries = Object.entries(fields as Record<string, unknown>);
  const updateEntries = Object.entries(update as Record<string, unknown>);
  for (const [id] of updateEntries) {
    if (Object.hasOwn(fields, id))
      errors[id] = `Field '${id}' cannot be specified in both 'fields' and 'update'.`;
  }

  const setterFor = (id: string): Setter | null => {
    const err = (msg: string) => {
      errors[id] = msg;
    };
    const change = (item: ChangeItem | null, apply: () => void) => pending.push({ item, apply });
    switch (id) {
      case 'summary':
        return (v) => {
          if (typeof v !== 'string' || v.trim() === '')
            return err('You must specify a summary of the issue.');
          if (v.length > 255) return err('Summary must be less than 255 characters.');
          change(item('summary', 'summary', null, issue.summary, null, v), () => {
            issue.summary = v;
          });
        };
      case 'description':
        return (v) => {
          if (
            v !== null &&
            (typeof v !== 'object' || Array.isArray(v) || (v as { type?: unknown }).type !== 'doc')
          ) {
            return err('Operation value must be an Atlassian Document (see the Atlassian Document Format).');
          }
          change(item('description', 'description', null, null, null, null), () => {
            issue.description = v;
          });
        };
      case 'duedate':
      case CF.startDate:
        return (v) => {
          if (v !== null && (typeof v !== 'string' || !isValidIsoDate(v)))
            return err(`Error parsing date string: ${String(v)}`);
          const date = v as string | null;
          if (id === 'duedate') {
            change(item('duedate', 'duedate', issue.duedate, issue.duedate, date, date), () => {
              issue.duedate = date;
            });
          } else {
            change(
              item('Start date', CF.startDate, issue.startDate, issue.startDate, date, date, 'custom'),
              () => {
                issue.startDate = date;
              },
            );
          }
        };
      case 'labels':
        return (v) => {
          if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
            return err('The labels must be an array of strings.');
          const bad = v.find((x) => /\s/.test(x) || x.length === 0 || x.length > 255);
          if (bad !== undefined) return err(`The label '${bad}' contains spaces which is invalid.`);
          const labels = [...new Set(v as string[])].sort();
          change(item('labels', 'labels', null, issue.labels.join(' '), null, labels.join(' ')), () => {
            issue.labels = labels;
          });
        };
      case 'priority':
        return (v) => {
          const p = findByReference(state.priorities.values(), v);
          if (!p) return err('The priority selected is invalid.');
          const before = state.priorities.get(issue.priorityId);
          change(item('priority', 'priority', issue.priorityId, before?.name ?? null, p.id, p.name), () => {
            issue.priorityId = p.id;
          });
        };
      case 'assignee':
      case CF.riskOwner:
        return (v) => {
          let accountId: string | null = null;
          if (v !== null) {
            const ref = v as { accountId?: unknown };
            if (typeof v !== 'object' || typeof ref.accountId !== 'string')
              return err('Specify a valid value for assignee.');
            if (ref.accountId === '-1') accountId = null;
            else if (!state.people.has(ref.accountId))
              return err(`User '${ref.accountId}' cannot be assigned issues.`);
            else accountId = ref.accountId;
          }
          const isAssignee = id === 'assignee';
          const before = isAssignee ? issue.assignee : issue.riskOwner;
          const name = (a: string | null) => (a === null ? null : (state.people.get(a)?.displayName ?? a));
          change(
            item(
              isAssignee ? 'assignee' : 'Risk Owner',
              id,
              before,
              name(before),
              accountId,
              name(accountId),
              isAssignee ? 'jira' : 'custom',
            ),
            () => {
              if (isAssignee) issue.assignee = accountId;
              else issue.riskOwner = accountId;
            },
          );
        };
      case CF.storyPoints:
      case CF.riskProbability:
      case CF.riskImpact:
        return (v) => {
          if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
            return err('Operation value must be a number');
          const n = v as number | null;
          const { key, label } = NUMBER_FIELDS[id];
          const before = issue[key];
          change(
            item(
              label,
              id,
              before === null ? null : String(before),
              before === null ? null : String(before),
              n === null ? null : String(n),
              n === null ? null : String(n),
              'custom',
            ),
            () => {
              issue[key] = n;
            },
          );
        };
      case CF.roam:
        return (v) => {
          let optionId: string | null = null;
          if (v !== null) {
            const ref = v as { id?: unknown; value?: unknown };
            const o = state.dataset.roamOptions.find(
              (x) =>
                (ref.id !== undefined && x.id === String(ref.id)) ||
                (typeof ref.value === 'string' && x.value.toLowerCase() === ref.value.toLowerCase()),
            );
            if (!o) return err(`Option value '${String(ref.value ?? ref.id)}' is not valid`);
            optionId = o.id;
          }
          const name = (o: string | null) => (o === null ? null : (state.roamOptions.get(o)?.value ?? null));
          change(
            item('ROAM', CF.roam, issue.roamId, name(issue.roamId), optionId, name(optionId), 'custom'),
            () => {
              issue.roamId = optionId;
            },
          );
        };
      case CF.team:
        return (v) => {
          let teamId: string | null = null;
          if (v !== null) {
            const raw = typeof v === 'string' ? v : (v as { id?: unknown })?.id;
            if (typeof raw !== 'string' || !state.teams.has(raw))
              return err(`Team id '${String(raw)}' is not valid.`);
            teamId = raw;
          }
          const name = (t: string | null) => (t === null ? null : (state.teams.get(t)?.name ?? null));
          change(
            item('Team', CF.team, issue.teamId, name(issue.teamId), teamId, name(teamId), 'custom'),
            () => {
              issue.teamId = teamId;
            },
          );
        };
      case 'parent':
        return (v) => {
          let parentId: number | null = null;
          if (v !== null) {
            const ref = v as { id?: unknown; key?: unknown };
            const target =
              typeof ref?.key === 'string'
                ? state.findIssue(ref.key)
                : ref?.id !== undefined
                  ? state.findIssue(String(ref.id))
                  : undefined;
            if (!target || !access.canSee(target)) return err('Could not find issue by id or key.');
            if (target.id === issue.id) return err('An issue cannot be its own parent.');
            if (issue.typeId !== ISSUE_TYPE.subtask && target.typeId !== ISSUE_TYPE.epic) {
              return err('The parent must be an epic for this issue type.');
            }
            parentId = target.id;
          }
          const keyOf = (pid: number | null) =>
            pid === null ? null : (state.issueById.get(pid)?.key ?? null);
          change(
            item(
              'Parent',
              'parent',
              issue.parentId === null ? null : String(issue.parentId),
              keyOf(issue.parentId),
              parentId === null ? null : String(parentId),
              keyOf(parentId),
            ),
            () => {
              issue.parentId = parentId;
            },
          );
        };
      case 'resolution':
        if (!opts.allowResolution) return null;
        return (v) => {
          const r = findByReference(state.resolutions.values(), v);
          if (!r) return err('The resolution selected is invalid.');
          resolutionId = r.id;
        };
      default:
        return null;
    }
  };

  for (const [id, value] of fieldEntries) {
    const set = setterFor(id);
    if (!set) errors[id] = NOT_ON_SCREEN(id);
    else set(value);
  }
  for (const [id, ops] of updateEntries) {
    if (errors[id]) continue;
    if (!Array.isArray(ops)) {
      errors[id] = `The operations for field '${id}' must be an array.`;
      continue;
    }
    if (id === 'labels') {
      let labels = [...issue.labels];
      let bad: string | null = null;
      for (const op of ops as unknown[]) {
        const entry = (op ?? {}) as Record<string, unknown>;
        if ('add' in entry && typeof entry.add === 'string') labels.push(entry.add);
        else if ('remove' in entry && typeof entry.remove === 'string')
          labels = labels.filter((l) => l !== entry.remove);
        else if ('set' in entry && Array.isArray(entry.set))
          labels = entry.set.filter((x): x is string => typeof x === 'string');
        else bad = `Unsupported operation for field 'labels': ${JSON.stringify(op)}`;
      }
      if (bad) errors[id] = bad;
      else setterFor('labels')?.(labels);
      continue;
    }
    const set = setterFor(id);
    if (!set) {
      errors[id] = NOT_ON_SCREEN(id);
      continue;
    }
    for (const op of ops as unknown[]) {
      const entry = (op ?? {}) as Record<string, unknown>;
      if ('set' in entry) set(entry.set);
      else
        errors[id] =
          `Operation '${Object.keys(entry)[0] ?? '?'}' is not supported for field '${id}'. Use 'set'.`;
    }
  }

  // Issue properties in the edit body.
  const props = body.properties;
  const propertyWrites: [string, unknown][] = [];
  if (props !== undefined) {
    if (!Array.isArray(props)) errors.properties = "'properties' must be an array of { key, value }.";
    else {
      for (const p of props as unknown[]) {
        const entry = (p ?? {}) as { key?: unknown; value?: unknown };
        if (typeof entry.key !== 'string' || entry.key.length === 0 || entry.key.length > MAX_PROPERTY_KEY) {
          errors.properties = 'Each property needs a key of 1 to 255 characters.';
          continue;
        }
        if (JSON.stringify(entry.value ?? null).length > MAX_PROPERTY_CHARS) {
          errors.properties = `The property '${entry.key}' exceeds the maximum size of ${MAX_PROPERTY_CHARS} characters.`;
          continue;
        }
        propertyWrites.push([entry.key, entry.value ?? null]);
      }
    }
  }

  if (Object.keys(errors).length > 0) throw new JiraError(400, [], errors);
  for (const p of pending) p.apply();
  for (const [key, value] of propertyWrites) setProperty(state, issue.id, key, value);
  return { items: pending.map((p) => p.item).filter((i): i is ChangeItem => i !== null), resolutionId };
}

export interface EditResult {
  items: ChangeItem[];
  /** Resolution chosen on a transition screen (`fields.resolution`), if any. */
  resolutionId: string | null;
}

function item(
  field: string,
  fieldId: string,
  from: string | null,
  fromText: string | null,
  to: string | null,
  toText: string | null,
  fieldtype: 'jira' | 'custom' = 'jira',
): ChangeItem {
  return { field, fieldId, fieldtype, from, fromString: fromText, to, toString: toText };
}

export function setProperty(
  state: SimState,
  issueId: number,
  key: string,
  value: unknown,
): 'created' | 'updated' {
  let map = state.properties.get(issueId);
  if (!map) {
    map = new Map();
    state.properties.set(issueId, map);
  }
  const existed = map.has(key);
  map.set(key, value);
  state.touch();
  return existed ? 'updated' : 'created';
}

/** Move an issue to a status: updates resolution, resolution date, status-category change date and `updated`. */
export function transition(
  state: SimState,
  issue: SimIssue,
  statusId: string,
  now: number,
  chosenResolution: string | null = null,
): ChangeItem[] {
  const items: ChangeItem[] = [];
  const from = state.status(issue.statusId);
  const to = state.status(statusId);
  const fromCat = statusCategoryOf(issue.statusId);
  const toCat = statusCategoryOf(statusId);
  items.push(item('status', 'status', from.id, from.name, to.id, to.name));
  issue.statusId = statusId;
  if (fromCat !== toCat) issue.statusChanged = now;
  const chosen = chosenResolution;
  if (toCat === 'done') {
    const resolutionId = chosen ?? issue.resolutionId ?? '10000';
    if (resolutionId !== issue.resolutionId) {
      const before =
        issue.resolutionId === null ? null : (state.resolutions.get(issue.resolutionId)?.name ?? null);
      items.push(
        item(
          'resolution',
          'resolution',
          issue.resolutionId,
          before,
          resolutionId,
          state.resolutions.get(resolutionId)?.name ?? null,
        ),
      );
    }
    issue.resolutionId = resolutionId;
    if (fromCat !== 'done' || issue.resolved === null) issue.resolved = now;
  } else {
    if (issue.resolutionId !== null) {
      items.push(
        item(
          'resolution',
          'resolution',
          issue.resolutionId,
          state.resolutions.get(issue.resolutionId)?.name ?? null,
          null,
          null,
        ),
      );
    }
    issue.resolutionId = null;
    issue.resolved = null;
  }
  issue.updated = now;
  state.touch();
  return items;
}

/** The entry a field value names as Jira accepts it: `{ id }`, or `{ name }` in any letter case. */
function findByReference<T extends { id: string; name: string }>(
  entries: Iterable<T>,
  value: unknown,
): T | undefined {
  const ref = value as { id?: unknown; name?: unknown } | null;
  for (const entry of entries) {
    if (ref?.id !== undefined && entry.id === String(ref.id)) return entry;
    if (typeof ref?.name === 'string' && entry.name.toLowerCase() === ref.name.toLowerCase()) return entry;
  }
  return undefined;
}
