import type { TickAudience } from '../../domain/standards/schema';
import { describeTickAudience } from '../../domain/standards/tick-audience';
import type { Actor, AppDeps } from '../deps';
import { tickRightsFor } from '../standards/tick-rights';

export interface ScoringRight {
  allowed: boolean;
  audience: string;
  reason: string | null;
}

/**
 * Whether the acting user may score one candidate: the settings' scorers (a group, a project role,
 * the PMO) decided the way gate items are, asked of Jira as the user every time; without an
 * audience, anyone with Edit issues on the candidate.
 */
export async function scoringRightFor(
  deps: AppDeps,
  actor: Actor,
  candidate: { key: string; projectKey: string },
  scorers: TickAudience | undefined,
  pmoGroupName: string | null,
): Promise<ScoringRight> {
  const permissions = await deps.jira
    .asUser(actor.accountId)
    .myPermissions(['EDIT_ISSUES'], { issueKey: candidate.key });
  const allowed = await audienceAllows(deps, actor, candidate, scorers, pmoGroupName, {
    canEditIssue: permissions.EDIT_ISSUES === true,
  });
  const audience = describeTickAudience(scorers);
  if (allowed) return { allowed: true, audience, reason: null };
  return {
    allowed: false,
    audience,
    reason: scorers
      ? `Only ${audience} may score candidates; you are not one of them.`
      : `You need the Edit issues permission on ${candidate.key} to score it.`,
  };
}

/**
 * Whether the acting user may approve, defer or reject a candidate at the Inception gate: the
 * settings' authorisers (by default the PMO: Jira admins and the PMO group), asked of Jira as the
 * user every time.
 */
export async function authoriserRightFor(
  deps: AppDeps,
  actor: Actor,
  candidate: { key: string; projectKey: string },
  authorisers: TickAudience | undefined,
  pmoGroupName: string | null,
): Promise<ScoringRight> {
  const who: TickAudience = authorisers ?? { kind: 'pmo' };
  const allowed = await audienceAllows(deps, actor, candidate, who, pmoGroupName, { canEditIssue: false });
  const audience = describeTickAudience(who);
  return allowed
    ? { allowed: true, audience, reason: null }
    : {
        allowed: false,
        audience,
        reason: `Only ${audience} may authorise candidates; you are not one of them.`,
      };
}

/** The audience decided the way a gate item's is (see tickRightsFor). */
async function audienceAllows(
  deps: AppDeps,
  actor: Actor,
  candidate: { key: string; projectKey: string },
  audience: TickAudience | undefined,
  pmoGroupName: string | null,
  { canEditIssue }: { canEditIssue: boolean },
): Promise<boolean> {
  const item = { id: 'right', text: 'Right', mandatory: true, ...(audience ? { tickableBy: audience } : {}) };
  const rights = await tickRightsFor(
    deps,
    actor,
    { issueKey: candidate.key, projectKey: candidate.projectKey, canEditIssue, pmoGroupName },
    [item],
  );
  return rights(item).allowed;
}
