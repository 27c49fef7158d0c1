import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { html } from './html';
import { sendBytes, sendHtml, sendText } from './http';
import { renderMessagePage } from './pages';

/** The three Custom UI resources, as named in manifest.yml and built into static/dist/<entry>/. */
export const APP_ENTRIES = ['portfolio', 'issue-panel', 'admin'] as const;
export type AppEntry = (typeof APP_ENTRIES)[number];

export function isAppEntry(value: string): value is AppEntry {
  return (APP_ENTRIES as readonly string[]).includes(value);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export const BRIDGE_SCRIPT_TAG = '<script src="/__host/bridge.js"></script>';

/** Puts the bridge shim before the first script, so `window.__bridge` exists before the bundle runs. */
export function injectBridge(indexHtml: string): string {
  const firstScript = indexHtml.search(/<script\b/i);
  if (firstScript >= 0)
    return indexHtml.slice(0, firstScript) + BRIDGE_SCRIPT_TAG + indexHtml.slice(firstScript);
  const headEnd = indexHtml.search(/<\/head>/i);
  if (headEnd >= 0) return indexHtml.slice(0, headEnd) + BRIDGE_SCRIPT_TAG + indexHtml.slice(headEnd);
  return BRIDGE_SCRIPT_TAG + indexHtml;
}

/**
 * Resolves `/apps/<entry>/<rest>` to a file inside `distDir/<entry>`, or undefined when the path
 * leaves that folder in any way (`..`, encoded slashes or backslashes, NUL, symlinks out).
 */
export async function resolveAppFile(
  distDir: string,
  entry: AppEntry,
  rest: string,
): Promise<string | undefined> {
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    if (raw === '') continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded) || decoded.startsWith('.'))
      return undefined;
    segments.push(decoded);
  }
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(distDir, entry);
  const candidate = path.resolve(root, ...segments);
  if (!candidate.startsWith(root + path.sep)) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(candidate)]);
    if (!realFile.startsWith(realRoot + path.sep)) return undefined;
    const stat = await fs.stat(realFile);
    return stat.isFile() ? realFile : undefined;
  } catch {
    return undefined;
  }
}

export async function isBuilt(distDir: string, entry: AppEntry): Promise<boolean> {
  try {
    return (await fs.stat(path.join(distDir, entry, 'index.html'))).isFile();
  } catch {
    return false;
  }
}

/** Serves one file of a built Custom UI resource; `index.html` gets the bridge shim injected. */
/**
 * Serves one file of a built Custom UI app with `policyHeaders`: the Content-Security-Policy the
 * manifest gives the app on Forge (csp.ts). Breaking it locally means breaking it on Forge.
 */
export async function serveAppFile(
  res: ServerResponse,
  distDir: string,
  entry: AppEntry,
  rest: string,
  policyHeaders: Record<string, string>,
) {
  if (!(await isBuilt(distDir, entry))) {
    sendHtml(
      res,
      503,
      renderMessagePage({
        title: 'The app is not built yet',
        body: html`<p>There is no <code>static/dist/${entry}/index.html</code>. Build the Custom UI apps first:</p>
          <pre><code>npm run build:static</code></pre>
          <p>then reload this page. (<code>npm start</code> builds them for you.)</p>`,
      }),
    );
    return;
  }
  const file = await resolveAppFile(distDir, entry, rest);
  if (!file) {
    sendText(res, 404, 'Not found');
    return;
  }
  const type = contentTypeOf(file);
  const headers = { 'cache-control': 'no-cache', ...policyHeaders };
  if (path.basename(file) === 'index.html') {
    const text = await fs.readFile(file, 'utf8');
    sendBytes(res, 200, injectBridge(text), type, headers);
    return;
  }
  sendBytes(res, 200, await fs.readFile(file), type, headers);
}
