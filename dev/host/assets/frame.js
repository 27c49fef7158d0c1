/*
 * The frame pages' script (Jira's chrome around the apps): user switcher, light/dark toggle,
 * the global page's sub-page history, issue panel sizing, flags, the transition control, and
 * `window.__pmoHost`, which the bridge shim inside each app iframe (same origin) talks to.
 */
(() => {
  const stateElement = document.getElementById('pmo-host-state');
  const state = stateElement ? JSON.parse(stateElement.textContent || '{}') : {};
  const YEAR = 60 * 60 * 24 * 365;

  function setCookie(name, value) {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie the server reads; no Cookie Store API needed.
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR}; samesite=lax`;
  }

  /** Calls listeners that may live in an iframe that has since reloaded; drops the dead ones. */
  function callAll(listeners, ...args) {
    for (const listener of [...listeners]) {
      try {
        listener(...args);
      } catch (error) {
        listeners.delete(listener);
        console.debug('[host] dropped a listener', error);
      }
    }
  }

  // ---- theme ---------------------------------------------------------------------------------

  let colorMode = state.colorMode === 'dark' ? 'dark' : 'light';
  const colorListeners = new Set();

  function setColorMode(mode) {
    colorMode = mode;
    setCookie('pmo_theme', mode);
    document.documentElement.setAttribute('data-color-mode', mode);
    const toggle = document.querySelector('[data-testid="theme-toggle"]');
    if (toggle) toggle.setAttribute('aria-pressed', mode === 'dark' ? 'true' : 'false');
    callAll(colorListeners, mode);
  }

  // ---- the global page's history: top URL <base>/<route> <-> app location /<route> -----------

  const base = state.portfolioBase || '/jira/apps/pmo-portfolio';
  const historyListeners = new Set();

  function appLocation() {
    const path = window.location.pathname;
    const pathname = path.startsWith(`${base}/`) ? path.slice(base.length) : '/';
    const entry = window.history.state || {};
    return {
      pathname,
      search: window.location.search,
      hash: window.location.hash,
      state: entry.appState === undefined ? null : entry.appState,
      key: entry.key || 'initial',
    };
  }

  function topUrlFor(path) {
    const url = new URL(path, `http://app.invalid${appLocation().pathname}`);
    return `${base}${url.pathname}${url.search}${url.hash}`;
  }

  function markActiveRoute() {
    const pathname = appLocation().pathname;
    for (const link of document.querySelectorAll('a[data-route]')) {
      const route = link.getAttribute('data-route');
      const active =
        pathname === route || pathname.startsWith(`${route}/`) || (pathname === '/' && route === '/overview');
      if (active) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  function notifyHistory(action) {
    markActiveRoute();
    callAll(historyListeners, appLocation(), action);
  }

  /** Pushes or replaces the top page's entry for the app's `path`, as the real Jira history does. */
  function changeHistory(action, path, appState) {
    const state = {
      appState: appState === undefined ? null : appState,
      key: Math.random().toString(36).slice(2, 8),
    };
    if (action === 'PUSH') window.history.pushState(state, '', topUrlFor(path));
    else window.history.replaceState(state, '', topUrlFor(path));
    notifyHistory(action);
  }

  const historyBackend = {
    location: appLocation,
    length: () => window.history.length,
    push: (path, appState) => changeHistory('PUSH', path, appState),
    replace: (path, appState) => changeHistory('REPLACE', path, appState),
    go: (n) => window.history.go(n),
    subscribe(listener) {
      historyListeners.add(listener);
      return () => historyListeners.delete(listener);
    },
  };

  window.addEventListener('popstate', () => notifyHistory('POP'));

  // ---- flags (showFlag) ----------------------------------------------------------------------

  function showFlag(options) {
    const container = document.getElementById('pmo-flags');
    if (!container) return;
    const flag = document.createElement('div');
    flag.className = `flag flag-${options.type || 'info'}`;
    flag.setAttribute('role', options.type === 'error' ? 'alert' : 'status');
    if (options.id !== undefined) flag.dataset.flagId = String(options.id);
    const title = document.createElement('strong');
    title.textContent = options.title || '';
    flag.append(title);
    if (options.description) {
      const description = document.createElement('p');
      description.textContent = String(options.description);
      flag.append(description);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'flag-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => flag.remove());
    flag.append(close);
    container.append(flag);
    if (options.isAutoDismiss !== false) setTimeout(() => flag.remove(), 8000);
  }

  function closeFlag(id) {
    for (const flag of document.querySelectorAll('.flag')) {
      if (flag.dataset.flagId === String(id)) flag.remove();
    }
  }

  // ---- events between apps on the page -------------------------------------------------------

  const eventListeners = new Map();
  const events = {
    on(event, callback) {
      if (!eventListeners.has(event)) eventListeners.set(event, new Set());
      eventListeners.get(event).add(callback);
      return { unsubscribe: () => eventListeners.get(event)?.delete(callback) };
    },
    emit(event, payload) {
      const listeners = eventListeners.get(event);
      if (listeners) callAll(listeners, payload);
    },
  };

  // ---- what the bridge shim in an app iframe uses --------------------------------------------

  window.__pmoHost = {
    accountId: state.accountId,
    colorMode: () => colorMode,
    onColorMode(listener) {
      colorListeners.add(listener);
      return () => colorListeners.delete(listener);
    },
    history: state.page === 'portfolio' ? historyBackend : null,
    navigate: (href) => window.location.assign(href),
    reload: () => window.location.reload(),
    setTitle: (title) => {
      document.title = `${title} - Jira`;
    },
    showFlag,
    closeFlag,
    events,
    resize(frame, height) {
      if (frame && Number.isFinite(height)) frame.style.height = `${Math.max(80, Math.ceil(height))}px`;
    },
  };

  // ---- page wiring ---------------------------------------------------------------------------

  function wireTransitionForm(form) {
    const message = form.querySelector('[data-testid="transition-message"]');
    const button = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const select = form.querySelector('select');
      if (!select || !message || !button) return;
      button.disabled = true;
      message.textContent = 'Checking with PMO Portfolio…';
      message.className = 'transition-message';
      try {
        const response = await fetch(
          `/__host/issues/${encodeURIComponent(form.dataset.issueKey)}/transition`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-pmo-host': '1' },
            body: JSON.stringify({ transitionId: select.value }),
          },
        );
        const body = await response.json().catch(() => ({}));
        if (response.ok && body.ok && body.performed) {
          sessionStorage.setItem('pmo-flash', body.message || 'Transition done.');
          window.location.reload();
          return;
        }
        message.textContent = body.message || `The transition failed (HTTP ${response.status}).`;
        message.className = `transition-message ${body.ok ? 'is-ok' : 'is-error'}`;
      } catch (error) {
        message.textContent = `The transition failed: ${error instanceof Error ? error.message : error}`;
        message.className = 'transition-message is-error';
      } finally {
        button.disabled = false;
      }
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const switcher = document.querySelector('[data-testid="user-switcher"]');
    if (switcher) {
      switcher.addEventListener('change', () => {
        setCookie('pmo_user', switcher.value);
        window.location.reload();
      });
    }

    const toggle = document.querySelector('[data-testid="theme-toggle"]');
    if (toggle) toggle.addEventListener('click', () => setColorMode(colorMode === 'dark' ? 'light' : 'dark'));

    if (state.page === 'portfolio') {
      for (const link of document.querySelectorAll('a[data-route]')) {
        link.addEventListener('click', (event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          const route = link.getAttribute('data-route');
          if (route && route !== appLocation().pathname) historyBackend.push(route, null);
        });
      }
      markActiveRoute();
    }

    for (const form of document.querySelectorAll('form[data-testid="transition-form"]'))
      wireTransitionForm(form);

    const flash = sessionStorage.getItem('pmo-flash');
    if (flash) {
      sessionStorage.removeItem('pmo-flash');
      showFlag({ id: 'flash', title: flash, type: 'success' });
    }
  });
})();
