/*
 * The local host's stand-in for the Custom UI bridge that Jira injects into a Forge app's iframe.
 *
 * @forge/bridge sends every call through `globalThis.__bridge.callBridge(command, payload)`. This
 * script defines `window.__bridge` before the app's bundle runs (the host injects it first in
 * index.html), so the very build that ships to Forge runs here unchanged.
 *
 * Context comes from the iframe URL the frame page set: `moduleKey`, `accountId`, `extension`
 * (JSON). History, theme, navigation, flags and events go to the frame page (`parent.__pmoHost`,
 * same origin); opened on its own, the app gets an in-memory history and light theme.
 */
(() => {
  const params = new URLSearchParams(window.location.search);

  const host = (() => {
    try {
      return window.parent !== window && window.parent.__pmoHost ? window.parent.__pmoHost : null;
    } catch {
      return null;
    }
  })();

  function cookie(name) {
    for (const part of document.cookie.split(';')) {
      const [key, ...rest] = part.trim().split('=');
      if (key === name) return decodeURIComponent(rest.join('='));
    }
    return null;
  }

  function parseJson(text, fallback) {
    if (!text) return fallback;
    try {
      return JSON.parse(text);
    } catch {
      return fallback;
    }
  }

  const moduleKey = params.get('moduleKey') || 'pmo-portfolio-page';
  const extension = parseJson(params.get('extension'), { type: 'jira:globalPage' });
  const accountId = params.get('accountId') || cookie('pmo_user') || (host ? host.accountId : null);
  const localId = `ari:cloud:ecosystem::extension/pmo-portfolio/local/static/${moduleKey}`;
  const THEME_ATTR = 'light:light dark:dark spacing:spacing typography:typography shape:shape';

  function colorMode() {
    if (host) return host.colorMode();
    return cookie('pmo_theme') === 'dark' ? 'dark' : 'light';
  }

  function bridgeError(message) {
    const error = new Error(message);
    error.name = 'BridgeAPIError';
    return error;
  }

  // ---- invoke -------------------------------------------------------------------------------

  async function invoke(payload) {
    const functionKey = payload?.functionKey;
    if (typeof functionKey !== 'string') throw bridgeError('functionKey must be a string!');
    if (!accountId) throw bridgeError('No user is signed in to the local host');
    const response = await fetch(`/__invoke/${encodeURIComponent(functionKey)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        'x-account-id': accountId,
        // Ask for the resolver's return value as-is, whatever it is (see dev/host/invoke.ts).
        'x-pmo-bridge': '1',
        'x-forge-context': encodeURIComponent(JSON.stringify({ moduleKey, localId, extension })),
      },
      body: JSON.stringify(payload.payload === undefined ? {} : payload.payload),
    });
    const text = await response.text();
    if (!response.ok) {
      // The host itself failed (unknown resolver, unknown user, bad body): invoke rejects, as on Forge.
      const body = parseJson(text, null);
      const error = new Error(
        `There was an error invoking the function - ${body?.message ? body.message : `HTTP ${response.status}`}`,
      );
      if (body?.code) error.code = body.code;
      throw error;
    }
    const result = text === '' ? undefined : JSON.parse(text);
    // With metadata, Forge answers `{ body, metadata }`; without, the result itself.
    return payload.metadata ? { body: result, metadata: {} } : result;
  }

  // ---- context and theme --------------------------------------------------------------------

  let themingEnabled = false;

  function themeState() {
    return {
      colorMode: colorMode(),
      light: 'light',
      dark: 'dark',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    };
  }

  function getContext() {
    return {
      accountId: accountId || undefined,
      cloudId: 'local',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      extension,
      localId,
      locale: navigator.language || 'en-US',
      moduleKey,
      siteUrl: window.location.origin,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      theme: themingEnabled ? themeState() : null,
      surfaceColor: null,
    };
  }

  function applyTheme(mode) {
    const root = document.documentElement;
    root.setAttribute('data-color-mode', mode);
    root.setAttribute('data-theme', THEME_ATTR);
  }

  function enableTheming() {
    if (!themingEnabled) {
      themingEnabled = true;
      for (const sheet of [
        'atlassian-light',
        'atlassian-dark',
        'atlassian-spacing',
        'atlassian-typography',
        'atlassian-shape',
      ]) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `/__host/tokens/${sheet}.css`;
        link.dataset.pmoHostTheme = sheet;
        document.head.prepend(link);
      }
      if (host) host.onColorMode((mode) => applyTheme(mode));
    }
    applyTheme(colorMode());
  }

  // ---- history (view.createHistory) -----------------------------------------------------------

  function toPath(to) {
    if (typeof to === 'string') return to;
    const location = to || {};
    return `${location.pathname || '/'}${location.search || ''}${location.hash || ''}`;
  }

  function splitPath(path, state) {
    const url = new URL(path, 'http://app.invalid/');
    return {
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
      state: state === undefined ? null : state,
      key: Math.random().toString(36).slice(2, 8),
    };
  }

  function memoryBackend() {
    const entries = [splitPath(params.get('route') || '/', null)];
    let index = 0;
    const listeners = new Set();
    const notify = (action) => {
      for (const listener of [...listeners]) listener(entries[index], action);
    };
    return {
      location: () => entries[index],
      length: () => entries.length,
      push(path, state) {
        entries.splice(index + 1, entries.length, splitPath(path, state));
        index = entries.length - 1;
        notify('PUSH');
      },
      replace(path, state) {
        entries[index] = splitPath(path, state);
        notify('REPLACE');
      },
      go(n) {
        const next = Math.min(Math.max(index + n, 0), entries.length - 1);
        if (next === index) return;
        index = next;
        notify('POP');
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  function createHistory() {
    const backend = host?.history ? host.history : memoryBackend();
    const history = {
      action: 'POP',
      location: backend.location(),
      get length() {
        return backend.length();
      },
      push(to, state) {
        backend.push(toPath(to), typeof to === 'object' && to && state === undefined ? to.state : state);
      },
      replace(to, state) {
        backend.replace(toPath(to), typeof to === 'object' && to && state === undefined ? to.state : state);
      },
      go: (n) => backend.go(n),
      goBack: () => backend.go(-1),
      goForward: () => backend.go(1),
      back: () => backend.go(-1),
      forward: () => backend.go(1),
      block: () => () => {},
      createHref: (location) => toPath(location),
      // history v4 signature `(location, action)`, which @forge/bridge relies on.
      listen(listener) {
        return backend.subscribe((location, action) => {
          history.action = action;
          listener(location, action);
        });
      },
    };
    backend.subscribe((location, action) => {
      history.location = location;
      history.action = action;
    });
    return history;
  }

  // ---- router --------------------------------------------------------------------------------

  /** Maps a Jira URL (relative, or on the site URL) to this host's page for it. */
  function hostUrlFor(url) {
    const parsed = new URL(url, window.location.origin);
    if (parsed.origin !== window.location.origin) return parsed.href;
    let path = parsed.pathname;
    const browse = /^\/browse\/([^/]+)/.exec(path);
    const projectBoard = /^\/jira\/(?:software|core|servicedesk)(?:\/c)?\/projects\/([^/]+)/.exec(path);
    if (browse) path = `/jira/browse/${browse[1]}`;
    else if (projectBoard) path = `/jira/browse/${projectBoard[1]}`;
    return `${window.location.origin}${path}${parsed.search}${parsed.hash}`;
  }

  function urlForTarget(location) {
    switch (location.target) {
      case 'issue':
        return `${window.location.origin}/jira/browse/${encodeURIComponent(location.issueKey)}`;
      case 'projectSettingsDetails':
        return `${window.location.origin}/jira/browse/${encodeURIComponent(location.projectKey)}`;
      case 'module':
        if (location.moduleKey === 'pmo-admin-page')
          return `${window.location.origin}/jira/settings/apps/pmo-portfolio`;
        if (location.moduleKey === 'pmo-portfolio-page')
          return `${window.location.origin}/jira/apps/pmo-portfolio`;
        throw bridgeError(`The local host has no page for module ${location.moduleKey}`);
      default:
        throw bridgeError(`The local host cannot navigate to target ${location.target}`);
    }
  }

  function navigate(payload) {
    const href = payload.url !== undefined ? hostUrlFor(payload.url) : urlForTarget(payload);
    if (payload.type === 'new-tab' || new URL(href).origin !== window.location.origin) {
      window.open(href, '_blank', 'noopener');
    } else if (host) {
      host.navigate(href);
    } else {
      window.location.assign(href);
    }
  }

  // ---- events (events.emit / events.on) ------------------------------------------------------

  const localEvents = new Map();
  function on({ event, callback }) {
    if (host) return host.events.on(event, callback);
    if (!localEvents.has(event)) localEvents.set(event, new Set());
    localEvents.get(event).add(callback);
    return { unsubscribe: () => localEvents.get(event)?.delete(callback) };
  }
  function emit({ event, payload }) {
    if (host) return host.events.emit(event, payload);
    for (const callback of localEvents.get(event) || []) callback(payload);
  }

  // ---- autosize (Jira sizes issue panels to their content) -----------------------------------

  function watchSize() {
    if (!host || !window.frameElement?.hasAttribute('data-autosize')) return;
    const report = () => {
      const height = Math.max(
        document.documentElement.scrollHeight,
        document.body ? document.body.scrollHeight : 0,
      );
      host.resize(window.frameElement, height);
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.documentElement);
    if (document.body) observer.observe(document.body);
    report();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchSize);
  else watchSize();

  // ---- the bridge ----------------------------------------------------------------------------

  const commands = {
    invoke,
    getContext: async () => getContext(),
    createHistory: async () => createHistory(),
    enableTheming: async () => enableTheming(),
    navigate: async (payload) => navigate(payload),
    getUrl: async (location) => urlForTarget(location),
    reload: async () => (host ? host.reload() : window.location.reload()),
    changeWindowTitle: async (title) => {
      if (host) host.setTitle(String(title));
      else document.title = String(title);
    },
    emitReadyEvent: async () => undefined,
    showFlag: async (options) => (host ? host.showFlag(options) : console.info('[flag]', options)),
    closeFlag: async ({ id }) => (host ? host.closeFlag(id) : undefined),
    emit: async (payload) => emit(payload),
    on: async (payload) => on(payload),
    emitPublic: async (payload) => emit(payload),
    onPublic: async (payload) => on(payload),
    getFrameId: async () => localId,
    getCookieConsentPreferences: async () => ({
      STRICTLY_NECESSARY: true,
      FUNCTIONAL: true,
      ANALYTICS: false,
      MARKETING: false,
    }),
    // Modal and dialog commands: these apps render no modal resources, so, as Jira does for a
    // page or panel, they answer "not possible here" (the bridge turns false into an error).
    submit: async () => false,
    close: async () => false,
    open: async () => false,
    refresh: async () => false,
    onClose: async () => false,
  };

  window.__bridge = {
    callBridge(command, payload) {
      const handler = commands[command];
      if (!handler) {
        return Promise.reject(
          bridgeError(`The local host does not implement the bridge command '${command}'`),
        );
      }
      try {
        return Promise.resolve(handler(payload));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
})();
