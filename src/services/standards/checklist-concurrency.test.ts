import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import { basicAuthHeader, SIM_USERS } from '../../../dev/jira-sim/users';
import type { LocalApp } from '../../../dev/local/local-app';
import { publishConfig } from '../../../test/support/published-config';
import type { IssueStandards } from '../../contracts/standards';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { MemoryStore } from '../../storage/memory-store';
import { loadAllTicks, readChecklist } from './checklist-store';

/**
 * The concurrency part of the standing suite for gate checklists: many people (or one person's
 * double clicks) ticking items of one issue at once, against a store with Forge-like latency.
 * Every tick answered with success must be kept, with who and when, by every reader.
 */

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const ITEMS = Array.from({ length: 20 }, (_, index) => `item-${String(index + 1).padStart(2, '0')}`);

/** The default standards, with the epic execution gate grown to 20 mandatory items and enforced. */
function twentyItemGate(): PmoConfig {
  return {
    ...defaultPmoConfig,
    standards: defaultPmoConfig.standards.map((standard) =>
      standard.id !== 'epic-gates'
        ? standard
        : {
            ...standard,
            mode: 'enforce',
            rules: standard.rules.map((rule) =>
              rule.kind === 'gateChecklist' && rule.id === 'execution-gate'
                ? { ...rule, items: ITEMS.map((id) => ({ id, text: `Check ${id}`, mandatory: true })) }
                : rule,
            ),
          },
    ),
  };
}

function adminHeaders() {
  const admin = SIM_USERS.find((user) => user.accountId === 'sim-admin');
  if (!admin) throw new Error('no sim-admin');
  return { authorization: basicAuthHeader(admin) };
}

