import type { Page } from 'playwright-core';
import { SETTINGS_LIMITS } from '../src/contracts/settings';
import type { PmoConfig } from '../src/domain/config/schema';
import { invoke } from './support/api';
import { chooseOption, radioInput, shownValue } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { clippedTexts } from './support/clipped-text';
import { app, appFrame, downloadCsv, downloadText, setTheme } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';

/**
 * The admin settings page (issue #6), in the browser on the local host: an admin edits a standard,
 * sees the dry run, publishes; a second admin's stale save gets the conflict and keeps its draft;
 * an earlier version is restored and the audit log shows it all; a team member and an outsider see
 * a "no access" state; a malformed or hostile import is refused and changes nothing.
 *
 * Each test has a fresh simulator and host and publishes what it starts from through the resolvers,
 * so any test runs alone.
 */

jest.setTimeout(120_000);

const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';
const SECTIONS = [
  'portfolios',
  'standards',
  'lifecycle',
  'thresholds',
  'risk-matrix',
  'mappings',
  'overrides',
  'access',
  'versions',
  'audit',
  'import-export',
] as const;

const host = setUpHostStack({ user: 'sim-admin', fresh: 'stack' });

/** Opens the settings page on `page` (the test's own unless given) and waits until `waitFor` shows. */
async function openSettings(page: Page = host.page, waitFor = 'settings-nav-portfolios'): Promise<Page> {
  await page.goto(host.url(ADMIN_PATH));
  await app(page).getByTestId(waitFor).waitFor();
  return page;
}

/** The live settings as an admin reads them. */
const liveSettings = async () => (await invoke(host.stack, 'getSettings', 'sim-admin', {})).live;

/** Publishes `change` of the live settings as the site admin, as the settings page would: the next version. */
async function publishAsAdmin(comment: string, change: (config: PmoConfig) => void): Promise<number> {
  const live = await liveSettings();
  const config = structuredClone(live.config);
  change(config);
  const saved = await invoke(host.stack, 'saveSettings', 'sim-admin', {
    baseVersion: live.version,
    config,
    comment,
  });
  return saved.version;
}

/** What the first test publishes through the page: "Ready for delivery" enforced. */
const enforceDeliveryReadiness = (config: PmoConfig) => {
  const standard = config.standards.find((candidate) => candidate.id === 'delivery-readiness');
  if (!standard) throw new Error('no delivery-readiness standard in the defaults');
  standard.mode = 'enforce';
};

/** Axe on the admin frame once CSS transitions (a button leaving its loading state) have finished. */
async function axeViolations(page: Page) {
  const frame = appFrame(page, 'admin');
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  return seriousOrWorse(await runAxe(frame));
}

async function go(page: Page, section: (typeof SECTIONS)[number]) {
  await app(page).getByTestId(`settings-nav-${section}`).click();
  await app(page).getByTestId(`settings-section-${section}`).waitFor();
}

async function liveVersionText(page: Page): Promise<string> {
  return (await app(page).getByTestId('live-version').textContent()) ?? '';
}

test('every section renders, is axe-clean, and looks right in light and dark', async () => {
  const page = await openSettings();
  await expect(liveVersionText(page)).resolves.toContain('built-in defaults');
  for (const mode of ['light', 'dark'] as const) {
    await setTheme(page, mode);
    for (const section of SECTIONS) {
      await go(page, section);
      // Sections that load lists settle before the picture and the audit.
      await app(page)
        .getByRole('status')
        .filter({ hasText: /^Loading/ })
        .waitFor({ state: 'detached' });
      if (mode === 'light') {
        const violations = await axeViolations(page);
        expect({ section, violations }).toEqual({ section, violations: [] });
        // No label, chosen value or tag is cut off (#14.12).
        const clipped = await clippedTexts(appFrame(page, 'admin'));
        expect({ section, clipped }).toEqual({ section, clipped: [] });
      }
      await screenshot(page, `admin-settings-${section}-${mode}`);
    }
  }
  await setTheme(page, 'light');
});

