import type { PortfolioReport } from '../src/domain/portfolio/schema';
import { invoke, invokeResponse } from './support/api';
import { chooseOption, radioInput } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame, downloadCsv, downloadText, setTheme, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';
import { ADMIN_PATH, goToSettingsSection } from './support/settings-page';

/**
 * Status updates (#16): the team member who leads a project drafts its update (the facts come from
 * the data), the draft saves itself, a second writer's save shows both texts, the update is
 * published and shows on the PMO status board; an update rosier than the data is flagged; each of
 * the four simulator users sees and may write only what Jira and the writer rule allow.
 */

jest.setTimeout(180_000);

// Each test gets its own simulator and host (the tests write and publish updates), and the team member's page.
const host = setUpHostStack({ user: 'sim-team', fresh: 'stack' });
let report: PortfolioReport;
/** The first project, which the team member browses and (in this test) leads. */
let teamProject: string;
let periodId: string;

const STATUS = '/jira/apps/pmo-portfolio/status';
/** What the lead publishes in the first test, as version 1. */
const FIRST_UPDATE = 'Design review <b>moved</b> a week; plan at https://example.com/plan.';

beforeEach(async () => {
  const first = host.stack.sim.dataset.projects[0];
  if (!first) throw new Error('no project in the simulator');
  // Before the first snapshot, so the app reads the team member as the project's lead.
  first.leadAccountId = 'sim-team';
  teamProject = first.key;
  report = await invoke(host.stack, 'getPortfolioReport', 'sim-admin', { portfolioId: 'all' });
  periodId = (await invoke(host.stack, 'getStatusBoard', 'sim-admin', { portfolioId: 'all' })).period.id;
});

/** What the first test does through the page, arranged through the resolver: the lead publishes version 1. */
async function publishFirstUpdateAsLead(): Promise<void> {
  await invoke(host.stack, 'publishStatusUpdate', 'sim-team', {
    portfolioId: 'all',
    projectKey: teamProject,
    periodId,
    expectedVersion: 0,
    status: 'at-risk',
    commentary: FIRST_UPDATE,
  });
}

const row = (key: string) => app(host.page).getByTestId(`status-row-${key}`);

async function boardReady(): Promise<void> {
  await app(host.page).locator('[data-testid="status-content"][data-refreshing="false"]').waitFor();
  await app(host.page).getByTestId('status-table').waitFor();
}

async function savedDraft(): Promise<void> {
  await app(host.page)
    .getByTestId('status-save-state')
    .filter({ hasText: /Draft saved/ })
    .waitFor();
}

