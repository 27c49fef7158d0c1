/** What a login user may see and do: the simulated permission scheme and issue security. */
import type { SimState } from './state';
import type { SimIssue } from './types';
import { type SimUser, TEAM_PROJECT_COUNT } from './users';

export interface PermissionInfo {
  id: string;
  key: string;
  name: string;
  description: string;
  type: 'GLOBAL' | 'PROJECT';
}

const P = (
  id: string,
  key: string,
  name: string,
  description: string,
  type: 'GLOBAL' | 'PROJECT',
): PermissionInfo => ({
  id,
  key,
  name,
  description,
  type,
});

export const PERMISSIONS: Record<string, PermissionInfo> = Object.fromEntries(
  [
    P(
      '0',
      'ADMINISTER',
      'Administer Jira',
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
      'GLOBAL',
    ),
    P(
      '44',
      'SYSTEM_ADMIN',
      'Jira System Administrators',
      'Ability to perform all administration functions. There must be at least one group with this permission.',
      'GLOBAL',
    ),
    P(
      '27',
      'USER_PICKER',
      'Browse users and groups',
      'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
      'GLOBAL',
    ),
    P(
      '22',
      'CREATE_SHARED_OBJECTS',
      'Share dashboards and filters',
      'Share dashboards and filters with other users.',
      'GLOBAL',
    ),
    P(
      '33',
      'BULK_CHANGE',
      'Make bulk changes',
      'Modify collections of issues at once. For example, resolve multiple issues in one step.',
      'GLOBAL',
    ),
    P(
      '23',
      'ADMINISTER_PROJECTS',
      'Administer Projects',
      'Ability to administer a project in Jira.',
      'PROJECT',
    ),
    P(
      '10',
      'BROWSE_PROJECTS',
      'Browse Projects',
      'Ability to browse projects and the issues within them.',
      'PROJECT',
    ),
    P('11', 'CREATE_ISSUES', 'Create Issues', 'Ability to create issues.', 'PROJECT'),
    P('12', 'EDIT_ISSUES', 'Edit Issues', 'Ability to edit issues.', 'PROJECT'),
    P('13', 'ASSIGN_ISSUES', 'Assign Issues', 'Ability to assign issues to other people.', 'PROJECT'),
    P(
      '14',
      'RESOLVE_ISSUES',
      'Resolve Issues',
      'Ability to resolve and reopen issues. This includes the ability to set a fix version.',
      'PROJECT',
    ),
    P('15', 'ADD_COMMENTS', 'Add Comments', 'Ability to comment on issues.', 'PROJECT'),
    P('16', 'DELETE_ISSUES', 'Delete Issues', 'Ability to delete issues.', 'PROJECT'),
    P(
      '21',
      'LINK_ISSUES',
      'Link Issues',
      'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
      'PROJECT',
    ),
    P(
      '26',
      'SET_ISSUE_SECURITY',
      'Set Issue Security',
      'Ability to set the level of security on an issue so that only people in that security level can see the issue.',
      'PROJECT',
    ),
    P('28', 'SCHEDULE_ISSUES', 'Schedule Issues', "Ability to set or edit an issue's due date.", 'PROJECT'),
    P('46', 'TRANSITION_ISSUES', 'Transition Issues', 'Ability to transition issues.', 'PROJECT'),
  ].map((p) => [p.key, p]),
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