test('an admin enforces a standard, adds a required field, sees the dry run and publishes', async () => {
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'standards');
  await chooseOption(frame, 'standard-mode-delivery-readiness', 'Enforce: block transitions');
  await frame.getByTestId('standard-edit-delivery-readiness').click();
  const fields = 'rule-delivery-readiness-has-assignee-fields';
  await chooseOption(frame, fields, 'Priority');
  await frame.getByTestId(`${fields}`).getByText('Priority', { exact: true }).waitFor();
  // The expanded editor (rules, pickers, checklists) is as accessible as the rest, and nothing in it is cut off.
  expect(await axeViolations(page)).toEqual([]);
  expect(await clippedTexts(appFrame(page, 'admin'))).toEqual([]);
  await frame.getByTestId('standard-row-delivery-readiness').scrollIntoViewIfNeeded();
  await screenshotThemes(page, 'admin-settings-standard-editor');

  // The unsaved-changes bar names what changed; the nav marks the section.
  const bar = frame.getByTestId('unsaved-bar');
  await expect(bar.textContent()).resolves.toContain('2 changes in Standards & gates');
  await frame.getByTestId('show-changes').click();
  await frame
    .getByTestId('unsaved-changes')
    .getByText("Standard 'Ready for delivery' mode: warn → enforce")
    .waitFor();
  await expect(frame.getByTestId('settings-nav-standards').textContent()).resolves.toContain(
    'unsaved changes',
  );

  await frame.getByTestId('dry-run').click();
  const result = frame.getByTestId('dry-run-result');
  await result.waitFor();
  const headline = (await frame.getByTestId('dry-run-headline').textContent()) ?? '';
  expect(headline).toMatch(
    /^[\d,]+ issues? in [\d,]+ projects? would become non-compliant; [\d,]+ transitions? would now be blocked\.$/,
  );
  await expect(result.textContent()).resolves.toMatch(/Evaluated [\d,]+ issues? in [\d,]+ projects?/);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'admin-settings-dry-run');

  await frame.getByTestId('publish-comment').fill('Enforce delivery readiness; assignee and priority');
  await frame.getByTestId('publish').click();
  await frame.getByTestId('settings-notice').getByText('Published version 1. It is live now.').waitFor();
  await expect(frame.getByTestId('unsaved-bar').count()).resolves.toBe(0);
  await expect(liveVersionText(page)).resolves.toMatch(/^Live: version 1, published .+ by Ada Admin\.$/);
  await expect(shownValue(frame, 'standard-mode-delivery-readiness')).resolves.toBe(
    'Enforce: block transitions',
  );
});

test("a second admin's stale save gets the conflict message and keeps the draft", async () => {
  // This admin opens the page on the built-in defaults; meanwhile another admin publishes version 1.
  const page = await openSettings();
  await publishAsAdmin('Enforce delivery readiness', enforceDeliveryReadiness);
  const frame = app(page);
  await go(page, 'thresholds');
  await frame.getByTestId('threshold-stale-days').fill('21');
  await frame.getByTestId('publish-comment').fill('Stale after three weeks');
  await frame.getByTestId('publish').click();

  const conflict = frame.getByTestId('conflict-message');
  await conflict.waitFor();
  await expect(conflict.textContent()).resolves.toContain(
    'Version 1 is live now; your changes were based on version 0',
  );
  await expect(conflict.textContent()).resolves.toContain('your changes are still here');
  // Nothing lost: the field, the comment and the bar are as they were.
  await expect(frame.getByTestId('threshold-stale-days').inputValue()).resolves.toBe('21');
  await expect(frame.getByTestId('publish-comment').inputValue()).resolves.toBe('Stale after three weeks');
  await expect(frame.getByTestId('publish').isDisabled()).resolves.toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'admin-settings-conflict');

  await frame.getByTestId('conflict-compare').click();
  const compare = frame.getByTestId('conflict-compare-result');
  await compare.getByText("Standard 'Ready for delivery' mode: warn → enforce").waitFor();

  // Put the edit on top of version 1 and publish it: both changes are live.
  await frame.getByTestId('conflict-keep-mine').click();
  await conflict.waitFor({ state: 'detached' });
  await expect(frame.getByTestId('threshold-stale-days').inputValue()).resolves.toBe('21');
  await frame.getByTestId('publish').click();
  await frame.getByTestId('settings-notice').getByText('Published version 2. It is live now.').waitFor();
  await go(page, 'standards');
  await expect(shownValue(frame, 'standard-mode-delivery-readiness')).resolves.toBe(
    'Enforce: block transitions',
  );
});

