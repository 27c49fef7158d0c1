import type { IssueStandards } from '../../contracts/standards';
import { blockingLinksOf, indexBlockingLinks } from '../../domain/dependencies/links';
import { AppError } from '../../domain/errors';
import type { Actor, AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import { readChecklist } from './checklist-store';
import { standardsFieldIds, toIssueFacts } from './issue-facts';
import { type BlockerInfo, describeIssueStandards, readBlockers } from './issue-standards';
import { loadStandardsSite } from './standards-site';
import { activeChecklistItems, tickRightsFor } from './tick-rights';

/**
 * The issue panel: the standards on one issue as the viewing user may see it. The issue and its
 * blockers are read as the user (Jira applies their permissions); the checklist from app storage.
 */
export async function getIssueStandards(
  deps: AppDeps,
  actor: Actor,
  issueKey: string,
): Promise<IssueStandards> {
  const live = await loadLiveConfig(deps);
  const jira = deps.jira.asUser(actor.accountId);
  const site = await loadStandardsSite(jira, live.config);
  const fields = [...standardsFieldIds(live.config.standards, site.mapping), 'summary', 'duedate'];
  const [issue, permissions] = await Promise.all([
    jira.getIssue(issueKey, fields),
    jira.myPermissions(['EDIT_ISSUES'], { issueKey }),
  ]);
  const checklist = await readChecklist(deps.store, issue.id);
  const facts = toIssueFacts(issue, checklist.ticks);
  const tickRight = await tickRightsFor(
    deps,
    actor,
    {
      issueKey: issue.key,
      projectKey: facts.projectKey,
      canEditIssue: permissions.EDIT_ISSUES === true,
      pmoGroupName: live.config.access.pmoGroupName,
    },
    activeChecklistItems(live.config),
  );
  const { blockedBy } = blockingLinksOf(facts.links, indexBlockingLinks(live.config.engine.blockingLinks));
  let blockers: BlockerInfo[] = [];
  let blockersUnreadable = false;
  try {
    blockers = await readBlockers(jira, blockedBy);
  } catch (error) {
    // The links already carry each blocker's status; due dates and summaries are missing, and the
    // panel says so instead of presenting the blockers as on time.
    if (!(error instanceof AppError)) throw error;
    blockersUnreadable = true;
  }
  return describeIssueStandards({
    facts,
    issueId: issue.id,
    summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : issue.key,
    dueDate: typeof issue.fields.duedate === 'string' ? issue.fields.duedate.slice(0, 10) : null,
    config: live.config,
    configVersion: live.version,
    site,
    checklist,
    blockers,
    blockersUnreadable,
    canTick: permissions.EDIT_ISSUES === true,
    tickRight,
    today: deps.now().toISOString().slice(0, 10),
  });
}
