/** What a login user may see and do: the simulated permission scheme and issue security. */
import { z } from 'zod';
import permissionCatalogue from './permissions.json';
import type { SimState } from './state';
import type { SimIssue } from './types';
import { type SimUser, TEAM_PROJECT_COUNT } from './users';

const PermissionInfoSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.enum(['GLOBAL', 'PROJECT']),
});
const PermissionCatalogueSchema = z.array(PermissionInfoSchema);
export type PermissionInfo = z.infer<typeof PermissionInfoSchema>;

/** Jira's permission catalogue as `GET /rest/api/3/permissions` describes it, keyed by permission key. */
export const PERMISSIONS: Record<string, PermissionInfo> = Object.fromEntries(
  PermissionCatalogueSchema.parse(permissionCatalogue).map((permission) => [permission.key, permission]),
);

const EDIT_LIKE = new Set([
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'ASSIGN_ISSUES',
  'RESOLVE_ISSUES',
  'ADD_COMMENTS',
  'LINK_ISSUES',
  'SCHEDULE_ISSUES',
  'TRANSITION_ISSUES',
]);

export class Access {
  constructor(
    readonly user: SimUser,
    private readonly state: SimState,
  ) {}

  get isSiteAdmin(): boolean {
    return this.user.role === 'admin';
  }

  /** Admins and the app's own principal see issues that carry an issue security level. */
  get seesRestricted(): boolean {
    return this.user.role === 'admin' || this.user.role === 'app';
  }

  canBrowse(projectIdx: number): boolean {
    switch (this.user.role) {
      case 'admin':
      case 'pmo':
      case 'app':
        return projectIdx >= 0 && projectIdx < this.state.dataset.projects.length;
      case 'team':
        return (
          projectIdx >= 0 && projectIdx < Math.min(TEAM_PROJECT_COUNT, this.state.dataset.projects.length)
        );
      default:
        return false;
    }
  }

  canEdit(projectIdx: number): boolean {
    if (!this.canBrowse(projectIdx)) return false;
    return this.user.role === 'admin' || this.user.role === 'team' || this.user.role === 'app';
  }

  canSee(issue: SimIssue): boolean {
    return this.canBrowse(issue.projectIdx) && (issue.securityLevelId === null || this.seesRestricted);
  }

  browsableProjects(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.state.dataset.projects.length; i++) if (this.canBrowse(i)) out.push(i);
    return out;
  }

  /** A global permission, or a project permission in one project (or in any project when none is given). */
  has(permission: string, projectIdx?: number, issue?: SimIssue): boolean {
    const info = PERMISSIONS[permission];
    if (!info) return false;
    const role = this.user.role;
    if (info.type === 'GLOBAL') {
      if (permission === 'ADMINISTER' || permission === 'SYSTEM_ADMIN') return role === 'admin';
      return role !== 'outsider';
    }
    if (issue && !this.canSee(issue)) return false;
    const target = issue ? issue.projectIdx : projectIdx;
    const projects = target === undefined ? this.browsableProjects() : [target];
    return projects.some((idx) => this.hasInProject(permission, idx));
  }

  private hasInProject(permission: string, idx: number): boolean {
    if (!this.canBrowse(idx)) return false;
    if (permission === 'BROWSE_PROJECTS') return true;
    if (permission === 'ADMINISTER_PROJECTS' || permission === 'SET_ISSUE_SECURITY') return this.isSiteAdmin;
    if (permission === 'DELETE_ISSUES') return this.isSiteAdmin;
    if (EDIT_LIKE.has(permission)) return this.canEdit(idx);
    return false;
  }
}