test('restoring version 1 makes it live again and the audit log shows every change', async () => {
  await publishAsAdmin('Enforce delivery readiness; assignee and priority', enforceDeliveryReadiness);
  await publishAsAdmin('Stale after three weeks', (config) => {
    config.engine.staleDays = 21;
  });
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'versions');
  for (const version of [0, 1, 2]) await frame.getByTestId(`version-row-${version}`).waitFor();
  await frame.getByTestId('restore-1').click();
  await frame
    .getByTestId('version-diff-1')
    .getByText(/Days until stale|staleDays|stale/i)
    .waitFor();
  await frame.getByTestId('restore-comment-1').fill('Back to 14 days');
  await frame.getByTestId('restore-confirm-1').click();
  await frame.getByTestId('settings-notice').getByText('Version 3 is live').waitFor();
  await frame.getByTestId('version-row-3').getByText('Restored version 1').waitFor();
  await go(page, 'thresholds');
  await expect(frame.getByTestId('threshold-stale-days').inputValue()).resolves.toBe('14');

  await go(page, 'audit');
  const publish = frame.getByTestId('audit-row-1');
  await expect(publish.textContent()).resolves.toContain('Enforce delivery readiness; assignee and priority');
  await expect(publish.textContent()).resolves.toContain('Published');
  const restore = frame.getByTestId('audit-row-3');
  await expect(restore.textContent()).resolves.toContain('Restored version 1');
  await expect(restore.textContent()).resolves.toContain('Back to 14 days');
  await screenshot(page, 'admin-settings-audit-after-restore');

  const [header, ...rows] = (await downloadCsv(page, 'audit-export')).rows;
  expect(header?.slice(0, 5)).toEqual(['When (UTC)', 'Who', 'Who (account id)', 'Action', 'Version']);
  expect(rows.some((row) => row.some((cell) => cell.includes('Restored version 1')))).toBe(true);
});

test('a malformed or hostile import is refused with a clear message and changes nothing', async () => {
  const live = await publishAsAdmin('Enforce delivery readiness', enforceDeliveryReadiness);
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'import-export');
  const before = await liveVersionText(page);

  await frame.getByTestId('import-text').fill('{"standards": [');
  await frame.getByTestId('import-preview-button').click();
  await frame
    .getByTestId('import-error')
    .getByText(/This is not valid JSON/)
    .waitFor();
  await expect(frame.getByTestId('import-preview').count()).resolves.toBe(0);

  // Markup in a name, a prototype-polluting key and an out-of-range number, as raw JSON text.
  const hostile = `{
    "__proto__": { "polluted": true },
    "standards": [{ "id": "x", "name": "<img src=x onerror=alert(1)>", "mode": "enforce",
      "rules": [{ "id": "r", "kind": "noOpenBlockers" }] }],
    "engine": { "staleDays": -5 }
  }`;
  await frame.getByTestId('import-text').fill(hostile);
  await frame.getByTestId('import-preview-button').click();
  const error = frame.getByTestId('import-error');
  await error.getByText("This file can't be imported").waitFor();
  await expect(error.textContent()).resolves.toContain('Nothing was changed');
  await screenshot(page, 'admin-settings-import-refused');
  await expect(frame.locator('img[src="x"]').count()).resolves.toBe(0);

  // A valid export round-trips: the preview shows no differences.
  const { text: exported } = await downloadText(page, 'export-settings');
  expect(() => JSON.parse(exported)).not.toThrow();
  await frame.getByTestId('import-text').fill(exported);
  await frame.getByTestId('import-preview-button').click();
  await frame
    .getByTestId('import-preview')
    .getByText(`The import is the same as the live version ${live}`)
    .waitFor();

  await page.reload();
  await app(page).getByTestId('live-version').waitFor();
  await expect(liveVersionText(page)).resolves.toBe(before);
});

