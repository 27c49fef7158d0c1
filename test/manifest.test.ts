import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.yml');

interface Manifest {
  app: { runtime: { name: string } };
  modules: {
    function: { key: string; handler: string }[];
    consumer: { key: string; queue: string; function?: string; resolver?: unknown }[];
  };
  resources: { key: string; path: string }[];
}
const manifest = parse(readFileSync(manifestPath, 'utf8')) as Manifest;

/**
 * The Custom UI apps the build makes: Vite builds each folder of static/src/entries (its
 * `main.tsx`, in a page made from one template) into static/dist/<entry> (static/vite.config.ts,
 * static/dist-dir.ts).
 */
const builtEntries = readdirSync(path.join(root, 'static/src/entries')).filter((entry) =>
  existsSync(path.join(root, 'static/src/entries', entry, 'main.tsx')),
);
const buildOutput = (entry: string) => `static/dist/${entry}`;

/**
 * A copy of the repository's layout (symlinks) in which each app the build makes is a stand-in
 * folder with an index.html: Forge's validation then checks the manifest without a build, and a
 * resource pointing anywhere the build does not write still fails.
 */
function layoutWithBuildStandIns(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pmo-manifest-'));
  for (const name of readdirSync(root)) {
    if (name !== 'static' && name !== 'manifest.yml')
      symlinkSync(path.join(root, name), path.join(dir, name));
  }
  mkdirSync(path.join(dir, 'static'));
  for (const name of readdirSync(path.join(root, 'static'))) {
    if (name !== 'dist') symlinkSync(path.join(root, 'static', name), path.join(dir, 'static', name));
  }
  for (const entry of builtEntries) {
    mkdirSync(path.join(dir, buildOutput(entry)), { recursive: true });
    writeFileSync(path.join(dir, buildOutput(entry), 'index.html'), '<!doctype html><title>stand-in</title>');
  }
  writeFileSync(path.join(dir, 'manifest.yml'), readFileSync(manifestPath, 'utf8'));
  return dir;
}

describe('manifest.yml', () => {
  it('passes Forge’s own full validation (schema, module and resource references, scopes)', async () => {
    const dir = layoutWithBuildStandIns();
    try {
      const result = await validate(false, path.join(dir, 'manifest.yml'));
      const errors = (result.errors ?? []).map((error) => `${error.message} (line ${error.line})`);
      expect(errors).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('points each built resource at an app the static build makes, and ships every app it makes', () => {
    expect(builtEntries.length).toBeGreaterThan(0);
    const builtResources = manifest.resources
      .map((resource) => resource.path)
      .filter((resourcePath) => resourcePath.startsWith('static/dist/'));
    expect(builtResources.sort()).toEqual(builtEntries.map(buildOutput).sort());
  });

  it('names only handlers that src/index.ts exports as functions', async () => {
    const entry = (await import('../src/index')) as Record<string, unknown>;
    const missing = manifest.modules.function
      .map((fn) => fn.handler)
      .filter((handler) => {
        const [file, exportName] = handler.split('.');
        return file !== 'index' || exportName === undefined || typeof entry[exportName] !== 'function';
      });
    expect(missing).toEqual([]);
  });

  it('has the queue consumer name a function module, as @forge/events 2 and later require (no resolver)', () => {
    const functionKeys = manifest.modules.function.map((fn) => fn.key);
    for (const consumer of manifest.modules.consumer) {
      expect(consumer.resolver).toBeUndefined();
      expect(functionKeys).toContain(consumer.function);
    }
  });

  it('runs on the nodejs22.x runtime', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });
});
