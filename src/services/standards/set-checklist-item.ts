import { z } from 'zod';
import type { IssueStandards } from '../../contracts/standards';
import { AppError } from '../../domain/errors';
import type { JiraIssue } from '../../jira/schemas';
import type { Actor, AppDeps } from '../deps';
import { type LiveConfig, loadLiveConfig } from '../settings/live-config';
import { isTicked, latestChecklistSequence, recordChecklistEvent } from './checklist-store';
import { getIssueStandards } from './get-issue-standards';
import { refreshIssueCompliance } from './refresh-issue-compliance';
import { tickRightsFor } from './tick-rights';

export interface ChecklistChange {
  issueKey: string;
  ruleId: string;
  itemId: string;
  ticked: boolean;
}

/**
 * Ticks or unticks one gate checklist item. Who may is the item's audience (see tick-rights.ts;
 * by default users with Jira's Edit issues permission), asked of Jira every time. Records who and
 * when; the history keeps unticks too. Answers the panel's new state.
 */
export async function setChecklistItem(
  deps: AppDeps,
  actor: Actor,
  change: ChecklistChange,
): Promise<IssueStandards> {
  const live = await loadLiveConfig(deps);
  const rule = live.config.standards
    .filter((standard) => standard.mode !== 'off')
    .flatMap((standard) => standard.rules)
    .find((candidate) => candidate.kind === 'gateChecklist' && candidate.id === change.ruleId);
  if (rule?.kind !== 'gateChecklist') {
    throw new AppError('NOT_FOUND', `There is no active gate checklist "${change.ruleId}"; reload the panel`);
  }
  const item = rule.items.find((candidate) => candidate.id === change.itemId);
  if (!item) {
    throw new AppError('NOT_FOUND', `The gate checklist has no item "${change.itemId}"; reload the panel`);
  }

  const jira = deps.jira.asUser(actor.accountId);
  const [issue, permissions, me] = await Promise.all([
    jira.getIssue(change.issueKey, ['summary', 'project']),
    jira.myPermissions(['EDIT_ISSUES'], { issueKey: change.issueKey }),
    jira.myself(),
  ]);
  const right = (
    await tickRightsFor(
      deps,
      actor,
      {
        issueKey: issue.key,
        projectKey: projectKeyOf(issue),
        canEditIssue: permissions.EDIT_ISSUES === true,
        pmoGroupName: live.config.access.pmoGroupName,
      },
      [item],
    )
  )(item);
  if (!right.allowed) {
    throw new AppError('FORBIDDEN', right.reason ?? `You may not tick this item of ${issue.key}`);
  }

  const { sequence } = await recordChecklistEvent(deps.store, issue.id, (state) => {
    // Decided on the latest stored state (asked again if someone else ticked meanwhile).
    if (isTicked(state, change.ruleId, change.itemId) === change.ticked) return null;
    return {
      ruleId: change.ruleId,
      itemId: change.itemId,
      ticked: change.ticked,
      by: actor.accountId,
      ...(me.displayName ? { byName: me.displayName } : {}),
      at: deps.now().toISOString(),
    };
  });
  if (sequence !== null) {
    try {
      await mirrorCompliance(deps, issue.id, sequence, live);
    } catch (error) {
      // The tick is saved; the JQL mirror catches up on the next issue event.
      deps.logger.warn('could not update the compliance property', { issueKey: change.issueKey }, error);
    }
  }
  return getIssueStandards(deps, actor, change.issueKey);
}

/** Refreshes of the JQL mirror one tick may make when others tick the same issue meanwhile. */
const MAX_MIRROR_ROUNDS = 4;

/**
 * Writes the `pmoCompliance` property after the event numbered `sequence`. Concurrent ticks each
 * refresh it, and a refresh that read the ticks early may write last; so after writing, a tick
 * looks for events newer than what it has seen and, if any, refreshes again. The last event's
 * writer finds none after its own write, which therefore reflects every event up to it.
 */
async function mirrorCompliance(deps: AppDeps, issueId: string, sequence: number, live: LiveConfig) {
  let seen = sequence;
  for (let round = 0; round < MAX_MIRROR_ROUNDS; round++) {
    await refreshIssueCompliance(deps, issueId, { live });
    const latest = await latestChecklistSequence(deps.store, issueId, seen);
    if (latest === seen) return;
    seen = latest;
  }
}

const IssueProjectSchema = z.object({ project: z.object({ key: z.string() }) });

/** The issue's project key as Jira answered it (its key's prefix if the field is missing). */
function projectKeyOf(issue: JiraIssue): string {
  const parsed = IssueProjectSchema.safeParse(issue.fields);
  return parsed.success ? parsed.data.project.key : issue.key.slice(0, issue.key.lastIndexOf('-'));
}
