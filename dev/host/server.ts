import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AppError, httpStatusOf } from '../../src/domain/errors';
import { ISSUE_KEY_PATTERN, PROJECT_KEY_PATTERN } from '../../src/domain/model';
import type { JiraCredentials, LocalApp } from '../local/local-app';
import { appHeaders, readManifestPermissions } from './csp';
import { html } from './html';
import {
  HostError,
  headerValue,
  parseCookies,
  readJsonBody,
  redirect,
  sendBytes,
  sendError,
  sendHtml,
  sendJson,
  sendText,
} from './http';
import { handleInvoke } from './invoke';
import { readIssueView, readProjectIssues, type TransitionOption, UserJira } from './jira-views';
import { PATHS, PORTFOLIO_MODULE, PORTFOLIO_PAGES } from './modules';
import {
  type ColorMode,
  type FrameContext,
  type HostUser,
  renderAdminPage,
  renderIssuePage,
  renderMessagePage,
  renderPortfolioPage,
  renderProjectPage,
  renderProjectsPage,
} from './pages';
import { isAppEntry, serveAppFile } from './static-apps';

export type { HostUser } from './pages';

export interface HostOptions {
  /** 0 or undefined: an ephemeral port (tests). */
  port?: number;
  /** Interface to listen on; default 127.0.0.1 (the host has no authentication of its own). */
  hostname?: string;
  localApp: LocalApp;
  /** The people of the user switcher; the first `pmo` user is the default. */
  users: readonly HostUser[];
  /** The built Custom UI resources: the folder holding `portfolio/`, `issue-panel/`, `admin/` (static/dist). */
  staticDir: string;
  jiraBaseUrl: string;
  mode: 'simulator' | 'site';
  /**
   * Credentials of a switcher user, for the few Jira calls the host makes that JiraClient has no
   * method for (issue transitions). Without it the issue view shows no transition control.
   */
  userCredentials?: (accountId: string) => JiraCredentials | undefined;
  /** Refuse Jira writes from the host's own pages; default: true in site mode. */
  readOnly?: boolean;
}

