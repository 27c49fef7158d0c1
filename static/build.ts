/**
 * Builds the three Custom UI resources, each into its own self-contained folder:
 *   static/dist/portfolio/, static/dist/issue-panel/, static/dist/admin/
 * Run with `npx tsx static/build.ts` (optionally naming entries: `npx tsx static/build.ts admin`).
 */
import path from 'node:path';
import { staticDistDir } from './dist-dir';
import { ENTRIES, type Entry, entryConfig } from './vite.config';

function isEntry(value: string): value is Entry {
  return (ENTRIES as readonly string[]).includes(value);
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !isEntry(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown entry ${unknown.join(', ')}; expected one of ${ENTRIES.join(', ')}`);
  }
  const entries = requested.length > 0 ? requested.filter(isEntry) : [...ENTRIES];
  // A real dynamic import: see entryConfig() for why Vite must not be `require`d.
  const { build } = await import('vite');
  for (const entry of entries) {
    const started = Date.now();
    await build(await entryConfig(entry));
    console.log(`built ${path.join(staticDistDir(__dirname), entry)}/ in ${Date.now() - started} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
