import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import { basicAuthHeader, SIM_USERS } from '../../../dev/jira-sim/users';
import type { LocalApp } from '../../../dev/local/local-app';
import { dataOf, invokeAs } from '../../../test/support/local-resolvers';
import { publishConfig } from '../../../test/support/published-config';
import type { ResolverKey } from '../../contracts/resolver-contract';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import type { ChecklistItem } from '../../domain/standards/schema';
import { MemoryStore } from '../../storage/memory-store';
import { clearSettingsEditorCache } from '../settings/authorize';
import { readChecklist } from './checklist-store';

function invoke<K extends ResolverKey>(local: LocalApp, accountId: string, functionKey: K, payload: unknown) {
  return invokeAs(local, accountId, functionKey, payload, { moduleKey: 'pmo-issue-panel' });
}

/** The default epic gates, with an audience on each Execution item; the PMO group is `pmo-office`. */
function gatedConfig(): PmoConfig {
  const audiences: Record<string, ChecklistItem['tickableBy']> = {
    'scope-agreed': { kind: 'pmo' },
    'estimate-reviewed': { kind: 'projectRole', role: 'developers' },
    'risks-logged': { kind: 'group', group: 'PMO-Office' },
    'lessons-learned': { kind: 'projectRole', role: 'Sponsors' },
  };
  return {
    ...structuredClone(defaultPmoConfig),
    access: { pmoGroupName: 'pmo-office' },
    standards: defaultPmoConfig.standards.map((standard) => ({
      ...standard,
      rules: standard.rules.map((rule) =>
        rule.kind === 'gateChecklist'
          ? {
              ...rule,
              items: rule.items.map((item) => {
                const tickableBy = audiences[item.id];
                return tickableBy ? { ...item, tickableBy } : item;
              }),
            }
          : rule,
      ),
    })),
  };
}