export interface Host {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const USER_COOKIE = 'pmo_user';
export const THEME_COOKIE = 'pmo_theme';

const ASSETS_DIR = path.join(__dirname, 'assets');
const APP_ICON = path.join(__dirname, '..', '..', 'static', 'icons', 'pmo.svg');
const TOKEN_THEMES = new Set([
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
]);

const TransitionRequest = z.object({ transitionId: z.string().regex(/^\d{1,10}$/) }).strict();

/** The local Jira-like host: frame pages, the Custom UI resources, the bridge shim, `/__invoke`. */
export async function createHost(options: HostOptions): Promise<Host> {
  if (options.users.length === 0) throw new Error('createHost needs at least one user');
  // The apps' policy follows the manifest's permissions, as on Forge.
  const appPolicy = appHeaders(readManifestPermissions(), options.jiraBaseUrl);
  const usersById = new Map(options.users.map((user) => [user.accountId, user]));
  const defaultUser = options.users.find((user) => user.role === 'pmo') ?? options.users[0];
  const readOnly = options.readOnly ?? options.mode === 'site';
  let siteUrl = 'http://localhost';

  function frameContext(req: IncomingMessage): FrameContext {
    const cookies = parseCookies(req.headers.cookie);
    const chosen = usersById.get(cookies.get(USER_COOKIE) ?? '');
    const user = chosen ?? defaultUser;
    if (!user) throw new Error('no users');
    const colorMode: ColorMode = cookies.get(THEME_COOKIE) === 'dark' ? 'dark' : 'light';
    return { users: options.users, user, colorMode, mode: options.mode, jiraBaseUrl: options.jiraBaseUrl };
  }

  function userJira(accountId: string): UserJira | undefined {
    const credentials = options.userCredentials?.(accountId);
    return credentials ? new UserJira(options.jiraBaseUrl, credentials, readOnly) : undefined;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const pathname = url.pathname;
    const method = req.method ?? 'GET';

    if (pathname === '/healthz') {
      sendJson(res, 200, { ok: true });
      return;
    }

    const invokeMatch = /^\/__invoke\/([^/]+)$/.exec(pathname);
    if (invokeMatch?.[1] !== undefined) {
      if (method !== 'POST') throw new HostError(405, 'BAD_REQUEST', 'Use POST to invoke a resolver');
      let key: string;
      try {
        key = decodeURIComponent(invokeMatch[1]);
      } catch {
        throw new HostError(404, 'NOT_FOUND', 'Unknown resolver');
      }
      await handleInvoke(req, res, key, {
        localApp: options.localApp,
        isKnownUser: (accountId) => usersById.has(accountId),
        siteUrl,
        defaultModuleKey: PORTFOLIO_MODULE.key,
      });
      return;
    }

    const transitionMatch = /^\/__host\/issues\/([^/]+)\/transition$/.exec(pathname);
    if (transitionMatch?.[1] !== undefined) {
      if (method !== 'POST') throw new HostError(405, 'BAD_REQUEST', 'Use POST to transition an issue');
      await handleTransition(req, res, decodeURIComponent(transitionMatch[1]));
      return;
    }

    if (method !== 'GET' && method !== 'HEAD')
      throw new HostError(405, 'BAD_REQUEST', `${method} is not supported here`);

    if (pathname.startsWith('/__host/')) {
      await serveHostAsset(res, pathname.slice('/__host/'.length));
      return;
    }

    const appMatch = /^\/apps\/([^/]+)(\/.*)?$/.exec(pathname);
    if (appMatch?.[1] !== undefined) {
      const entry = appMatch[1];
      if (!isAppEntry(entry)) {
        sendText(res, 404, 'Not found');
        return;
      }
      if (appMatch[2] === undefined) {
        redirect(res, `/apps/${entry}/${url.search}`);
        return;
      }
      await serveAppFile(res, options.staticDir, entry, appMatch[2], appPolicy);
      return;
    }

    if (pathname === '/' || pathname === '/jira' || pathname === '/jira/') {
      redirect(res, PATHS.portfolio);
      return;
    }
    const legacyBrowse = /^\/browse\/([^/]+)$/.exec(pathname);
    if (legacyBrowse?.[1] !== undefined) {
      redirect(res, `/jira/browse/${legacyBrowse[1]}${url.search}`);
      return;
    }

    if (pathname === PATHS.portfolio || pathname === `${PATHS.portfolio}/`) {
      redirect(res, `${PATHS.portfolio}/${PORTFOLIO_PAGES[0].route}${url.search}`);
      return;
    }
    if (pathname.startsWith(`${PATHS.portfolio}/`)) {
      const route = pathname.slice(PATHS.portfolio.length);
      sendHtml(res, 200, renderPortfolioPage(frameContext(req), route));
      return;
    }
    if (pathname === PATHS.admin) {
      sendHtml(res, 200, renderAdminPage(frameContext(req)));
      return;
    }
    if (pathname === PATHS.projects) {
      await serveProjects(req, res);
      return;
    }
    const browse = /^\/jira\/browse\/([^/]+)\/?$/.exec(pathname);
    if (browse?.[1] !== undefined) {
      let key: string;
      try {
        key = decodeURIComponent(browse[1]).toUpperCase();
      } catch {
        key = '';
      }
      if (ISSUE_KEY_PATTERN.test(key)) {
        await serveIssue(req, res, key);
        return;
      }
      if (PROJECT_KEY_PATTERN.test(key)) {
        await serveProject(req, res, key);
        return;
      }
    }
    const ctx = frameContext(req);
    sendHtml(
      res,
      404,
      renderMessagePage({
        ctx,
        title: "This page doesn't exist",
        body: html`<p>Nothing lives at <code>${pathname}</code> on this local Jira.</p><p><a href="${PATHS.portfolio}">Go to PMO Portfolio</a></p>`,
      }),
    );
  }

  async function serveHostAsset(res: ServerResponse, name: string) {
    const assets: Record<string, [string, string]> = {
      'bridge.js': ['bridge.js', 'text/javascript; charset=utf-8'],
      'frame.js': ['frame.js', 'text/javascript; charset=utf-8'],
      'frame.css': ['frame.css', 'text/css; charset=utf-8'],
    };
    const asset = assets[name];
    if (asset) {
      const text = await fs.readFile(path.join(ASSETS_DIR, asset[0]));
      sendBytes(res, 200, text, asset[1], { 'cache-control': 'no-cache' });
      return;
    }
    if (name === 'app-icon.svg') {
      sendBytes(res, 200, await fs.readFile(APP_ICON), 'image/svg+xml', { 'cache-control': 'max-age=3600' });
      return;
    }
    const token = /^tokens\/([a-z-]+)\.css$/.exec(name);
    if (token?.[1] !== undefined && TOKEN_THEMES.has(token[1])) {
      sendBytes(res, 200, tokenCss(token[1]), 'text/css; charset=utf-8', { 'cache-control': 'max-age=3600' });
      return;
    }
    sendText(res, 404, 'Not found');
  }

  async function serveIssue(req: IncomingMessage, res: ServerResponse, issueKey: string) {
    const ctx = frameContext(req);
    const jira = options.localApp.deps.jira.asUser(ctx.user.accountId);
    const issue = await readIssueView(jira, issueKey);
    if (!issue) {
      sendHtml(
        res,
        404,
        renderMessagePage({
          ctx,
          title: "This issue can't be found",
          body: html`<p>${issueKey} does not exist, or ${ctx.user.displayName} does not have permission to see it.</p>
            <p>Try another user with the switcher above.</p>`,
        }),
      );
      return;
    }
    let transitions: TransitionOption[] | { unavailable: string };
    const userClient = userJira(ctx.user.accountId);
    if (!userClient) {
      transitions = { unavailable: 'Transitions are not available on this host.' };
    } else {
      try {
        transitions = await userClient.transitions(issueKey);
      } catch (error) {
        transitions = { unavailable: `Could not read transitions: ${messageOf(error)}` };
      }
    }
    sendHtml(res, 200, renderIssuePage(ctx, { issue, transitions, readOnly }));
  }

  async function serveProject(req: IncomingMessage, res: ServerResponse, projectKey: string) {
    const ctx = frameContext(req);
    const jira = options.localApp.deps.jira.asUser(ctx.user.accountId);
    const [project] = await jira.searchProjects({ keys: [projectKey] });
    if (!project || project.key !== projectKey) {
      sendHtml(
        res,
        404,
        renderMessagePage({
          ctx,
          title: "This project can't be found",
          body: html`<p>${projectKey} does not exist, or ${ctx.user.displayName} cannot browse it.</p>`,
        }),
      );
      return;
    }
    const issues = await readProjectIssues(jira, project.key);
    sendHtml(res, 200, renderProjectPage(ctx, { key: project.key, name: project.name }, issues));
  }

  async function serveProjects(req: IncomingMessage, res: ServerResponse) {
    const ctx = frameContext(req);
    const projects = await options.localApp.deps.jira.asUser(ctx.user.accountId).searchProjects();
    sendHtml(
      res,
      200,
      renderProjectsPage(
        ctx,
        projects
          .map((p) => ({ key: p.key, name: p.name, category: p.projectCategory?.name ?? null }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ),
    );
  }

  /**
   * The issue view's transition control. As in Jira, the app's workflow validator runs first and a
   * `result: false` blocks the transition with its `errorMessage`; then Jira performs it as the user.
   */
  async function handleTransition(req: IncomingMessage, res: ServerResponse, issueKey: string) {
    if (headerValue(req, 'x-pmo-host') !== '1') {
      req.resume();
      throw new HostError(403, 'FORBIDDEN', 'Missing x-pmo-host header');
    }
    const ctx = frameContext(req);
    const body = TransitionRequest.safeParse(await readJsonBody(req, 4096));
    if (!body.success) throw new HostError(400, 'BAD_REQUEST', 'Expected { transitionId: "<digits>" }');
    if (!ISSUE_KEY_PATTERN.test(issueKey)) throw new HostError(404, 'NOT_FOUND', `No issue ${issueKey}`);
    const userClient = userJira(ctx.user.accountId);
    if (!userClient) throw new HostError(403, 'FORBIDDEN', 'Transitions are not available on this host');
    const issue = await readIssueView(options.localApp.deps.jira.asUser(ctx.user.accountId), issueKey);
    if (!issue) throw new HostError(404, 'NOT_FOUND', `${issueKey} does not exist or you cannot see it`);
    const transition = (await userClient.transitions(issueKey)).find((t) => t.id === body.data.transitionId);
    if (!transition)
      throw new HostError(400, 'BAD_REQUEST', 'That transition is not available for this issue');

    const verdict = await options.localApp.app.validator({
      issue: { id: issue.id, key: issue.key },
      transition: {
        id: transition.id,
        name: transition.name,
        from: { id: issue.status.id },
        to: { id: transition.to.id },
      },
      atlassianId: ctx.user.accountId,
    });
    if (!verdict.result) {
      sendJson(res, 200, {
        ok: false,
        blocked: true,
        message: verdict.errorMessage ?? 'PMO Portfolio blocked this transition.',
      });
      return;
    }
    if (readOnly) {
      sendJson(res, 200, {
        ok: true,
        performed: false,
        message: `PMO Portfolio allows ${transition.name}. Not performed: this Jira connection is read-only.`,
      });
      return;
    }
    const outcome = await userClient.transition(issueKey, transition.id);
    if (!outcome.ok) {
      sendJson(res, 200, { ok: false, blocked: false, message: outcome.message });
      return;
    }
    // Jira would now send the app its issue-updated event.
    await options.localApp.app
      .issueTrigger({
        eventType: 'avi:jira:updated:issue',
        atlassianId: ctx.user.accountId,
        issue: {
          id: issue.id,
          key: issue.key,
          fields: { project: { id: issue.project.id, key: issue.project.key } },
        },
        changelog: {
          items: [
            {
              field: 'status',
              from: issue.status.id,
              to: transition.to.id,
              fromString: issue.status.name,
              toString: transition.to.name,
            },
          ],
        },
      })
      .catch((error: unknown) => console.warn('[host] issue trigger failed', error));
    sendJson(res, 200, { ok: true, performed: true, message: `${issueKey} moved to ${transition.to.name}.` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const wantsJson =
        (req.url ?? '').startsWith('/__') || (req.headers.accept ?? '').includes('application/json');
      if (error instanceof HostError) {
        sendError(res, error.status, { code: error.code, message: error.message });
        return;
      }
      const status = error instanceof AppError ? httpStatusOf[error.code] : 500;
      const shape =
        error instanceof AppError
          ? error.toJSON()
          : { code: 'INTERNAL' as const, message: 'The local host failed' };
      if (!(error instanceof AppError)) console.error('[host]', req.method, req.url, error);
      if (wantsJson) {
        sendError(res, status, shape);
        return;
      }
      sendHtml(
        res,
        status === 404 ? 404 : 502,
        renderMessagePage({
          title: 'Jira could not be read',
          body: html`<p>${shape.message}</p><p>Is the Jira behind this host (${options.jiraBaseUrl}) running?</p>`,
        }),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : '127.0.0.1'}:${port}`;
  siteUrl = url;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const tokenCache = new Map<string, string>();

/** Atlassian design-token CSS for the frame pages and for `view.theme.enable()` in the apps. */
function tokenCss(theme: string): string {
  const cached = tokenCache.get(theme);
  if (cached !== undefined) return cached;
  const loaded: unknown = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`);
  const css =
    typeof loaded === 'object' && loaded !== null && 'default' in loaded && typeof loaded.default === 'string'
      ? loaded.default
      : '';
  tokenCache.set(theme, css);
  return css;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