test('a file too large to import keeps saying so when Preview is pressed (#14.12)', async () => {
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'import-export');
  await frame.getByTestId('import-file').setInputFiles({
    name: 'huge-settings.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(2 * SETTINGS_LIMITS.maxImportBytes, ' '),
  });
  const error = frame.getByTestId('import-error');
  await error.getByText(/This is 2.0 MB, more than the 1.0 MB an import may be/).waitFor();
  await frame.getByTestId('import-preview-button').click();
  await error.getByText(/This is 2.0 MB, more than the 1.0 MB an import may be/).waitFor();
  await expect(error.textContent()).resolves.not.toContain('Choose a file or paste');
  await expect(error.textContent()).resolves.toContain('This file is too large to import');
  await screenshot(page, 'admin-settings-import-too-large');
  // Pasting JSON instead starts afresh.
  await frame.getByTestId('import-text').fill('{"standards": [');
  await frame.getByTestId('import-preview-button').click();
  await error.getByText(/This is not valid JSON/).waitFor();
});

test('a valid import is previewed as a diff and applied as one new version', async () => {
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'import-export');
  const { text: exported } = await downloadText(page, 'export-settings');
  // Switch the risk-register standard off in the exported document, wherever the export keeps the config.
  const changed = exported.replace(/("id":\s*"risk-register"[\s\S]*?"mode":\s*)"warn"/, '$1"off"');
  expect(changed).not.toBe(exported);
  await frame.getByTestId('import-text').fill(changed);
  await frame.getByTestId('import-preview-button').click();
  const preview = frame.getByTestId('import-preview');
  await preview.getByText("Standard 'Risks are owned and assessed' mode: warn → off").waitFor();
  await frame.getByTestId('import-comment').fill('Risk register off for the migration');
  await frame.getByTestId('import-apply').click();
  await frame.getByTestId('settings-notice').getByText('Version 1 is live: the imported settings.').waitFor();
  await go(page, 'standards');
  await expect(shownValue(frame, 'standard-mode-risk-register')).resolves.toBe('Off');
  await go(page, 'audit');
  await expect(frame.getByTestId('audit-row-1').textContent()).resolves.toContain('Imported');
});

test('a manual RAG override is saved at once, and unsaved edits elsewhere survive it', async () => {
  const page = await openSettings();
  const frame = app(page);
  const project = host.stack.sim.dataset.projects[0];
  if (!project) throw new Error('no simulator project');
  // An unsaved edit in another section...
  await go(page, 'thresholds');
  await frame.getByTestId('threshold-stale-days').fill('30');
  await frame.getByTestId('unsaved-bar').waitFor();

  // ...then an override, which is its own version.
  await go(page, 'overrides');
  await frame.getByTestId('override-save').click();
  await frame.getByText('Choose a project.').waitFor();
  await chooseOption(frame, 'override-project', `${project.name} (${project.key})`);
  await radioInput(frame, 'override-rag-red').check();
  // Markup is refused at the field, as the server would refuse it.
  await frame.getByTestId('override-reason').fill('Key supplier <b>insolvent</b>');
  await frame.getByTestId('override-save').click();
  await frame
    .getByText('Contains HTML or script markup, which settings do not accept; use plain text.')
    .waitFor();
  await frame.getByTestId('override-reason').fill('Key supplier insolvent & re-plan under way');
  await frame.getByTestId('override-save').click();
  const row = frame.getByTestId(`override-row-${project.key}`);
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('Red');
  await expect(row.textContent()).resolves.toContain('Key supplier insolvent & re-plan under way');
  await expect(liveVersionText(page)).resolves.toMatch(/^Live: version 1,/);
  await screenshot(page, 'admin-settings-override-set');

  // The draft moved onto version 1 and kept its edit: publishing it does not conflict.
  await go(page, 'thresholds');
  await expect(frame.getByTestId('threshold-stale-days').inputValue()).resolves.toBe('30');
  await frame.getByTestId('publish').click();
  await frame.getByTestId('settings-notice').getByText('Published version 2. It is live now.').waitFor();
  await go(page, 'overrides');
  await frame.getByTestId(`override-clear-${project.key}`).click();
  await frame.getByTestId('overrides-empty').waitFor();
  await expect(liveVersionText(page)).resolves.toMatch(/^Live: version 3,/);
});

