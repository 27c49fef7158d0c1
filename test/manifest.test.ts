import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.yml');

interface FunctionModule {
  key: string;
  handler: string;
}

describe('manifest.yml', () => {
  it('passes Forge’s own full validation (schema, module and resource references, scopes)', async () => {
    const result = await validate(false, manifestPath);
    const errors = (result.errors ?? []).map((error) => `${error.message} (line ${error.line})`);
    expect(errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('names only handlers that src/index.ts exports as functions', async () => {
    const manifest = parse(readFileSync(manifestPath, 'utf8')) as { modules: { function: FunctionModule[] } };
    const entry = (await import('../src/index')) as Record<string, unknown>;
    const missing = manifest.modules.function
      .map((fn) => fn.handler)
      .filter((handler) => {
        const [file, exportName] = handler.split('.');
        return file !== 'index' || exportName === undefined || typeof entry[exportName] !== 'function';
      });
    expect(missing).toEqual([]);
  });

  it('runs on the nodejs22.x runtime', () => {
    const manifest = parse(readFileSync(manifestPath, 'utf8')) as { app: { runtime: { name: string } } };
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });
});