describe('gate checklists under concurrent ticks (storage latency 5–60 ms)', () => {
  // Many round trips with latency on a shared 2-core machine: generous, and no timing asserted.
  jest.setTimeout(60_000);
  let sim: JiraSim;
  let local: LocalApp;
  let epic: { id: string; key: string };

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 7, projects: 3, issuesPerProject: 30 });
    local = wireSimulator(sim.url, { store: new MemoryStore({ latencyMs: [5, 60], seed: 13 }) }).localApp;
    await publishConfig(local.deps.store, twentyItemGate(), { comment: 'twenty-item gate' });
    const teamProjects = sim.dataset.projects
      .slice(0, 3)
      .map((project) => project.key)
      .join(', ');
    const response = await fetch(`${sim.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { ...adminHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({
        jql: `project in (${teamProjects}) AND issuetype = Epic AND status = "To Do" ORDER BY key ASC`,
        fields: ['summary'],
        maxResults: 1,
      }),
    });
    const page = (await response.json()) as { issues: { id: string; key: string }[] };
    const first = page.issues[0];
    if (!first) throw new Error('the simulator has no epic in To Do');
    epic = first;
  });
  afterAll(() => sim.close());

  const setItem = (itemId: string, ticked: boolean) =>
    local.app.resolver(
      {
        call: {
          functionKey: 'setChecklistItem',
          payload: { issueKey: epic.key, ruleId: 'execution-gate', itemId, ticked },
        },
        context: { moduleKey: 'pmo-issue-panel' },
      },
      { principal: { accountId: 'sim-team' }, installContext: 'ari:cloud:jira::site/local' },
    ) as Promise<Result<IssueStandards>>;

  it('keeps all 20 ticks made at once on one issue, and the panel, report and validator agree', async () => {
    const results = await Promise.all(ITEMS.map((itemId) => setItem(itemId, true)));
    expect(results.filter((result) => !result.ok)).toEqual([]);

    const stored = await readChecklist(local.deps.store, epic.id);
    const ticked = ITEMS.filter((itemId) => stored.ticks['execution-gate']?.[itemId] !== undefined);
    expect(ticked).toEqual(ITEMS);
    expect(stored.history).toHaveLength(ITEMS.length);
    expect(new Set(stored.history.map((event) => event.itemId))).toEqual(new Set(ITEMS));

    // The report and dry run read every issue's ticks in one scan: the same ticks.
    const all = await loadAllTicks(local.deps.store);
    expect(all.get(epic.id)).toEqual(stored.ticks);

    // The panel shows every item ticked, by whom.
    const panel = await local.app.resolver(
      {
        call: { functionKey: 'getIssueStandards', payload: { issueKey: epic.key } },
        context: { moduleKey: 'pmo-issue-panel' },
      },
      { principal: { accountId: 'sim-team' }, installContext: 'ari:cloud:jira::site/local' },
    );
    const view = panel as Result<IssueStandards>;
    if (!view.ok) throw new Error(view.error.message);
    const gate = view.data.gates.find((candidate) => candidate.ruleId === 'execution-gate');
    expect(gate?.items.filter((item) => item.tick?.by.accountId === 'sim-team')).toHaveLength(ITEMS.length);
    expect(gate?.complete).toBe(true);

    // The validator, which enforces the gate, lets the epic into Execution.
    const transitions = (await (
      await fetch(`${sim.url}/rest/api/3/issue/${epic.key}/transitions`, { headers: adminHeaders() })
    ).json()) as { transitions: { to: { id: string; name: string } }[] };
    const toInProgress = transitions.transitions.find((candidate) => candidate.to.name === 'In Progress');
    if (!toInProgress) throw new Error(`${epic.key} has no transition to In Progress`);
    await expect(
      local.app.validator({
        issue: { id: epic.id, key: epic.key },
        transition: { to: { id: toInProgress.to.id } },
      }),
    ).resolves.toEqual({ result: true });
  });

  it('a tick and an untick racing on the same item leave one consistent outcome in every reader', async () => {
    const results = await Promise.all([
      setItem('item-01', false),
      setItem('item-01', true),
      setItem('item-02', false),
      setItem('item-02', false),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const stored = await readChecklist(local.deps.store, epic.id);
    const all = await loadAllTicks(local.deps.store);
    expect(all.get(epic.id) ?? {}).toEqual(stored.ticks);
    // item-02 unticked (twice asked, once recorded: the second finds it already unticked).
    expect(stored.ticks['execution-gate']?.['item-02']).toBeUndefined();
    expect(stored.history.filter((event) => event.itemId === 'item-02')).toHaveLength(2);
    // item-01's state is the last event recorded for it.
    const last = stored.history.filter((event) => event.itemId === 'item-01').at(-1);
    expect(stored.ticks['execution-gate']?.['item-01'] !== undefined).toBe(last?.ticked);
  });

  it('the JQL mirror ends as the last tick left the issue, even when an earlier tick’s refresh writes last', async () => {
    const other = await openEpicInExecution();
    const tick = (itemId: string) =>
      local.app.resolver(
        {
          call: {
            functionKey: 'setChecklistItem',
            payload: { issueKey: other.key, ruleId: 'execution-gate', itemId, ticked: true },
          },
          context: { moduleKey: 'pmo-issue-panel' },
        },
        { principal: { accountId: 'sim-team' }, installContext: 'ari:cloud:jira::site/local' },
      ) as Promise<Result<IssueStandards>>;
    for (const itemId of ITEMS.slice(0, 18)) expect((await tick(itemId)).ok).toBe(true);

    // The 19th tick's refresh has read the ticks (19 of 20) when it writes the property; hold that
    // write until the 20th tick has been recorded and mirrored, then let the stale write land.
    const [nineteenth, twentieth] = ITEMS.slice(18);
    if (!nineteenth || !twentieth) throw new Error('expected 20 items');
    const app = local.deps.jira.asApp();
    const write = app.setIssueProperty.bind(app);
    const racing: { last?: Promise<Result<IssueStandards>> } = {};
    const held = jest.spyOn(app, 'setIssueProperty').mockImplementation(async (...args) => {
      if (racing.last === undefined) {
        racing.last = tick(twentieth);
        await racing.last;
      }
      return write(...args);
    });
    try {
      expect((await tick(nineteenth)).ok).toBe(true);
      expect((await (racing.last ?? Promise.reject(new Error('the 20th tick never ran')))).ok).toBe(true);
    } finally {
      held.mockRestore();
    }

    const state = await readChecklist(local.deps.store, other.id);
    expect(Object.keys(state.ticks['execution-gate'] ?? {})).toHaveLength(20);
    const property = (await (
      await fetch(`${sim.url}/rest/api/3/issue/${other.key}/properties/pmoCompliance`, {
        headers: adminHeaders(),
      })
    ).json()) as { value: { standards: string[] } };
    expect(property.value.standards).not.toContain('epic-gates');
  });

  /** An open epic other than the first, moved into Execution so that its gate applies now. */
  async function openEpicInExecution(): Promise<{ id: string; key: string }> {
    const response = await fetch(`${sim.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { ...adminHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({
        jql: `issuetype = Epic AND statusCategory != Done AND key != ${epic.key} ORDER BY key ASC`,
        fields: ['status'],
        maxResults: 1,
      }),
    });
    const page = (await response.json()) as {
      issues: { id: string; key: string; fields: { status: { name: string } } }[];
    };
    const other = page.issues[0];
    if (!other) throw new Error('the simulator has no second open epic');
    if (other.fields.status.name !== 'In Progress') {
      const transitions = (await (
        await fetch(`${sim.url}/rest/api/3/issue/${other.key}/transitions`, { headers: adminHeaders() })
      ).json()) as { transitions: { id: string; to: { name: string } }[] };
      const start = transitions.transitions.find((candidate) => candidate.to.name === 'In Progress');
      if (!start) throw new Error(`${other.key} has no transition to In Progress`);
      const moved = await fetch(`${sim.url}/rest/api/3/issue/${other.key}/transitions`, {
        method: 'POST',
        headers: { ...adminHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ transition: { id: start.id } }),
      });
      if (moved.status !== 204) throw new Error(`could not move ${other.key} to In Progress`);
    }
    return { id: other.id, key: other.key };
  }
});
