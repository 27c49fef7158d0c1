import type { JiraClient } from './client';

/**
 * How services reach Jira: as the app (sees what the app is granted) or as the acting user (sees
 * only what that user may browse). On Forge the user is bound by the platform to the invocation;
 * locally the adapter looks up that user's credentials.
 */
export interface JiraAccess {
  asApp(): JiraClient;
  asUser(accountId: string): JiraClient;
}
