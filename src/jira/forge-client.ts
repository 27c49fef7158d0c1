import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraAccess } from './access';
import { JiraClient, type JiraClientOptions } from './client';
import { buildUrlPath, type JiraRequest, type JiraResponse, type JiraTransport } from './transport';

/**
 * Jira through Forge's `requestJira`, as the app or as the invoking user. Paths are built from
 * encoded segments by the Jira client (see `segment`), which is why the route can be trusted here.
 */
export function createForgeTransport(principal: 'app' | 'user'): JiraTransport {
  return {
    async send(request: JiraRequest): Promise<JiraResponse> {
      const requester = principal === 'app' ? api.asApp() : api.asUser();
      const response = await requester.requestJira(
        assumeTrustedRoute(buildUrlPath(request.path, request.query)),
        {
          method: request.method,
          headers: {
            accept: 'application/json',
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        },
      );
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name), text };
    },
  };
}

/** Forge's JiraAccess. `asUser` ignores the id: Forge binds the user of the current invocation. */
export function createForgeJiraAccess(options: JiraClientOptions = {}): JiraAccess {
  return {
    asApp: () => new JiraClient(createForgeTransport('app'), options),
    asUser: () => new JiraClient(createForgeTransport('user'), options),
  };
}
