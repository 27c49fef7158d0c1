import type { StatusSettings } from '../../domain/status/settings';
import type { JiraClient } from '../../jira/client';
import type { Actor, AppDeps } from '../deps';

/** Whether the acting user may write one project's status update, and if not, why (said to them). */
export interface WriteRight {
  allowed: boolean;
  /** How they may: as its lead, a project admin, a member of the writers' group, or as the fallback. */
  via: 'lead' | 'projectAdmin' | 'group' | 'fallback' | null;
  reason: string | null;
}

export interface ProjectLead {
  key: string;
  leadAccountId: string | null;
}

/** How long whether a lead's account is active is kept per site (people leave rarely). */
const LEAD_ACTIVITY_TTL_MS = 10 * 60_000;
const activeLeads = new Map<string, { active: boolean; expiresAt: number }>();

/** Forgets what was learnt about leads (tests). */
export function clearLeadActivityCache(): void {
  activeLeads.clear();
}

/**
 * Who may write each project's status update, decided for the acting user with Jira's answers as
 * them: the project lead (when the portfolio allows leads), people with Administer projects on it
 * (`/mypermissions` for one project; `/permissions/project` for a board, one request for all), members of the portfolio's writers' group
 * (`/myself` groups). When a project's lead has left (inactive or unknown to Jira), its project admins
 * and the PMO group may write it whatever the portfolio allows, so an update is never orphaned.
 */
export async function statusWriteRights(
  deps: AppDeps,
  actor: Actor,
  settings: StatusSettings,
  pmoGroupName: string | null,
  projects: readonly ProjectLead[],
): Promise<Map<string, WriteRight>> {
  const jira = deps.jira.asUser(actor.accountId);
  const groupWanted = settings.writers.groupName !== null || pmoGroupName !== null;
  const [adminOf, groups, leftLeads] = await Promise.all([
    projectsAdministered(jira, projects),
    groupWanted ? jira.myGroups() : Promise.resolve([]),
    leadsWhoLeft(deps, actor.installation, projects),
  ]);
  const myGroups = new Set(groups.map((group) => group.toLowerCase()));
  const inWriters =
    settings.writers.groupName !== null && myGroups.has(settings.writers.groupName.toLowerCase());
  const inPmo = pmoGroupName !== null && myGroups.has(pmoGroupName.toLowerCase());
  const rights = new Map<string, WriteRight>();
  for (const project of projects) {
    const leadLeft = project.leadAccountId === null || leftLeads.has(project.leadAccountId);
    const isAdmin = adminOf.has(project.key);
    let via: WriteRight['via'] = null;
    if (settings.writers.projectLead && !leadLeft && project.leadAccountId === actor.accountId) via = 'lead';
    else if (settings.writers.projectAdmins && isAdmin) via = 'projectAdmin';
    else if (inWriters) via = 'group';
    else if (leadLeft && (isAdmin || inPmo)) via = 'fallback';
    rights.set(project.key, {
      allowed: via !== null,
      via,
      reason: via === null ? refusal(settings, pmoGroupName, project.key, leadLeft) : null,
    });
  }
  return rights;
}

/** The projects among `projects` where the user has Administer projects, asked of Jira as them. */
async function projectsAdministered(
  jira: JiraClient,
  projects: readonly ProjectLead[],
): Promise<Set<string>> {
  const [only] = projects;
  if (projects.length === 1 && only) {
    const answer = await jira.myPermissions(['ADMINISTER_PROJECTS'], { projectKey: only.key });
    return new Set(answer.ADMINISTER_PROJECTS ? [only.key] : []);
  }
  if (projects.length === 0) return new Set();
  return new Set((await jira.permittedProjects(['ADMINISTER_PROJECTS'])).map((project) => project.key));
}

/** Leads Jira no longer names as active accounts (asked as the app, cached per site). */
async function leadsWhoLeft(
  deps: AppDeps,
  installation: string,
  projects: readonly ProjectLead[],
): Promise<Set<string>> {
  const now = deps.now().getTime();
  const leads = [
    ...new Set(projects.flatMap((project) => (project.leadAccountId ? [project.leadAccountId] : []))),
  ];
  const cacheKey = (id: string) => JSON.stringify([installation, id]);
  const unknown = leads.filter((id) => (activeLeads.get(cacheKey(id))?.expiresAt ?? 0) <= now);
  if (unknown.length > 0) {
    const active = await deps.jira.asApp().activeAccountIds(unknown);
    if (activeLeads.size > 5_000) activeLeads.clear();
    for (const id of unknown)
      activeLeads.set(cacheKey(id), { active: active.has(id), expiresAt: now + LEAD_ACTIVITY_TTL_MS });
  }
  return new Set(leads.filter((id) => activeLeads.get(cacheKey(id))?.active === false));
}

function refusal(
  settings: StatusSettings,
  pmoGroupName: string | null,
  projectKey: string,
  leadLeft: boolean,
): string {
  const who: string[] = [];
  if (settings.writers.projectLead) who.push(`the lead of ${projectKey}`);
  if (settings.writers.projectAdmins || leadLeft) who.push(`its project administrators`);
  if (settings.writers.groupName) who.push(`members of the Jira group "${settings.writers.groupName}"`);
  if (leadLeft && pmoGroupName) who.push(`the PMO group "${pmoGroupName}" (its lead has left)`);
  if (who.length === 0)
    return `Nobody may write the status of ${projectKey}: ask a PMO settings editor to name who may.`;
  return `Only ${joinWords(who)} can write this status update.`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
