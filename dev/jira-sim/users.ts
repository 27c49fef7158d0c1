/** The simulator's fixed login users and the permission model behind them. */

export type SimRole = 'admin' | 'pmo' | 'team' | 'outsider' | 'app';

export interface SimUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  apiToken: string;
  role: SimRole;
  /** Jira groups the user belongs to (`/myself?expand=groups`); the role's default group when absent. */
  groups?: string[];
}

/** A person who appears in issues (assignee, reporter, lead, risk owner); not necessarily a login user. */
export interface SimPerson {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: 'atlassian' | 'app';
  /** False for someone who left (a deactivated account, which Jira still names); active when absent. */
  active?: boolean;
}

export const SIM_USERS: SimUser[] = [
  {
    accountId: 'sim-admin',
    displayName: 'Ada Admin',
    emailAddress: 'ada.admin@pmo-sim.example',
    apiToken: 'sim-token-admin',
    role: 'admin',
  },
  {
    accountId: 'sim-pmo',
    displayName: 'Pat PMO Lead',
    emailAddress: 'pat.pmo@pmo-sim.example',
    apiToken: 'sim-token-pmo',
    role: 'pmo',
    /** `pmo-office` is the group an admin can name as the PMO group allowed to change settings. */
    groups: ['jira-software-users', 'pmo-office'],
  },
  {
    accountId: 'sim-team',
    displayName: 'Tom Team',
    emailAddress: 'tom.team@pmo-sim.example',
    apiToken: 'sim-token-team',
    role: 'team',
  },
  {
    accountId: 'sim-outsider',
    displayName: 'Olive Outsider',
    emailAddress: 'olive.outsider@pmo-sim.example',
    apiToken: 'sim-token-outsider',
    role: 'outsider',
  },
  {
    accountId: 'sim-app',
    displayName: 'PMO Portfolio (app)',
    emailAddress: 'pmo-portfolio-app@connect.atlassian.example',
    apiToken: 'sim-token-app',
    role: 'app',
  },
];

/** Number of leading projects (in dataset order) that `sim-team` may browse and edit. */
export const TEAM_PROJECT_COUNT = 3;

export function simUser(role: SimRole): SimUser {
  const user = SIM_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no sim user with role ${role}`);
  return user;
}

export function basicAuthHeader(user: Pick<SimUser, 'emailAddress' | 'apiToken'>): string {
  return `Basic ${Buffer.from(`${user.emailAddress}:${user.apiToken}`, 'utf8').toString('base64')}`;
}

/** Resolve an `Authorization` header to a login user; `undefined` when missing or wrong. */
export function authenticate(
  header: string | undefined,
  users: readonly SimUser[] = SIM_USERS,
): SimUser | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const email = decoded.slice(0, colon).toLowerCase();
  const token = decoded.slice(colon + 1);
  return users.find((u) => u.emailAddress.toLowerCase() === email && u.apiToken === token);
}

export function toPerson(user: SimUser): SimPerson {
  return {
    accountId: user.accountId,
    displayName: user.displayName,
    emailAddress: user.emailAddress,
    accountType: user.role === 'app' ? 'app' : 'atlassian',
  };
}
