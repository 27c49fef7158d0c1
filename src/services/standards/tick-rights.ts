import type { PmoConfig } from '../../domain/config/schema';
import type { ChecklistItem, TickAudience } from '../../domain/standards/schema';
import { describeTickAudience } from '../../domain/standards/tick-audience';
import type { Actor, AppDeps } from '../deps';
import { settingsEditorStatus } from '../settings/authorize';

/** Whether the acting user may tick one checklist item, and if not, why (said to them). */
export interface TickRight {
  allowed: boolean;
  /** Who may tick it, e.g. `members of the Jira group "qa-leads"`. */
  audience: string;
  reason: string | null;
}

export interface TickRightsContext {
  issueKey: string;
  projectKey: string;
  /** The user's Edit issues permission on the issue (asked of Jira as the user). */
  canEditIssue: boolean;
  /** The settings' PMO group (null: only Jira admins are the PMO). */
  pmoGroupName: string | null;
}

/**
 * Decides, for the acting user, who may tick each item: an item without an audience needs Edit
 * issues on the issue; a group item membership of that group; a project-role item being an actor of
 * that role in the issue's project, as a user or through a group; a PMO item being a settings editor
 * (a Jira admin or a member of the PMO group). Jira is asked only for what the items need, once:
 * the user's groups as the user; role actors as the app (Jira shows them to administrators only).
 */
export async function tickRightsFor(
  deps: AppDeps,
  actor: Actor,
  context: TickRightsContext,
  items: readonly ChecklistItem[],
): Promise<(item: ChecklistItem) => TickRight> {
  const audiences = items.flatMap((item) => (item.tickableBy ? [item.tickableBy] : []));
  const needsGroups = audiences.some((audience) => audience.kind !== 'pmo');
  const roleNames = [
    ...new Set(audiences.flatMap((audience) => (audience.kind === 'projectRole' ? [audience.role] : []))),
  ];
  const jira = deps.jira.asUser(actor.accountId);
  const [groups, pmo, roles] = await Promise.all([
    needsGroups ? jira.myGroups() : Promise.resolve([]),
    audiences.some((audience) => audience.kind === 'pmo')
      ? settingsEditorStatus(deps, actor, context.pmoGroupName)
      : Promise.resolve(null),
    Promise.all(
      roleNames.map(
        async (name) =>
          [name.toLowerCase(), await deps.jira.asApp().projectRoleByName(context.projectKey, name)] as const,
      ),
    ),
  ]);
  const myGroups = new Set(groups.map((group) => group.toLowerCase()));
  const roleByName = new Map(roles);
  const roleMissing = (name: string) => roleByName.get(name.toLowerCase()) === undefined;

  const inRole = (name: string): boolean =>
    (roleByName.get(name.toLowerCase())?.actors ?? []).some(
      (roleActor) =>
        roleActor.actorUser?.accountId === actor.accountId ||
        myGroups.has((roleActor.actorGroup?.name ?? '').toLowerCase()),
    );

  const allowed = (audience: TickAudience | undefined): boolean => {
    switch (audience?.kind) {
      case 'group':
        return myGroups.has(audience.group.toLowerCase());
      case 'projectRole':
        return inRole(audience.role);
      case 'pmo':
        return pmo?.canEdit === true;
      default:
        return context.canEditIssue;
    }
  };

  return (item) => {
    const audience = describeTickAudience(item.tickableBy);
    if (allowed(item.tickableBy)) return { allowed: true, audience, reason: null };
    if (item.tickableBy?.kind === 'projectRole' && roleMissing(item.tickableBy.role)) {
      return {
        allowed: false,
        audience,
        reason: `No one can tick this item: the project role "${item.tickableBy.role}" does not exist on this site; a PMO settings editor must change the gate.`,
      };
    }
    return { allowed: false, audience, reason: refusal(item.tickableBy, context) };
  };
}

function refusal(audience: TickAudience | undefined, context: TickRightsContext): string {
  switch (audience?.kind) {
    case 'group':
      return `Only members of the Jira group "${audience.group}" can tick this item; you are not one.`;
    case 'projectRole':
      return `Only people in the project role "${audience.role}" of ${context.projectKey} can tick this item; you are not in it.`;
    case 'pmo':
      return context.pmoGroupName
        ? `Only the PMO (Jira administrators and members of "${context.pmoGroupName}") can tick this item.`
        : 'Only the PMO (Jira administrators) can tick this item.';
    default:
      return `You need the Edit issues permission on ${context.issueKey} to change its gate checklist`;
  }
}

/** The checklist items of the standards that are on (what the panel can show). */
export function activeChecklistItems(config: PmoConfig): ChecklistItem[] {
  return config.standards
    .filter((standard) => standard.mode !== 'off')
    .flatMap((standard) => standard.rules)
    .flatMap((rule) => (rule.kind === 'gateChecklist' ? rule.items : []));
}
