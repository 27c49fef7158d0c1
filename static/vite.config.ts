import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig, Plugin } from 'vite';
import { staticDistDir } from './dist-dir';
import { entryPage } from './src/entries/page-template';

/**
 * Vite configuration for the three Custom UI resources. Each entry is built on its own into
 * `static/dist/<entry>/` so that every Forge resource directory is self-contained.
 */

export const ENTRIES = ['portfolio', 'issue-panel', 'admin'] as const;
export type Entry = (typeof ENTRIES)[number];

/** The browser tab title of each app; the rest of its page is the one template (page-template.ts). */
const ENTRY_TITLES: Record<Entry, string> = {
  portfolio: 'PMO Portfolio',
  'issue-panel': 'PMO Portfolio: issue',
  admin: 'PMO Portfolio settings',
};

const staticDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The only backend code the static apps may import: the pure domain and the resolver contracts
 * (`@domain/...`, `@contracts/...`). The same aliases are in tsconfig.json `paths` and jest.config.js.
 */
export const SOURCE_ALIASES = {
  '@domain': path.resolve(staticDir, '..', 'src', 'domain'),
  '@contracts': path.resolve(staticDir, '..', 'src', 'contracts'),
} as const;

const THEME_MODULE_ID = 'virtual:pmo-theme-tokens.css';
const RESOLVED_THEME_MODULE_ID = `\0${THEME_MODULE_ID}`;

/** The declarations of a single-block theme stylesheet: everything between its first `{` and last `}`. */
function declarationsOf(themeFile: string): string {
  const loaded: unknown = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${themeFile}.js`);
  const css =
    typeof loaded === 'object' && loaded !== null && 'default' in loaded && typeof loaded.default === 'string'
      ? loaded.default
      : null;
  if (css === null) throw new Error(`@atlaskit/tokens theme ${themeFile} has no CSS string`);
  const start = css.indexOf('{');
  const end = css.lastIndexOf('}');
  if (start < 0 || end <= start || css.indexOf('{', start + 1) !== -1) {
    throw new Error(`@atlaskit/tokens theme ${themeFile} is not a single CSS block`);
  }
  return css.slice(start + 1, end).trim();
}

/**
 * Design-token CSS for light and dark, emitted as a real stylesheet (no inline <style>, Forge CSP).
 * The selectors key only on `data-color-mode` (set by the host once `view.theme.enable()` runs), so
 * the app follows the host's theme whether or not it also sets `data-theme`; light is the default.
 */
function themeTokensPlugin(): Plugin {
  return {
    name: 'pmo-theme-tokens',
    resolveId(id) {
      return id === THEME_MODULE_ID ? RESOLVED_THEME_MODULE_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_THEME_MODULE_ID) return null;
      const always = ['atlassian-spacing', 'atlassian-typography', 'atlassian-shape'].map(declarationsOf);
      return [
        `:root {\n${always.join('\n')}\n}`,
        `:root, html[data-color-mode="light"] {\n${declarationsOf('atlassian-light')}\n}`,
        `html[data-color-mode="dark"] {\n${declarationsOf('atlassian-dark')}\n}`,
      ].join('\n\n');
    },
  };
}

/**
 * Makes up the entry's `index.html` from the one page template (no copy of it per entry on disk);
 * Vite builds the made-up file as if it were real.
 */
function entryHtmlPlugin(entry: Entry, htmlPath: string): Plugin {
  return {
    name: 'pmo-entry-html',
    resolveId(id) {
      return id === htmlPath ? htmlPath : null;
    },
    load(id) {
      return id === htmlPath ? entryPage(ENTRY_TITLES[entry]) : null;
    },
  };
}

/**
 * The build configuration of one entry. Vite and its plugins are ESM-only: load them with a real
 * `import()` (as here and in build.ts), because a loader that turns them into CommonJS on `require`
 * (tsx does) breaks Vite's dynamic-import preloading, and lazy chunks then load without their CSS.
 */
export async function entryConfig(entry: Entry): Promise<InlineConfig> {
  const { default: react } = await import('@vitejs/plugin-react');
  const root = path.join(staticDir, 'src', 'entries', entry);
  const htmlPath = path.join(root, 'index.html');
  return {
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    plugins: [entryHtmlPlugin(entry, htmlPath), react(), themeTokensPlugin()],
    resolve: { alias: SOURCE_ALIASES },
    mode: 'production',
    build: {
      outDir: path.join(staticDistDir(staticDir), entry),
      emptyOutDir: true,
      // Forge serves the resource as-is: keep every asset a file (no data: URLs), no source maps.
      assetsInlineLimit: 0,
      sourcemap: false,
      modulePreload: { polyfill: false },
      target: 'es2022',
      // Atlaskit is heavy; views are lazy-loaded, so only the shared vendor chunk is large.
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: htmlPath },
    },
  };
}