describe('who may tick a gate item (#14.17)', () => {
  let sim: JiraSim;
  let local: LocalApp;
  let epic: { id: string; key: string };
  let outsideEpic: { id: string; key: string };

  const tick = (accountId: string, issueKey: string, itemId: string, ticked = true) =>
    invoke(local, accountId, 'setChecklistItem', {
      issueKey,
      ruleId: 'execution-gate',
      itemId,
      ticked,
    });

  async function itemsAs(accountId: string, issueKey: string) {
    const panel = dataOf(await invoke(local, accountId, 'getIssueStandards', { issueKey }));
    const gate = panel.gates.find((candidate) => candidate.ruleId === 'execution-gate');
    return Object.fromEntries(
      (gate?.items ?? []).map((item) => [
        item.id,
        { tickable: item.tickable, reason: item.notTickableReason },
      ]),
    );
  }

  async function epicIn(projects: string): Promise<{ id: string; key: string }> {
    const admin = SIM_USERS.find((user) => user.accountId === 'sim-admin');
    if (!admin) throw new Error('no sim-admin');
    const response = await fetch(`${sim.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { authorization: basicAuthHeader(admin), 'content-type': 'application/json' },
      body: JSON.stringify({
        jql: `project in (${projects}) AND issuetype = Epic AND status = "To Do" ORDER BY key ASC`,
        fields: ['summary'],
        maxResults: 1,
      }),
    });
    const [issue] = ((await response.json()) as { issues: { id: string; key: string }[] }).issues;
    if (!issue) throw new Error(`no epic in ${projects}`);
    return issue;
  }

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 42, projects: 6, issuesPerProject: 40 });
    local = wireSimulator(sim.url, { store: new MemoryStore() }).localApp;
    const keys = sim.dataset.projects.map((project) => project.key);
    // sim-team edits the first three projects and is a Developer there; not in the others.
    epic = await epicIn(keys.slice(0, 3).join(', '));
    outsideEpic = await epicIn(keys.slice(3).join(', '));
    await publishConfig(local.deps.store, gatedConfig(), { comment: 'gate items name who may tick them' });
    clearSettingsEditorCache();
  });
  afterAll(() => sim.close());

  it('shows each viewer which items they may tick, and why not', async () => {
    expect(await itemsAs('sim-team', epic.key)).toEqual({
      'scope-agreed': {
        tickable: false,
        reason: 'Only the PMO (Jira administrators and members of "pmo-office") can tick this item.',
      },
      'estimate-reviewed': { tickable: true, reason: null },
      'risks-logged': {
        tickable: false,
        reason: 'Only members of the Jira group "PMO-Office" can tick this item; you are not one.',
      },
    });
    // The PMO lead cannot edit issues, yet is the PMO and in the group; not a Developer.
    expect(await itemsAs('sim-pmo', epic.key)).toEqual({
      'scope-agreed': { tickable: true, reason: null },
      'estimate-reviewed': {
        tickable: false,
        reason: `Only people in the project role "developers" of ${epic.key.split('-')[0]} can tick this item; you are not in it.`,
      },
      'risks-logged': { tickable: true, reason: null },
    });
    // Roles are per project: sim-team is no Developer where it does not work.
    const outside = await itemsAs('sim-admin', outsideEpic.key);
    expect(outside['estimate-reviewed']?.tickable).toBe(false);
    expect(outside['scope-agreed']?.tickable).toBe(true);
  });

  it('says an item naming a project role the site does not have can be ticked by no one', async () => {
    const panel = dataOf(await invoke(local, 'sim-admin', 'getIssueStandards', { issueKey: epic.key }));
    const item = panel.gates
      .flatMap((gate) => gate.items)
      .find((candidate) => candidate.id === 'lessons-learned');
    expect(item).toMatchObject({
      tickable: false,
      namesWhoMayTick: true,
      notTickableReason:
        'No one can tick this item: the project role "Sponsors" does not exist on this site; a PMO settings editor must change the gate.',
    });
  });

  it('refuses a tick from someone the item does not name, with the reason, and stores nothing', async () => {
    const before = await readChecklist(local.deps.store, epic.id);
    const refused = await tick('sim-team', epic.key, 'scope-agreed');
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Only the PMO (Jira administrators and members of "pmo-office") can tick this item.',
      },
    });
    expect((await tick('sim-pmo', epic.key, 'estimate-reviewed')).ok).toBe(false);
    expect((await tick('sim-outsider', epic.key, 'scope-agreed')).ok).toBe(false);
    expect(await readChecklist(local.deps.store, epic.id)).toEqual(before);
  });

  it('lets the PMO lead tick PMO items and the Developer theirs, each audited with who and when', async () => {
    const byPmo = dataOf(await tick('sim-pmo', epic.key, 'scope-agreed'));
    const byTeam = dataOf(await tick('sim-team', epic.key, 'estimate-reviewed'));
    const gate = byTeam.gates.find((candidate) => candidate.ruleId === 'execution-gate');
    expect(gate?.items.find((item) => item.id === 'scope-agreed')?.tick?.by.accountId).toBe('sim-pmo');
    expect(gate?.items.find((item) => item.id === 'estimate-reviewed')?.tick?.by.accountId).toBe('sim-team');
    expect(byPmo.history.map((entry) => [entry.itemId, entry.by.accountId, entry.ticked])).toEqual([
      ['scope-agreed', 'sim-pmo', true],
    ]);
    // Newest first.
    expect(
      byTeam.history.map((entry) => ({
        item: entry.itemText,
        by: entry.by.displayName,
        at: typeof entry.at,
      })),
    ).toEqual([
      { item: 'Estimate reviewed by the team', by: 'Tom Team', at: 'string' },
      { item: 'Scope agreed with the sponsor', by: 'Pat PMO Lead', at: 'string' },
    ]);
    // Unticking is held to the same rule.
    expect((await tick('sim-team', epic.key, 'scope-agreed', false)).ok).toBe(false);
  });
});