test('a JQL scope is checked with Jira before it is saved', async () => {
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'portfolios');
  await frame.getByTestId('portfolio-add').click();
  expect(await clippedTexts(appFrame(page, 'admin'))).toEqual([]);
  await radioInput(frame, 'portfolio-portfolio-scope-jql').check();
  // Empty JQL is caught in the page; a broken query by Jira.
  await frame.getByTestId('portfolio-row-portfolio').getByText('Required.').waitFor();
  await expect(frame.getByTestId('publish').isDisabled()).resolves.toBe(true);
  await frame.getByTestId('portfolio-portfolio-jql').fill('project = = BROKEN');
  await frame.getByTestId('portfolio-portfolio-check-jql').click();
  await frame.getByTestId('portfolio-row-portfolio').getByTestId('field-problem').waitFor();
  await screenshot(page, 'admin-settings-jql-problem');
  await frame.getByTestId('discard').click();
  await frame.getByTestId('portfolios-empty').waitFor();
});

test('a percentage threshold above 100 or below 0 is refused next to its field (#14.6)', async () => {
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'thresholds');
  const red = frame.getByTestId('threshold-schedule');
  await frame.getByTestId('threshold-schedule-red').fill('150');
  await red.getByText('A percentage cannot be more than 100%; use 0 to 100.').waitFor();
  await expect(frame.getByTestId('threshold-schedule-red').getAttribute('aria-invalid')).resolves.toBe(
    'true',
  );
  await expect(frame.getByTestId('publish').isDisabled()).resolves.toBe(true);
  await frame.getByTestId('threshold-compliance-amber').fill('-5');
  await frame
    .getByTestId('threshold-compliance')
    .getByText('A percentage cannot be negative; use 0 to 100.')
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'admin-settings-threshold-out-of-range');
  await frame.getByTestId('discard').click();
  await frame.getByTestId('unsaved-bar').waitFor({ state: 'detached' });
});

test('a team member and an outsider see a clear "no access" state and none of the settings', async () => {
  // Settings hold override reasons and portfolio definitions (#13.5): only editors may read them.
  for (const accountId of ['sim-team', 'sim-outsider']) {
    await host.context.addCookies([{ name: 'pmo_user', value: accountId, url: host.stack.url }]);
    const page = await openSettings(await host.newPage(), 'settings-no-access');
    const frame = app(page);
    await frame.getByText("You don't have access to PMO settings").waitFor();
    await expect(frame.getByTestId('settings-nav-portfolios').count()).resolves.toBe(0);
    await expect(frame.getByTestId('publish').count()).resolves.toBe(0);
    const text = (await frame.locator('body').textContent()) ?? '';
    expect(text).not.toContain('Ready for delivery');
    expect(await axeViolations(page)).toEqual([]);
    if (accountId === 'sim-outsider') await screenshot(page, 'admin-settings-no-access');
  }
});

test('an admin names who may tick gate items: a Jira group, the PMO; the published version keeps them (#14.17)', async () => {
  const page = await openSettings();
  const frame = app(page);
  await go(page, 'standards');
  await frame.getByTestId('standard-edit-epic-gates').click();
  const row = 'rule-epic-gates-execution-gate-item';
  await chooseOption(frame, `${row}-scope-agreed-who`, 'Members of a Jira group');
  const group = frame.getByTestId(`${row}-scope-agreed-group`);
  await group.fill('pmo-office');
  await chooseOption(frame, `${row}-estimate-reviewed-who`, 'The PMO');
  await expect(frame.getByTestId(`${row}-estimate-reviewed-group`).count()).resolves.toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await frame.getByTestId('rule-epic-gates-execution-gate').scrollIntoViewIfNeeded();
  await screenshotThemes(page, 'admin-settings-tick-audience');

  // Publishing follows a dry run.
  await frame.getByTestId('dry-run').click();
  await frame.getByTestId('dry-run-result').waitFor();
  await frame.getByTestId('publish-comment').fill('Gate items name who may tick them');
  await frame.getByTestId('publish').click();
  await frame
    .getByTestId('settings-notice')
    .getByText(/^Published version \d+\. It is live now\.$/)
    .waitFor();
  const live = await liveSettings();
  const items = live.config.standards
    .flatMap((standard) => standard.rules)
    .flatMap((rule) => (rule.kind === 'gateChecklist' && rule.id === 'execution-gate' ? rule.items : []));
  expect(items.map((item) => [item.id, item.tickableBy ?? null])).toEqual([
    ['scope-agreed', { kind: 'group', group: 'pmo-office' }],
    ['estimate-reviewed', { kind: 'pmo' }],
    ['risks-logged', null],
  ]);
  await expect(shownValue(frame, `${row}-scope-agreed-who`)).resolves.toBe('Members of a Jira group');
});
