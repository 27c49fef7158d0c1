import { type SimUser, simUser } from '../dev/jira-sim/users';
import { defaultPmoConfig, type PmoConfig, PmoConfigSchema } from '../src/domain/config/schema';
import { configVersionKey, findLiveVersion, LIVE_CONFIG_KEY } from '../src/services/settings/live-config';
import { legacyChecklistKey, readChecklist } from '../src/services/standards/checklist-store';
import { queryAll } from '../src/storage/store';
import { editIssue, invoke, invokeResponse, simRequest, transitionIssue, waitUntil } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { appFrame, holdRequests, panel, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';

/**
 * Issue #5 end to end on the local host: an enforced PMO configuration, the issue panel listing
 * what an issue misses, the gate checklist, and the host's transition control calling the app's
 * workflow validator (blocked, then allowed once the issue meets the standards).
 *
 * Each test has its own page and sets up what it changes (issue fields and statuses, ticks,
 * settings versions) and restores it afterwards, so any test runs alone or in any order.
 */

jest.setTimeout(120_000);

const ADMIN = simUser('admin');
const TEAM = simUser('team');
const PMO = simUser('pmo');
const XSS = '<img src=x onerror=alert(1)>';

const host = setUpHostStack({ fresh: 'page' });

/** The issues the tests work on, found (not changed) in the simulator's data (seed 42) before the tests. */
let story: FoundIssue;
let blockerKey: string;
let blockerDue: string;
let epic: FoundIssue;
let spareStory: FoundIssue;

interface FoundIssue {
  id: string;
  key: string;
  summary: string;
}

interface SearchIssue {
  id: string;
  key: string;
  fields: {
    summary: string;
    duedate?: string | null;
    issuelinks?: {
      type: { name: string };
      inwardIssue?: { key: string; fields: { status: { statusCategory: { key: string } } } };
    }[];
  };
}

// ---- the simulator, asked directly (not through the app) ------------------------------------

async function search(user: SimUser, jql: string, fields: string[]): Promise<SearchIssue[]> {
  const query = new URLSearchParams({ jql, fields: fields.join(','), maxResults: '100' });
  const response = await simRequest(host.stack, user, 'GET', `/rest/api/3/search/jql?${query}`);
  if (!response.ok) throw new Error(`search "${jql}" answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { issues: SearchIssue[] }).issues;
}

/** Edits an issue as the site admin, as someone would in Jira's issue view. */
const edit = (key: string, fields: Record<string, unknown>) => editIssue(host.stack, ADMIN, key, fields);

/** The fields and status the tests change, as they were, so that a test can put them back. */
interface IssueState {
  key: string;
  status: string;
  fields: Record<string, unknown>;
}

async function issueState(key: string): Promise<IssueState> {
  const fields = 'summary,duedate,customfield_10016,assignee,status';
  const response = await simRequest(host.stack, ADMIN, 'GET', `/rest/api/3/issue/${key}?fields=${fields}`);
  if (!response.ok) throw new Error(`reading ${key} answered ${response.status}`);
  const issue = (await response.json()) as {
    fields: {
      summary: string;
      duedate?: string | null;
      customfield_10016?: number | null;
      assignee?: { accountId: string } | null;
      status: { name: string };
    };
  };
  const { summary, duedate, customfield_10016, assignee, status } = issue.fields;
  return {
    key,
    status: status.name,
    fields: {
      summary,
      duedate: duedate ?? null,
      customfield_10016: customfield_10016 ?? null,
      assignee: assignee ? { accountId: assignee.accountId } : null,
    },
  };
}

/** Runs `body`, then puts the issues' fields and statuses back as they were. */
async function restoringIssues(keys: readonly string[], body: () => Promise<void>): Promise<void> {
  const saved = await Promise.all(keys.map(issueState));
  try {
    await body();
  } finally {
    for (const state of saved) {
      await edit(state.key, state.fields);
      const now = await issueState(state.key);
      if (now.status !== state.status) await transitionIssue(host.stack, ADMIN, state.key, state.status);
    }
  }
}

/** Runs `body`, then removes every tick and untick stored for the issue. */
async function restoringChecklist(issueId: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    const store = host.stack.wiring.localApp.deps.store;
    const legacyKey = legacyChecklistKey(issueId);
    for await (const { key } of queryAll(store, legacyKey)) {
      if (key === legacyKey || key.startsWith(`${legacyKey}:`)) await store.delete(key);
    }
  }
}

const plain = (issue: SearchIssue) => !issue.fields.summary.includes('<');

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

// ---- the app's stored configuration ---------------------------------------------------------

/**
 * The defaults with "Ready for delivery" and "Epic stage gates" enforced, plus a guidance standard
 * that names a status this site does not have and a field id it does not have: both must be
 * reported without breaking the panel or the validator.
 */
function enforcedConfig(): PmoConfig {
  const config = structuredClone(defaultPmoConfig);
  for (const standard of config.standards) {
    if (standard.id === 'delivery-readiness' || standard.id === 'epic-gates') standard.mode = 'enforce';
  }
  return PmoConfigSchema.parse({
    ...config,
    standards: [
      ...config.standards,
      {
        id: 'benefits-tracking',
        name: 'Benefits are tracked',
        description: 'Stories name who owns their benefit before they close.',
        mode: 'warn',
        scope: { issueTypes: ['Story'] },
        rules: [
          {
            id: 'benefit-owner',
            kind: 'requiredFields',
            fields: [{ kind: 'field', id: 'customfield_99999', name: 'Benefit owner' }],
            when: { fromStage: 'closure' },
          },
          {
            id: 'doing-has-labels',
            kind: 'requiredFields',
            fields: [{ kind: 'field', id: 'labels', name: 'Labels' }],
            when: { statuses: ['Doing'] },
          },
        ],
      },
    ],
  });
}

async function publishConfig(version: number, config: PmoConfig): Promise<void> {
  const store = host.stack.wiring.localApp.deps.store;
  await store.set(configVersionKey(version), {
    version,
    basedOn: version - 1,
    author: ADMIN.accountId,
    savedAt: new Date().toISOString(),
    comment: 'Browser test: enforce delivery readiness and epic gates',
    origin: { kind: 'save' },
    config,
  });
  await store.set(LIVE_CONFIG_KEY, { version });
}

/** Runs `body` with `config` live as the next settings version, then removes that version again. */
async function withLiveConfig(config: PmoConfig, body: () => Promise<void>): Promise<void> {
  const deps = host.stack.wiring.localApp.deps;
  const { version } = await findLiveVersion(deps);
  await publishConfig(version + 1, config);
  try {
    await body();
  } finally {
    await deps.store.delete(configVersionKey(version + 1));
    await deps.store.set(LIVE_CONFIG_KEY, { version });
  }
}

// ---- the browser ----------------------------------------------------------------------------

/**
 * Acts as `user` the way a person does, with the host's user switcher. (A cookie added from outside
 * the page reaches page loads but not the page's own requests, the transition among them, in this
 * Chromium.)
 */
async function actAs(user: SimUser): Promise<void> {
  if (!host.page.url().startsWith(host.stack.url))
    await host.page.goto(`${host.stack.url}/jira/browse/${story.key}`);
  await switchUser(host.page, user.accountId);
}

/** Opens an issue and waits until the panel has answered (badge or error). */
async function openIssue(key: string): Promise<void> {
  await host.page.goto(`${host.stack.url}/jira/browse/${key}`);
  await panel(host.page)
    .locator('[data-testid="compliance-badge"], [data-testid="error-state"]')
    .first()
    .waitFor();
}

async function badge(): Promise<string | null> {
  return panel(host.page).getByTestId('compliance-badge').getAttribute('data-badge');
}

async function chooseTransition(status: string): Promise<void> {
  const select = host.page.getByTestId('transition-select');
  const options = await select
    .locator('option')
    .evaluateAll((els) =>
      els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })),
    );
  const option = options.find((candidate) => candidate.label.trim().endsWith(`→ ${status}`));
  if (!option) throw new Error(`no transition to ${status} among ${options.map((o) => o.label).join(', ')}`);
  await select.selectOption(option.value);
}

/** Tries the transition in the host's issue view; answers the validator's message. */
async function transitionBlocked(status: string): Promise<string> {
  await chooseTransition(status);
  await host.page.getByTestId('transition-button').click();
  const message = host.page.locator('[data-testid="transition-message"].is-error');
  await message.waitFor();
  return (await message.textContent()) ?? '';
}

async function transitionAllowed(status: string): Promise<void> {
  await chooseTransition(status);
  await Promise.all([host.page.waitForEvent('load'), host.page.getByTestId('transition-button').click()]);
  await expect(host.page.getByTestId('issue-status').textContent()).resolves.toBe(status);
}

async function screenshotBothThemes(name: string): Promise<void> {
  // Clicks in the panel scroll the issue view; the pictures show it from the top.
  await host.page.evaluate(() => window.scrollTo(0, 0));
  await screenshotThemes(host.page, name);
}

async function expectAxeClean(): Promise<void> {
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'issue-panel')))).toEqual([]);
}

const checkbox = (ruleId: string, itemId: string) =>
  panel(host.page).getByTestId(`checklist-item-${ruleId}-${itemId}`);

async function tick(ruleId: string, itemId: string, ticked: boolean): Promise<void> {
  // click(), not check(): the box only changes once the server has answered.
  await checkbox(ruleId, itemId).click();
  await panel(host.page)
    .locator(`[data-testid="checklist-item-${ruleId}-${itemId}"][data-ticked="${ticked}"]`)
    .waitFor();
  await panel(host.page).getByTestId('checklist-saving').waitFor({ state: 'detached' });
}

// ---- setup ----------------------------------------------------------------------------------

beforeAll(async () => {
  // The settings every test starts from (a test that changes them puts them back).
  await publishConfig(1, enforcedConfig());

  // What the team member can see (and, in the simulator, edit): its first three projects.
  const stories = await search(TEAM, 'issuetype = Story AND status = "To Do" ORDER BY key', [
    'summary',
    'duedate',
    'issuelinks',
  ]);
  const blockedBy = (issue: SearchIssue) =>
    (issue.fields.issuelinks ?? []).find(
      (link) =>
        ['Blocks', 'Dependency'].includes(link.type.name) &&
        link.inwardIssue !== undefined &&
        link.inwardIssue.fields.status.statusCategory.key !== 'done',
    )?.inwardIssue?.key;
  const blocked = stories.find((issue) => plain(issue) && blockedBy(issue) !== undefined);
  const spare = stories.find((issue) => plain(issue) && issue.key !== blocked?.key);
  const epics = await search(TEAM, 'issuetype = Epic AND status = "To Do" ORDER BY key', ['summary']);
  const firstEpic = epics.find(plain);
  if (!blocked || !spare || !firstEpic) {
    throw new Error('the simulator has no open blocked Story, second Story and Epic in To Do for sim-team');
  }
  story = { id: blocked.id, key: blocked.key, summary: blocked.fields.summary };
  blockerKey = blockedBy(blocked) ?? '';
  const [blocker] = await search(ADMIN, `key = ${blockerKey}`, ['summary', 'duedate']);
  if (!blocker?.fields.duedate) throw new Error(`the blocker ${blockerKey} has no due date`);
  blockerDue = blocker.fields.duedate;
  spareStory = { id: spare.id, key: spare.key, summary: spare.fields.summary };
  epic = { id: firstEpic.id, key: firstEpic.key, summary: firstEpic.fields.summary };
});

/** Each test starts acting as the team member. */
beforeEach(async () => {
  await actAs(TEAM);
});

/** The seed dates, estimates and assigns every Story in To Do: the tests that need it take that away. */
const UNPREPARED = { duedate: null, customfield_10016: null, assignee: null };

// ---- the tests ------------------------------------------------------------------------------

/** Ticking a gate checklist item straight through the resolver as `accountId` is a typed FORBIDDEN with `message`. */
async function expectTickForbidden(
  accountId: string,
  item: { issueKey: string; ruleId: string; itemId: string },
  message: string,
): Promise<void> {
  const response = await invokeResponse(host.stack, 'setChecklistItem', accountId, { ...item, ticked: true });
  expect(response.status).toBe(403);
  await expect(response.json()).resolves.toEqual({ code: 'FORBIDDEN', message });
}

test('a Story that misses required fields: the panel lists them and the validator blocks, then allows', async () => {
  await restoringIssues([story.key], async () => {
    await edit(story.key, UNPREPARED);
    await openIssue(story.key);
    // Nothing is required in To Do; moving on to Execution is what needs the fields.
    await expect(badge()).resolves.toBe('compliant');
    await expect(panel(host.page).getByTestId('config-version').textContent()).resolves.toBe(
      'Settings version 1',
    );
    const nextStage = panel(host.page).getByTestId('next-stage-violations');
    await expect(nextStage.locator('h3').textContent()).resolves.toBe('Before Execution');
    const dated = nextStage.getByTestId('violation-delivery-readiness-dated-and-estimated');
    await expect(dated.textContent()).resolves.toContain('Due date and Story Points are required');
    await expect(dated.getAttribute('data-mode')).resolves.toBe('enforce');
    await expect(
      nextStage.getByTestId('violation-delivery-readiness-has-assignee').textContent(),
    ).resolves.toContain('Assignee is required');
    await expect(nextStage.textContent()).resolves.toContain('Enforced');

    // The blocker from another project, with a link to it.
    const dependency = panel(host.page).getByTestId(`dependency-warning-${blockerKey}`);
    await expect(dependency.textContent()).resolves.toContain(
      `${blockerKey} is unresolved and blocks this issue`,
    );
    await expect(dependency.getByRole('link', { name: blockerKey }).getAttribute('href')).resolves.toBe(
      `/browse/${blockerKey}`,
    );

    // Settings this site cannot apply are named, in words.
    const problems = panel(host.page).getByTestId('standards-problems');
    await expect(problems.textContent()).resolves.toContain(
      '“Benefits are tracked” applies in the status "Doing", which this Jira site does not have.',
    );
    await expect(problems.textContent()).resolves.toContain(
      '“Benefits are tracked” needs the field Benefit owner (customfield_99999), which this Jira site does not have.',
    );

    await expectAxeClean();
    await screenshotBothThemes('issue-standards-story');

    // The host's issue view runs the app's validator, as Jira would: blocked, with what is missing.
    const message = await transitionBlocked('In Progress');
    expect(message).toContain('PMO standards must be met before moving to In Progress');
    expect(message).toContain('Ready for delivery: Due date and Story Points are required');
    expect(message).toContain('Assignee is required');
    await expect(host.page.getByTestId('issue-status').textContent()).resolves.toBe('To Do');
    await screenshot(host.page, 'issue-standards-story-blocked');

    // Someone fills the fields in (due the day before its blocker); Jira tells the panel the issue
    // changed and it looks again.
    await edit(story.key, {
      duedate: dayBefore(blockerDue),
      customfield_10016: 5,
      assignee: { accountId: TEAM.accountId },
    });
    await host.page.evaluate(() => {
      const host = (window as unknown as { __pmoHost: { events: { emit(e: string, p: unknown): void } } })
        .__pmoHost;
      host.events.emit('JIRA_ISSUE_CHANGED', { changes: [{ changeType: 'updated', atlassianId: 'x' }] });
    });
    await nextStage.getByText('Nothing more is needed to move to Execution (In Progress).').waitFor();
    await expect(nextStage.locator('[data-testid^="violation-"]').count()).resolves.toBe(0);
    // Now the blocker is due after this Story: a late dependency.
    await expect(dependency.getAttribute('data-late')).resolves.toBe('true');
    await expect(dependency.textContent()).resolves.toContain(`it is due ${blockerDue}, after this issue`);

    await transitionAllowed('In Progress');
    await panel(host.page).getByTestId('issue-status').getByText('In Progress').waitFor();
    await expect(badge()).resolves.toBe('compliant');
    await expect(panel(host.page).getByTestId('standards-met').textContent()).resolves.toContain(
      'at the Execution stage',
    );
  });
});

test('an Epic’s gate checklist: ticks record who and when, the history keeps unticks, the gate blocks until complete', async () => {
  await restoringIssues([epic.key], () =>
    restoringChecklist(epic.id, async () => {
      await openIssue(epic.key);
      const gate = panel(host.page).getByTestId('gate-execution-gate');
      await expect(gate.locator('h4').textContent()).resolves.toContain('Execution gate');
      // The next gate is open; later gates are collapsed.
      await expect(
        panel(host.page)
          .getByTestId('gate-closure-gate')
          .evaluate((el) => (el as HTMLDetailsElement).open),
      ).resolves.toBe(false);
      await expect(panel(host.page).getByTestId('next-stage-violations').textContent()).resolves.toContain(
        'The Execution gate needs “Scope agreed with the sponsor” and “Estimate reviewed by the team” ticked.',
      );
      await expect(checkbox('execution-gate', 'scope-agreed').isDisabled()).resolves.toBe(false);
      await expect(gate.getByText('Required', { exact: true }).count()).resolves.toBe(2);
      await expect(gate.getByText('Optional', { exact: true }).count()).resolves.toBe(1);

      // Not optimistic: while the server saves, a spinner shows and the box keeps the server's state.
      const saving = await holdRequests(host.context, '**/__invoke/setChecklistItem');
      await checkbox('execution-gate', 'scope-agreed').click();
      await panel(host.page).getByTestId('checklist-saving').waitFor();
      await expect(checkbox('execution-gate', 'scope-agreed').getAttribute('data-ticked')).resolves.toBe(
        'false',
      );
      await expect(checkbox('execution-gate', 'scope-agreed').isChecked()).resolves.toBe(false);
      saving.release();
      await panel(host.page)
        .locator('[data-testid="checklist-item-execution-gate-scope-agreed"][data-ticked="true"]')
        .waitFor();
      await saving.stop();
      const tickInfo = gate.getByTestId('checklist-tick');
      await expect(tickInfo.textContent()).resolves.toMatch(
        /^Ticked by Tom Team · \d{1,2} [A-Z][a-z]{2,3} \d{4} \d{2}:\d{2}$/,
      );

      // Unticking is recorded too; the history shows both, newest first.
      await tick('execution-gate', 'scope-agreed', false);
      await expect(tickInfo.count()).resolves.toBe(0);
      const history = panel(host.page).getByTestId('checklist-history');
      await history.locator('summary').click();
      const lines = await history.locator('li').allTextContents();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^Tom Team unticked “Scope agreed with the sponsor” · \d{1,2} [A-Z][a-z]{2,3} \d{4} \d{2}:\d{2}$/,
      );
      expect(lines[1]).toMatch(/^Tom Team ticked “Scope agreed with the sponsor” · /);

      // One of two mandatory items: the gate still blocks the move to In Progress.
      await tick('execution-gate', 'scope-agreed', true);
      const message = await transitionBlocked('In Progress');
      expect(message).toContain(
        'Epic stage gates: The Execution gate needs “Estimate reviewed by the team” ticked.',
      );
      expect(message).not.toContain('Scope agreed');

      // Someone's Edit issues permission went while the panel was open: a typed error, nothing ticked.
      await host.context.route('**/__invoke/setChecklistItem', (route) =>
        route.continue({ headers: { ...route.request().headers(), 'x-account-id': PMO.accountId } }),
      );
      await checkbox('execution-gate', 'estimate-reviewed').click();
      const error = panel(host.page).getByTestId('checklist-error');
      await error.waitFor();
      await expect(error.getAttribute('data-code')).resolves.toBe('FORBIDDEN');
      await expect(error.textContent()).resolves.toContain(
        `You need the Edit issues permission on ${epic.key} to change its gate checklist`,
      );
      await expect(checkbox('execution-gate', 'estimate-reviewed').getAttribute('data-ticked')).resolves.toBe(
        'false',
      );
      await host.context.unroute('**/__invoke/setChecklistItem');

      await tick('execution-gate', 'estimate-reviewed', true);
      await expect(error.count()).resolves.toBe(0);
      await expect(gate.locator('h4').textContent()).resolves.toContain('Complete');
      await panel(host.page)
        .getByTestId('next-stage-violations')
        .getByText('Nothing more is needed to move to Execution (In Progress).')
        .waitFor();
      await expect(history.evaluate((el) => (el as HTMLDetailsElement).open)).resolves.toBe(true);
      await expect(history.locator('li').count()).resolves.toBe(4);
      await expectAxeClean();
      await screenshotBothThemes('issue-standards-epic');

      await transitionAllowed('In Progress');
      await expect(badge()).resolves.toBe('compliant');
      // The gate is behind the Epic now (collapsed, marked reached); the Closure gate is next.
      await expect(
        panel(host.page).getByTestId('gate-execution-gate').locator('summary').textContent(),
      ).resolves.toContain('Complete · stage reached');
      await expect(
        panel(host.page).getByTestId('gate-closure-gate').locator('h4').textContent(),
      ).resolves.toContain('Closure gate');
    }),
  );
});

test('a team member without Edit issues sees the checklist read-only and cannot tick through the resolver', async () => {
  await restoringChecklist(epic.id, async () => {
    // The team member (who may edit the Epic) has ticked one item.
    await invoke(host.stack, 'setChecklistItem', TEAM.accountId, {
      issueKey: epic.key,
      ruleId: 'execution-gate',
      itemId: 'scope-agreed',
      ticked: true,
    });
    const store = host.stack.wiring.localApp.deps.store;
    const before = await readChecklist(store, epic.id);
    expect(before.history).toHaveLength(1);

    await actAs(PMO);
    await openIssue(epic.key);
    await expect(panel(host.page).getByTestId('checklist-read-only').textContent()).resolves.toBe(
      `You need the Edit issues permission on ${epic.key} to tick gate items.`,
    );
    for (const item of ['scope-agreed', 'estimate-reviewed', 'risks-logged']) {
      await expect(checkbox('execution-gate', item).isDisabled()).resolves.toBe(true);
    }
    await expect(checkbox('execution-gate', 'scope-agreed').isChecked()).resolves.toBe(true);
    await screenshot(host.page, 'issue-standards-read-only');

    // Straight to the resolver, as the PMO lead: a typed FORBIDDEN, and nothing stored.
    await expectTickForbidden(
      PMO.accountId,
      { issueKey: epic.key, ruleId: 'execution-gate', itemId: 'risks-logged' },
      `You need the Edit issues permission on ${epic.key} to change its gate checklist`,
    );
    const untick = await invokeResponse(
      host.stack,
      'setChecklistItem',
      PMO.accountId,
      { issueKey: epic.key, ruleId: 'execution-gate', itemId: 'scope-agreed', ticked: false },
      { bridge: true },
    );
    await expect(untick.json()).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(readChecklist(store, epic.id)).resolves.toEqual(before);
  });
});

test('damaged settings: the panel says an admin must restore them, and the validator lets transitions through', async () => {
  const store = host.stack.wiring.localApp.deps.store;
  const { version } = await findLiveVersion(host.stack.wiring.localApp.deps);
  const good = await store.get(configVersionKey(version));
  await restoringIssues([spareStory.key], async () => {
    await edit(spareStory.key, UNPREPARED);
    await openIssue(spareStory.key);
    await expect(panel(host.page).getByTestId('next-stage-violations').textContent()).resolves.toContain(
      'Due date',
    );
    try {
      await store.set(configVersionKey(version), { version, config: { standards: 'garbage' }, oops: true });
      // Back to the panel (focus) until it fetches again (it throttles refetches) and finds the
      // settings unreadable.
      const error = panel(host.page).getByTestId('error-state');
      await waitUntil(async () => {
        await appFrame(host.page, 'issue-panel').evaluate(() => window.dispatchEvent(new Event('focus')));
        return (await error.count()) > 0;
      }, 10_000);
      await expect(error.getAttribute('data-code')).resolves.toBe('CONFIG_UNREADABLE');
      await expect(error.textContent()).resolves.toContain('The PMO settings need an admin');
      await expect(error.textContent()).resolves.toContain('restore a working version');
      await expect(panel(host.page).getByTestId('compliance-badge').count()).resolves.toBe(0);
      // The rest of the panel still works.
      await panel(host.page).getByTestId('issue-status').waitFor();
      await expectAxeClean();
      await screenshot(host.page, 'issue-standards-config-unreadable');

      // Fail open: the Story misses its fields, yet the transition goes through.
      await transitionAllowed('In Progress');
      await panel(host.page).getByTestId('error-state').waitFor();
    } finally {
      await store.set(configVersionKey(version), good);
    }
  });
});

test('Jira text stays text: an XSS summary in the panel header and in a dependency warning', async () => {
  await restoringIssues([story.key, blockerKey], async () => {
    await edit(story.key, { summary: `Launch checklist ${XSS}` });
    await edit(blockerKey, { summary: `Vendor contract ${XSS}` });
    await openIssue(story.key);
    await expect(panel(host.page).getByTestId('issue-summary').textContent()).resolves.toContain(
      `Launch checklist ${XSS}`,
    );
    await expect(
      panel(host.page).getByTestId(`dependency-warning-${blockerKey}`).textContent(),
    ).resolves.toContain(`Vendor contract ${XSS}`);
    const injected = 'img[src="x"], svg[onload], [onerror], [onload], body script:not([src])';
    await expect(panel(host.page).locator(injected).count()).resolves.toBe(0);
    await expect(panel(host.page).getByTestId('issue-summary').locator('img').count()).resolves.toBe(0);
    await expect(
      panel(host.page).getByTestId(`dependency-warning-${blockerKey}`).locator('img').count(),
    ).resolves.toBe(0);
    await screenshot(host.page, 'issue-standards-xss');
  });
});

test('while loading the panel shows a skeleton; when no standard applies it says so and nothing blocks', async () => {
  const config = enforcedConfig();
  const nothingApplies = PmoConfigSchema.parse({
    ...config,
    standards: config.standards.map((standard) => ({ ...standard, mode: 'off' })),
  });
  const loading = await holdRequests(host.page, '**/__invoke/getIssueStandards');
  await withLiveConfig(nothingApplies, () =>
    restoringIssues([epic.key], async () => {
      try {
        await host.page.goto(`${host.stack.url}/jira/browse/${epic.key}`);
        await panel(host.page).getByTestId('standards-loading').waitFor();
        await expect(panel(host.page).getByTestId('compliance-badge').count()).resolves.toBe(0);
        loading.release();
        await expect(badge()).resolves.toBe('not-covered');
        await expect(panel(host.page).getByTestId('compliance-badge').textContent()).resolves.toBe(
          'No standards apply',
        );
        await expect(panel(host.page).getByTestId('standards-empty').textContent()).resolves.toContain(
          'No PMO standard applies to this epic in',
        );
        await expect(panel(host.page).getByTestId('config-version').textContent()).resolves.toBe(
          'Settings version 2',
        );
        await expectAxeClean();
        await screenshot(host.page, 'issue-standards-empty');
        await transitionAllowed('Done');
      } finally {
        await loading.stop();
      }
    }),
  );
});

test('settings texts stay text: an XSS standard name and checklist item stored by an earlier version', async () => {
  // Saves and imports refuse markup now (#13.9); a version stored before that must still render inert.
  const config = enforcedConfig();
  const epicGates = config.standards.find((standard) => standard.id === 'epic-gates');
  const gateRule = epicGates?.rules.find((rule) => rule.kind === 'gateChecklist');
  const firstItem = gateRule?.kind === 'gateChecklist' ? gateRule.items[0] : undefined;
  if (!epicGates || !gateRule || !firstItem) throw new Error('no epic gate');
  epicGates.name = `Epic gates ${XSS}`;
  firstItem.text = `Scope agreed ${XSS}`;
  await withLiveConfig(config, async () => {
    await openIssue(epic.key);
    const body = panel(host.page).locator('body');
    await panel(host.page)
      .getByTestId(`checklist-item-${gateRule.id}-${firstItem.id}`)
      .waitFor({ state: 'attached' });
    const text = (await body.textContent()) ?? '';
    expect(text).toContain(`Scope agreed ${XSS}`);
    expect(text).toContain(`Epic gates ${XSS}`);
    const injected = 'img[src="x"], svg[onload], [onerror], [onload], body script:not([src])';
    await expect(panel(host.page).locator(injected).count()).resolves.toBe(0);
    await screenshot(host.page, 'issue-standards-xss-settings');
  });
});

test('gate items that name who may tick them: the PMO lead ticks the PMO item, the team member is refused it (#14.17)', async () => {
  const config = enforcedConfig();
  const closure = config.standards
    .flatMap((standard) => standard.rules)
    .find((rule) => rule.kind === 'gateChecklist' && rule.id === 'closure-gate');
  if (closure?.kind !== 'gateChecklist') throw new Error('no closure gate');
  closure.items = closure.items.map((item) =>
    item.id === 'sponsor-signoff'
      ? { ...item, tickableBy: { kind: 'pmo' as const } }
      : item.id === 'acceptance-met'
        ? { ...item, tickableBy: { kind: 'projectRole' as const, role: 'Developers' } }
        : item,
  );
  config.access.pmoGroupName = 'pmo-office';
  const store = host.stack.wiring.localApp.deps.store;
  const pmoItem = checkbox('closure-gate', 'sponsor-signoff');
  const roleItem = checkbox('closure-gate', 'acceptance-met');
  // Open when it is the next gate; collapsed (a later gate) when this test runs alone.
  const openClosureGate = () =>
    panel(host.page)
      .getByTestId('gate-closure-gate')
      .evaluate((el) => {
        if (el instanceof HTMLDetailsElement) el.open = true;
      });
  const reasonOf = (itemId: string) =>
    panel(host.page)
      .getByTestId('gate-closure-gate')
      .locator(`li:has([data-testid="checklist-item-closure-gate-${itemId}"])`)
      .getByTestId('checklist-not-tickable');
  await withLiveConfig(config, () =>
    restoringChecklist(epic.id, async () => {
      // The team member: a Developer of the project, not the PMO.
      await openIssue(epic.key);
      await openClosureGate();
      await expect(pmoItem.isDisabled()).resolves.toBe(true);
      await expect(reasonOf('sponsor-signoff').textContent()).resolves.toBe(
        'Only the PMO (Jira administrators and members of "pmo-office") can tick this item.',
      );
      await expect(roleItem.isDisabled()).resolves.toBe(false);
      await expect(reasonOf('acceptance-met').count()).resolves.toBe(0);
      // What the panel shows is what the resolver answers.
      const asTeam = await invoke(host.stack, 'getIssueStandards', TEAM.accountId, {
        issueKey: epic.key,
      });
      const closureItems = asTeam.gates.find((gate) => gate.ruleId === 'closure-gate')?.items;
      expect(closureItems?.map((item) => [item.id, item.tickable])).toEqual([
        ['acceptance-met', true],
        ['sponsor-signoff', false],
        ['lessons-learned', true],
      ]);
      await tick('closure-gate', 'acceptance-met', true);
      await expectAxeClean();
      await screenshotBothThemes('issue-standards-tick-rights-team');
      // Straight to the resolver: refused with the reason, nothing stored.
      const before = await readChecklist(store, epic.id);
      await expectTickForbidden(
        TEAM.accountId,
        { issueKey: epic.key, ruleId: 'closure-gate', itemId: 'sponsor-signoff' },
        'Only the PMO (Jira administrators and members of "pmo-office") can tick this item.',
      );
      await expect(readChecklist(store, epic.id)).resolves.toEqual(before);

      // The PMO lead: cannot edit the issue, yet ticks the PMO sign-off; the role item is not theirs.
      await actAs(PMO);
      await openIssue(epic.key);
      await openClosureGate();
      await expect(pmoItem.isDisabled()).resolves.toBe(false);
      await expect(roleItem.isDisabled()).resolves.toBe(true);
      await expect(reasonOf('acceptance-met').textContent()).resolves.toBe(
        `Only people in the project role "Developers" of ${epic.key.split('-')[0]} can tick this item; you are not in it.`,
      );
      await tick('closure-gate', 'sponsor-signoff', true);
      const ticked = panel(host.page).getByTestId('gate-closure-gate').getByTestId('checklist-tick');
      await expect(ticked.allTextContents()).resolves.toEqual([
        expect.stringMatching(/^Ticked by Tom Team · /),
        expect.stringMatching(/^Ticked by Pat PMO Lead · /),
      ]);
      // Audited: who, what and when, in the history where the ticks are shown.
      const history = panel(host.page).getByTestId('checklist-history');
      if (!(await history.evaluate((el) => (el as HTMLDetailsElement).open)))
        await history.locator('summary').click();
      const lines = await history.locator('li').allTextContents();
      expect(lines[0]).toMatch(
        /^Pat PMO Lead ticked “Sponsor signed off” · \d{1,2} [A-Z][a-z]{2,3} \d{4} \d{2}:\d{2}$/,
      );
      expect(lines[1]).toMatch(/^Tom Team ticked “Acceptance criteria met” · /);
      await expectAxeClean();
      await screenshotBothThemes('issue-standards-tick-rights-pmo');
    }),
  );
});
