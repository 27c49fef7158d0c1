/**
 * Project roles of the simulated site. As in Jira Cloud the roles are shared by every project; their
 * actors (users and groups) differ per project: `sim-team` is a Developer of the projects it edits,
 * the PMO lead's group `pmo-office` holds the "PMO reviewers" role everywhere, admins administer.
 */
import { simUser, TEAM_PROJECT_COUNT } from './users';

export interface SimRoleActor {
  kind: 'user' | 'group';
  /** Account id for a user, group name for a group. */
  name: string;
}

export interface SimProjectRole {
  id: number;
  name: string;
  description: string;
  actorsIn(projectIdx: number): SimRoleActor[];
}

export const PROJECT_ROLES: readonly SimProjectRole[] = [
  {
    id: 10002,
    name: 'Administrators',
    description: 'A project role that represents administrators in a project',
    actorsIn: () => [{ kind: 'group', name: 'site-admins' }],
  },
  {
    id: 10000,
    name: 'Developers',
    description: 'A project role that represents developers in a project',
    actorsIn: (projectIdx) =>
      projectIdx < TEAM_PROJECT_COUNT ? [{ kind: 'user', name: simUser('team').accountId }] : [],
  },
  {
    id: 10001,
    name: 'Users',
    description: 'A project role that represents users in a project',
    actorsIn: () => [{ kind: 'group', name: 'jira-software-users' }],
  },
  {
    id: 10003,
    name: 'PMO reviewers',
    description: 'People who sign off gates for the PMO',
    actorsIn: () => [{ kind: 'group', name: 'pmo-office' }],
  },
];
