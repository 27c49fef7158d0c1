import { JiraClient } from '../../src/jira/client';
import { basicAuthorization, createHttpTransport } from '../../src/jira/http-client';
import { SIM_USERS, type SimUser } from '../jira-sim/users';
import {
  createLocalApp,
  type JiraCredentials,
  type LocalApp,
  type LocalAppOptions,
} from '../local/local-app';
import type { HostUser } from './pages';

/** Everything `createHost` needs about Jira and its people, for one of the two modes. */
export interface HostWiring {
  localApp: LocalApp;
  users: HostUser[];
  userCredentials: (accountId: string) => JiraCredentials | undefined;
  jiraBaseUrl: string;
  mode: 'simulator' | 'site';
  readOnly: boolean;
}

/**
 * The app against the simulator: the switcher offers every human SIM_USER; the app's own calls
 * (Forge's asApp) use `sim-app`, and each user's calls (asUser) that user's API token.
 */
export function wireSimulator(
  simUrl: string,
  extra: Omit<LocalAppOptions, 'jiraBaseUrl' | 'appCredentials' | 'userCredentials'> = {},
  simUsers: readonly SimUser[] = SIM_USERS,
): HostWiring {
  const app = simUsers.find((user) => user.role === 'app');
  if (!app) throw new Error('The simulator has no app user (role "app")');
  const credentialsOf = (user: SimUser): JiraCredentials => ({
    email: user.emailAddress,
    apiToken: user.apiToken,
  });
  const people = simUsers.filter((user) => user.role !== 'app');
  const userCredentials = (accountId: string) => {
    const user = people.find((candidate) => candidate.accountId === accountId);
    return user ? credentialsOf(user) : undefined;
  };
  const localApp = createLocalApp({
    ...extra,
    jiraBaseUrl: simUrl,
    appCredentials: credentialsOf(app),
    userCredentials,
  });
  return {
    localApp,
    users: people.map(({ accountId, displayName, role }) => ({ accountId, displayName, role })),
    userCredentials,
    jiraBaseUrl: simUrl,
    mode: 'simulator',
    readOnly: false,
  };
}

/**
 * The app against a real Jira Cloud site with one API token: that token's owner is the only user,
 * and also stands in for the app (a site has no Forge app principal for a local process).
 * Read-only: the transport refuses every write.
 */
export async function wireSite(baseUrl: string, credentials: JiraCredentials): Promise<HostWiring> {
  const jiraBaseUrl = baseUrl.replace(/\/+$/, '');
  const me = await new JiraClient(
    createHttpTransport({
      baseUrl: jiraBaseUrl,
      authorization: basicAuthorization(credentials.email, credentials.apiToken),
      readOnly: true,
    }),
  ).myself();
  const userCredentials = (accountId: string) => (accountId === me.accountId ? credentials : undefined);
  const localApp = createLocalApp({
    jiraBaseUrl,
    appCredentials: credentials,
    userCredentials,
    readOnly: true,
  });
  return {
    localApp,
    users: [{ accountId: me.accountId, displayName: me.displayName ?? credentials.email, role: 'site' }],
    userCredentials,
    jiraBaseUrl,
    mode: 'site',
    readOnly: true,
  };
}
