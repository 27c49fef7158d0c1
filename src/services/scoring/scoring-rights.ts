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
  const item = { id: 'score', text: 'Score', mandatory: true, ...(scorers ? { tickableBy: scorers } : {}) };
  const right = (
    await tickRightsFor(
      deps,
      actor,
      {
        issueKey: candidate.key,
        projectKey: candidate.projectKey,
        canEditIssue: permissions.EDIT_ISSUES === true,
        pmoGroupName,
      },
      [item],
    )
  )(item);
  const audience = describeTickAudience(scorers);
  if (right.allowed) return { allowed: true, audience, reason: null };
  return {
    allowed: false,
    audience,
    reason: scorers
      ? `Only ${audience} may score candidates; you are not one of them.`
      : `You need the Edit issues permission on ${candidate.key} to score it.`,
  };
}