test('the project lead drafts, autosaves, edits and publishes the update, and sees it on the board', async () => {
  await host.page.goto(host.url(STATUS));
  await boardReady();
  // The team member browses the first three projects and may write only the one they lead.
  await expect(app(host.page).locator('[data-testid^="status-row-"]').count()).resolves.toBe(3);
  await expect(app(host.page).getByTestId(`status-open-${teamProject}`).textContent()).resolves.toBe(
    'Write update',
  );
  await expect(row(teamProject).getAttribute('data-state')).resolves.toMatch(/^(due|late)$/);

  await app(host.page).getByTestId(`status-open-${teamProject}`).click();
  const editor = app(host.page).getByTestId('status-editor');
  await editor.getByTestId('status-facts').waitFor();
  // The facts come from the data: the health the board shows and its reasons.
  const computed = report.projects.find((project) => project.key === teamProject)?.health.computedRag;
  await expect(editor.getByTestId('facts-health').textContent()).resolves.toContain(
    computed === 'none' ? 'No data' : (computed ?? '').replace(/^./, (c) => c.toUpperCase()),
  );
  await expect(editor.getByTestId('status-commentary-help').textContent()).resolves.toContain(
    'of 2,000 characters',
  );

  await radioInput(editor, 'stated-at-risk').check({ force: true });
  await editor
    .getByTestId('status-commentary')
    .fill('Design review <b>moved</b>; plan at https://example.com/plan.');
  await savedDraft();
  // Saved, not only typed: a fresh page (a deep link to the update) shows the draft.
  await host.page.goto(host.url(`${STATUS}?project=${teamProject}`));
  await app(host.page).getByTestId('status-commentary').waitFor();
  await expect(app(host.page).getByTestId('status-commentary').inputValue()).resolves.toBe(
    'Design review <b>moved</b>; plan at https://example.com/plan.',
  );
  await expect(radioInput(app(host.page), 'stated-at-risk').isChecked()).resolves.toBe(true);
  await app(host.page).getByTestId('status-commentary').fill(FIRST_UPDATE);
  await savedDraft();

  await app(host.page).getByTestId('status-publish').click();
  await app(host.page).getByTestId('status-version-1').waitFor();
  // Markup stays text; the link is a link.
  const published = app(host.page).getByTestId('status-version-1-commentary');
  await expect(published.textContent()).resolves.toBe(FIRST_UPDATE);
  await expect(published.locator('b').count()).resolves.toBe(0);
  await expect(published.locator('a').getAttribute('href')).resolves.toBe('https://example.com/plan');
  await expect(row(teamProject).getAttribute('data-state')).resolves.toBe('published');
  await expect(row(teamProject).textContent()).resolves.toContain('At risk');
  await expect(row(teamProject).textContent()).resolves.toContain('Tom Team');

  await screenshot(host.page, 'status-editor-light');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test('a second writer saving the same draft sees both texts, and loses nothing', async () => {
  await publishFirstUpdateAsLead();
  await host.page.goto(host.url(`${STATUS}?project=${teamProject}`));
  const editor = app(host.page).getByTestId('status-editor');
  await editor.getByTestId('status-commentary').waitFor();
  await editor.getByTestId('status-commentary').fill('Correction in progress');
  await savedDraft();
  // Meanwhile an admin (a project admin may write it too) saves over the same revision.
  const view = await invoke(host.stack, 'getStatusUpdate', 'sim-admin', {
    portfolioId: 'all',
    projectKey: teamProject,
  });
  const theirs = await invoke(host.stack, 'saveStatusDraft', 'sim-admin', {
    portfolioId: 'all',
    projectKey: teamProject,
    periodId,
    baseRevision: view.draft?.revision ?? 0,
    status: 'off-track',
    commentary: 'Admin: the vendor slipped',
  });
  expect(theirs.outcome).toBe('saved');
  await editor.getByTestId('status-commentary').fill('Correction in progress: scope cut agreed');
  await editor.getByTestId('status-conflict').waitFor();
  await expect(editor.getByTestId('status-conflict-theirs').textContent()).resolves.toBe(
    'Admin: the vendor slipped',
  );
  await expect(editor.getByTestId('status-conflict-yours').textContent()).resolves.toBe(
    'Correction in progress: scope cut agreed',
  );
  await expect(editor.getByTestId('status-publish').isDisabled()).resolves.toBe(true);
  await screenshot(host.page, 'status-conflict-light');
  await editor.getByTestId('status-conflict-use-mine').click();
  await savedDraft();
  const after = await invoke(host.stack, 'getStatusUpdate', 'sim-team', {
    portfolioId: 'all',
    projectKey: teamProject,
  });
  expect(after.draft?.commentary).toBe('Correction in progress: scope cut agreed');

  await editor.getByTestId('status-publish').click();
  await editor.getByTestId('status-version-2').waitFor();
  // The correction is a new version; the first stays as it was.
  await expect(editor.getByTestId('status-version-1-commentary').textContent()).resolves.toContain('a week');
});

test('an update rosier than the data is flagged on the board, with filters, exports and print view', async () => {
  const flagged = report.projects.find(
    (project) =>
      project.key !== teamProject &&
      (project.health.computedRag === 'red' || project.health.computedRag === 'amber'),
  );
  if (!flagged) throw new Error('the seeded data has no red or amber project');
  await invoke(host.stack, 'publishStatusUpdate', 'sim-admin', {
    portfolioId: 'all',
    projectKey: flagged.key,
    periodId,
    expectedVersion: 0,
    status: 'on-track',
    commentary: '=HYPERLINK("http://evil.example") all good',
  });
  await host.page.goto(host.url(STATUS));
  await switchUser(host.page, 'sim-admin');
  await boardReady();
  const flag = app(host.page).getByTestId(`status-flag-${flagged.key}`);
  await expect(flag.textContent()).resolves.toBe(`⚠ says on track, data says ${flagged.health.computedRag}`);
  // Late and flagged projects come first; the flag filter keeps only the rosier ones.
  const rosier = (
    await invoke(host.stack, 'getStatusBoard', 'sim-admin', { portfolioId: 'all' })
  ).rows.filter((entry) => entry.disagreement === 'rosier');
  expect(rosier.map((entry) => entry.projectKey)).toContain(flagged.key);
  await app(host.page).getByTestId('status-filter-flagged').check();
  await expect(app(host.page).locator('[data-testid^="status-row-"]').count()).resolves.toBe(rosier.length);
  await expect(app(host.page).getByTestId('status-count-disagreements').textContent()).resolves.toContain(
    String(rosier.length),
  );
  const csv = await downloadCsv(host.page, 'status-export-csv');
  expect(csv.rows[0]).toEqual([
    'project_key',
    'project',
    'update',
    'stated_status',
    'computed_rag',
    'disagreement',
    'version',
    'published_by',
    'published_at',
    'commentary',
  ]);
  const flaggedRow = csv.rows.find((cells) => cells[0] === flagged.key);
  expect(csv.rows).toHaveLength(rosier.length + 1);
  expect(flaggedRow?.slice(0, 6)).toEqual([
    flagged.key,
    flagged.name,
    'Published',
    'On track',
    flagged.health.computedRag,
    `says on track, data says ${flagged.health.computedRag}`,
  ]);
  // A formula in the commentary is neutralised for spreadsheets.
  expect(flaggedRow?.[9]).toBe(`'=HYPERLINK("http://evil.example") all good`);
  const markdown = await downloadText(host.page, 'status-export-md');
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.text).toContain(`| ⚠ says on track, data says ${flagged.health.computedRag} |`);
  expect(markdown.text).toContain('=HYPERLINK\\("http\\://evil.example"\\)');
  await screenshot(host.page, 'status-board-light');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);

  await setTheme(host.page, 'dark');
  await screenshot(host.page, 'status-board-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await app(host.page).getByTestId(`status-open-${flagged.key}`).click();
  await app(host.page).getByTestId('status-versions').scrollIntoViewIfNeeded();
  await screenshot(host.page, 'status-editor-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await setTheme(host.page, 'light');

  // Print: the board without controls or the editor.
  await host.page.emulateMedia({ media: 'print' });
  await expect(app(host.page).getByTestId('status-filter-flagged').isVisible()).resolves.toBe(false);
  await expect(app(host.page).getByTestId('status-editor').isVisible()).resolves.toBe(false);
  await expect(app(host.page).getByTestId('status-table').isVisible()).resolves.toBe(true);
  await screenshot(host.page, 'status-board-print');
  await host.page.emulateMedia({ media: 'screen' });
});

test('the four simulator users see and write only what Jira and the writer rule allow', async () => {
  await publishFirstUpdateAsLead();
  const board = (user: string) => invoke(host.stack, 'getStatusBoard', user, { portfolioId: 'all' });
  const [admin, pmo, team, outsider] = await Promise.all([
    board('sim-admin'),
    board('sim-pmo'),
    board('sim-team'),
    board('sim-outsider'),
  ]);
  const all = report.projects.map((project) => project.key).sort();
  const keys = (rows: { projectKey: string }[]) => rows.map((entry) => entry.projectKey).sort();
  const writable = (rows: { projectKey: string; canWrite: boolean }[]) =>
    rows
      .filter((entry) => entry.canWrite)
      .map((entry) => entry.projectKey)
      .sort();
  // The admin administers every project; the PMO lead reads all and leads none; the team member
  // browses three and leads one; the outsider browses none.
  expect([keys(admin.rows), writable(admin.rows)]).toEqual([all, all]);
  expect([keys(pmo.rows), writable(pmo.rows)]).toEqual([all, []]);
  expect([keys(team.rows).length, writable(team.rows)]).toEqual([3, [teamProject]]);
  expect(outsider.rows).toEqual([]);
  // Published updates are seen by whoever browses the project, never written by the wrong person.
  expect(pmo.rows.find((entry) => entry.projectKey === teamProject)?.published?.version).toBe(1);
  const hidden = all.find((key) => !keys(team.rows).includes(key)) as string;
  for (const [user, projectKey, code] of [
    ['sim-pmo', teamProject, 'FORBIDDEN'],
    ['sim-team', hidden, 'NOT_FOUND'],
    ['sim-outsider', teamProject, 'NOT_FOUND'],
  ] as const) {
    const response = await invokeResponse(host.stack, 'saveStatusDraft', user, {
      portfolioId: 'all',
      projectKey,
      periodId,
      baseRevision: 0,
      status: 'on-track',
      commentary: 'Not allowed',
    });
    expect({ user, code: ((await response.json()) as { code?: string }).code }).toEqual({ user, code });
  }

  await host.page.goto(host.url(`${STATUS}?project=${teamProject}`));
  await switchUser(host.page, 'sim-pmo');
  await app(host.page).getByTestId('status-read-only').waitFor();
  await expect(app(host.page).getByTestId('status-read-only').textContent()).resolves.toContain(
    `Only the lead of ${teamProject} or its project administrators can write this status update.`,
  );
  await expect(app(host.page).getByTestId('status-commentary').count()).resolves.toBe(0);
  await expect(app(host.page).getByTestId('status-version-1').isVisible()).resolves.toBe(true);
});

test('an admin sets a portfolio’s status cadence, due day and writers; the board follows them', async () => {
  await host.page.goto(host.url(ADMIN_PATH));
  await switchUser(host.page, 'sim-admin');
  await goToSettingsSection(host.page, 'portfolios');
  await app(host.page).getByTestId('portfolio-add').click();
  const section = app(host.page).getByTestId('portfolio-portfolio-status');
  await section.waitFor();
  await chooseOption(section, 'portfolio-portfolio-status-cadence', 'Every month');
  await chooseOption(section, 'portfolio-portfolio-status-due', 'Monday');
  await section.getByTestId('portfolio-portfolio-status-group').fill('pmo-office');
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshotThemes(host.page, 'status-settings', () => section.scrollIntoViewIfNeeded());

  // The same settings saved: a monthly period, and the PMO group writes every project.
  const settings = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  const config = structuredClone(settings.live.config);
  config.portfolios = [
    {
      id: 'delivery',
      name: 'Delivery',
      ownerAccountId: null,
      scope: { kind: 'projects', projectKeys: report.projects.map((project) => project.key) },
      status: {
        cadence: 'monthly',
        dueWeekday: 1,
        writers: { projectLead: true, projectAdmins: true, groupName: 'pmo-office' },
      },
    },
  ];
  await invoke(host.stack, 'saveSettings', 'sim-admin', {
    baseVersion: settings.live.version,
    config,
    comment: 'status',
  });
  const board = await invoke(host.stack, 'getStatusBoard', 'sim-pmo', { portfolioId: 'p:delivery' });
  expect(board.period.label).toMatch(/^[A-Z][a-z]+ \d{4}$/);
  expect(board.period.id.endsWith('-01')).toBe(true);
  expect(board.rows.every((entry) => entry.canWrite)).toBe(true);
});
