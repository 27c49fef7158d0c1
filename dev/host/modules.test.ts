import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PORTFOLIO_PAGES, UI_MODULES } from './modules';

/** The host plays Jira for the modules in manifest.yml; a renamed key or page must show up here. */
const manifest = readFileSync(path.join(__dirname, '..', '..', 'manifest.yml'), 'utf8');

describe('host modules match manifest.yml', () => {
  it.each(UI_MODULES.map((m) => [m.type, m] as const))('%s', (type, module) => {
    const section = manifest.slice(manifest.indexOf(`${type}:`));
    const start = section.indexOf(`- key: ${module.key}\n`);
    expect(start).toBeGreaterThan(0);
    const next = section.indexOf('- key:', start + 1);
    const block = section.slice(start, next < 0 ? undefined : next);
    expect(block).toContain(`title: ${module.title}\n`);
    expect(block).toContain(`resource: ${module.entry}\n`);
    expect(manifest).toMatch(new RegExp(`- key: ${module.entry}\\s+path: static/dist/${module.entry}\\b`));
  });

  it('lists the global page’s sub-pages in manifest order', () => {
    const pages = [...manifest.matchAll(/- title: (.+)\n\s+route: (.+)/g)].map((m) => ({
      title: m[1],
      route: m[2],
    }));
    expect(pages).toEqual(PORTFOLIO_PAGES.map((p) => ({ title: p.title, route: p.route })));
  });
});
