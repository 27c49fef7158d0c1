import type { PmoConfig } from '../../src/domain/config/schema';
import { wsjfEpicConfig } from '../../test/support/scoring-settings';
import { invoke } from './api';
import type { Stack } from './stack';

/**
 * The first two epics of the projects the team member edits (the first three) that no security level
 * hides: the candidates the scoring and authorisation tests work with.
 */
export function twoTeamEpics(stack: Stack): [string, string] {
  const [first, second] = stack.sim.dataset.issues.filter(
    (issue) => issue.typeId === '10000' && issue.projectIdx < 3 && issue.securityLevelId === null,
  );
  if (!first || !second) throw new Error('the seeded data has no two team epics');
  return [first.key, second.key];
}

/**
 * Publishes `config` (by default WSJF scoring of epics) as the first settings, as `adminId`, and
 * answers two team epics put in Backlog directly in the simulator: proposals still in Inception, so
 * ranked (candidates past it are listed apart, unranked).
 */
export async function twoBacklogCandidates(
  stack: Stack,
  adminId: string,
  config: PmoConfig = wsjfEpicConfig(),
): Promise<[string, string]> {
  await invoke(stack, 'saveSettings', adminId, { baseVersion: 0, config, comment: 'Score epics with WSJF' });
  const epics = twoTeamEpics(stack);
  const backlog = stack.sim.dataset.statuses.find((status) => status.name === 'Backlog');
  if (!backlog) throw new Error('the simulator has no Backlog status');
  for (const key of epics) stack.sim.mutate.editIssue(key, { statusId: backlog.id });
  return epics;
}
