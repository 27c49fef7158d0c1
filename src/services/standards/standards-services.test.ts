import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import { basicAuthHeader, SIM_USERS } from '../../../dev/jira-sim/users';
import type { LocalApp } from '../../../dev/local/local-app';
import { dataOf, invokeAs } from '../../../test/support/local-resolvers';
import { publishConfig } from '../../../test/support/published-config';
import type { ResolverKey } from '../../contracts/resolver-contract';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { MemoryStore } from '../../storage/memory-store';
import { configVersionKey, LIVE_CONFIG_KEY } from '../settings/live-config';
import { readChecklist } from './checklist-store';
import { COMPLIANCE_PROPERTY_KEY } from './compliance-property';

function invoke<K extends ResolverKey>(local: LocalApp, accountId: string, functionKey: K, payload: unknown) {
  return invokeAs(local, accountId, functionKey, payload, { moduleKey: 'pmo-issue-panel' });
}

const admin = SIM_USERS.find((user) => user.accountId === 'sim-admin');

async function simRequest(sim: JiraSim, method: string, path: string, body?: unknown) {
  if (!admin) throw new Error('no sim-admin');
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: basicAuthHeader(admin), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : ((await response.json()) as unknown);
}

async function firstIssue(sim: JiraSim, jql: string): Promise<{ id: string; key: string }> {
  const page = (await simRequest(sim, 'POST', '/rest/api/3/search/jql', {
    jql,
    fields: ['summary'],
    maxResults: 1,
  })) as {
    issues: { id: string; key: string }[];
  };
  const issue = page.issues[0];
  if (!issue) throw new Error(`no issue for ${jql}`);
  return issue;
}

/** Publishes `config` as the live version, the way a settings save stores it. */
function publish(local: LocalApp, config: PmoConfig, version = 1) {
  return publishConfig(local.deps.store, config, { version });
}

function enforcing(ids: readonly string[]): PmoConfig {
  return {
    ...defaultPmoConfig,
    standards: defaultPmoConfig.standards.map((standard) =>
      ids.includes(standard.id) ? { ...standard, mode: 'enforce' } : standard,
    ),
  };
}

describe('standards on an issue (panel, checklist, validator, trigger) against the simulator', () => {
  let sim: JiraSim;
  let local: LocalApp;
  let teamProject: string;
  let story: { id: string; key: string };

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 42, projects: 6, issuesPerProject: 40 });
    local = wireSimulator(sim.url, { store: new MemoryStore() }).localApp;
    // sim-team browses and edits the first three projects.
    teamProject = sim.dataset.projects
      .slice(0, 3)
      .map((project) => project.key)
      .join(', ');
    // A story about to start, with nothing filled in that the delivery standard asks for.
    story = await firstIssue(
      sim,
      `project in (${teamProject}) AND issuetype = Story AND status = "To Do" ORDER BY key ASC`,
    );
    await simRequest(sim, 'PUT', `/rest/api/3/issue/${story.key}`, {
      fields: { duedate: null, customfield_10016: null, assignee: null },
    });
  });
  afterAll(() => sim.close());

  const storyWithoutDueDate = async () => story;

  async function epicInToDo() {
    return firstIssue(
      sim,
      `project in (${teamProject}) AND issuetype = Epic AND status = "To Do" ORDER BY key ASC`,
    );
  }

  async function transitionEvent(key: string, statusName: string) {
    const { transitions } = (await simRequest(sim, 'GET', `/rest/api/3/issue/${key}/transitions`)) as {
      transitions: { id: string; to: { id: string; name: string } }[];
    };
    const transition = transitions.find((candidate) => candidate.to.name === statusName);
    if (!transition) throw new Error(`${key} has no transition to ${statusName}`);
    const issue = (await simRequest(sim, 'GET', `/rest/api/3/issue/${key}?fields=status`)) as {
      id: string;
      fields: { status: { id: string } };
    };
    return {
      issue: { id: issue.id, key },
      transition: { from: { id: issue.fields.status.id }, to: { id: transition.to.id } },
    };
  }

  async function transitionTo(key: string, statusName: string) {
    return local.app.validator(await transitionEvent(key, statusName));
  }

  /** The move to In Progress is refused naming `itemText` until the team ticks that mandatory item. */
  async function expectGateUntilTicked(issueKey: string, itemText: string, ruleId: string, itemId: string) {
    const blocked = await transitionTo(issueKey, 'In Progress');
    expect(blocked.result).toBe(false);
    expect(blocked.errorMessage).toContain(itemText);
    dataOf(await invoke(local, 'sim-team', 'setChecklistItem', { issueKey, ruleId, itemId, ticked: true }));
    await expect(transitionTo(issueKey, 'In Progress')).resolves.toEqual({ result: true });
  }

  it('lists what a story misses before Execution, with the default (guidance) standards', async () => {
    const story = await storyWithoutDueDate();
    const panel = dataOf(await invoke(local, 'sim-team', 'getIssueStandards', { issueKey: story.key }));
    expect(panel.configVersion).toBe(0);
    expect(panel.applicable.map((standard) => standard.id)).toContain('delivery-readiness');
    expect(panel.stage.current?.id).toBe('planning');
    expect(panel.stage.next?.id).toBe('execution');
    const ahead = panel.nextStageViolations.find((violation) => violation.ruleId === 'dated-and-estimated');
    expect(ahead?.fields.map((field) => field.id)).toContain('duedate');
    expect(ahead?.mode).toBe('warn');
    expect(panel.canTick).toBe(true);
  });

  it('says when the blockers could not be read instead of presenting them as on time (#13.7)', async () => {
    // An issue with an open blocker, as the admin sees it when Jira answers.
    let target: { key: string; blockers: number } | null = null;
    for (const issue of sim.dataset.issues.slice(0, 400)) {
      const answer = await invoke(local, 'sim-admin', 'getIssueStandards', {
        issueKey: issue.key,
      });
      if (answer.ok && answer.data.dependencies.length > 0) {
        target = { key: issue.key, blockers: answer.data.dependencies.length };
        break;
      }
    }
    if (!target) throw new Error('the seeded data has no issue with an open blocker');
    sim.setFaults({
      failNext: [{ status: 503, count: 50, pathPrefix: '/rest/api/3/search/jql', retryAfterSeconds: 0 }],
    });
    try {
      const panel = dataOf(await invoke(local, 'sim-admin', 'getIssueStandards', { issueKey: target.key }));
      expect(panel.dependencies).toHaveLength(target.blockers);
      for (const dependency of panel.dependencies) {
        expect(dependency.detailsUnavailable).toBe(true);
        expect(dependency.late).toBe(false);
        expect(dependency.message).toContain('whether it is late is unknown');
      }
    } finally {
      sim.resetFaults();
    }
  }, 60_000);

  it('does not block transitions while every standard is guidance only', async () => {
    const story = await storyWithoutDueDate();
    await expect(transitionTo(story.key, 'In Progress')).resolves.toEqual({ result: true });
  });

  it('blocks a transition into Execution while enforced fields are missing, and allows it once they are set', async () => {
    await publish(local, enforcing(['delivery-readiness']));
    const story = await storyWithoutDueDate();
    const blocked = await transitionTo(story.key, 'In Progress');
    expect(blocked.result).toBe(false);
    expect(blocked.errorMessage).toContain('Ready for delivery');
    expect(blocked.errorMessage).toContain('Due date');

    await simRequest(sim, 'PUT', `/rest/api/3/issue/${story.key}`, {
      fields: { duedate: '2027-03-01', customfield_10016: 5, assignee: { accountId: 'sim-team' } },
    });
    await expect(transitionTo(story.key, 'In Progress')).resolves.toEqual({ result: true });
  });

  it('records who ticked a gate item and when, keeps unticks in the history, and mirrors compliance to JQL', async () => {
    await publish(local, enforcing(['epic-gates']), 2);
    const epic = await epicInToDo();
    const tick = (itemId: string, ticked: boolean) =>
      invoke(local, 'sim-team', 'setChecklistItem', {
        issueKey: epic.key,
        ruleId: 'execution-gate',
        itemId,
        ticked,
      });
    dataOf(await tick('scope-agreed', true));
    dataOf(await tick('estimate-reviewed', true));
    const after = dataOf(await tick('scope-agreed', false));
    const gate = after.gates.find((candidate) => candidate.ruleId === 'execution-gate');
    expect(gate?.items.find((item) => item.id === 'estimate-reviewed')?.tick?.by.displayName).toBe(
      'Tom Team',
    );
    expect(gate?.items.find((item) => item.id === 'scope-agreed')?.tick).toBeNull();
    expect(gate?.complete).toBe(false);
    expect(after.history.map((event) => [event.itemId, event.ticked])).toEqual([
      ['scope-agreed', false],
      ['estimate-reviewed', true],
      ['scope-agreed', true],
    ]);
    const property = (await simRequest(
      sim,
      'GET',
      `/rest/api/3/issue/${epic.key}/properties/${COMPLIANCE_PROPERTY_KEY}`,
    )) as { value: { configVersion: number } };
    expect(property.value.configVersion).toBe(2);
  });

  it('refuses a tick from a user without Edit issues permission, and changes nothing', async () => {
    const epic = await epicInToDo();
    const before = await readChecklist(local.deps.store, epic.id);
    const result = await invoke(local, 'sim-pmo', 'setChecklistItem', {
      issueKey: epic.key,
      ruleId: 'execution-gate',
      itemId: 'estimate-reviewed',
      ticked: false,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    expect(await readChecklist(local.deps.store, epic.id)).toEqual(before);
    const view = dataOf(await invoke(local, 'sim-pmo', 'getIssueStandards', { issueKey: epic.key }));
    expect(view.canTick).toBe(false);
  });

  it('refuses a checklist item that does not exist', async () => {
    const epic = await epicInToDo();
    const result = await invoke(local, 'sim-team', 'setChecklistItem', {
      issueKey: epic.key,
      ruleId: 'execution-gate',
      itemId: 'no-such-item',
      ticked: true,
    });
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });

  it('blocks the epic at its gate until the mandatory items are ticked', async () => {
    const epic = await epicInToDo();
    await expectGateUntilTicked(epic.key, 'Scope agreed with the sponsor', 'execution-gate', 'scope-agreed');
  });

  it('reports statuses and fields that no longer exist and stages that are missing, without failing', async () => {
    const config = enforcing(['epic-gates']);
    const broken: PmoConfig = {
      ...config,
      standards: [
        ...config.standards,
        {
          id: 'benefits',
          name: 'Benefits tracked',
          description: '',
          mode: 'warn',
          scope: {},
          onError: 'open',
          rules: [
            {
              id: 'owner',
              kind: 'requiredFields',
              fields: [{ kind: 'field', id: 'customfield_99999', name: 'Benefit owner' }],
              when: {},
            },
          ],
        },
      ],
      lifecycle: {
        stages: config.lifecycle.stages
          .filter((stage) => stage.id !== 'closure')
          .map((stage) =>
            stage.id === 'execution' ? { ...stage, statuses: [...stage.statuses, 'Doing'] } : stage,
          ),
      },
    };
    await publish(local, broken, 3);
    const epic = await epicInToDo();
    const panel = dataOf(await invoke(local, 'sim-team', 'getIssueStandards', { issueKey: epic.key }));
    const messages = panel.problems.map((problem) => problem.message).join('\n');
    expect(messages).toContain('"Doing"');
    expect(messages).toContain('"closure"');
    expect(messages).toContain('“Benefits tracked” needs the field Benefit owner (customfield_99999)');
  });

  it('answers CONFIG_UNREADABLE for damaged settings, and the validator fails open and records it', async () => {
    await local.deps.store.set(configVersionKey(4), { version: 4, config: { standards: 'not a list' } });
    await local.deps.store.set(LIVE_CONFIG_KEY, { version: 4 });
    const story = await storyWithoutDueDate();
    const panel = await invoke(local, 'sim-team', 'getIssueStandards', { issueKey: story.key });
    expect(panel.ok ? null : panel.error.code).toBe('CONFIG_UNREADABLE');
    await expect(transitionTo(story.key, 'In Progress')).resolves.toEqual({ result: true });
    const logged = await local.deps.store.query('validator:fail-open:');
    expect(logged.results.some((entry) => JSON.stringify(entry.value).includes(story.key))).toBe(true);
  });

  it('a failing Jira lets the transition through unless the standard says to fail closed', async () => {
    const closed = enforcing(['delivery-readiness']);
    closed.standards = closed.standards.map((standard) =>
      standard.id === 'delivery-readiness' ? { ...standard, onError: 'closed' } : standard,
    );
    const story = await storyWithoutDueDate();
    const event = await transitionEvent(story.key, 'In Progress');
    await publish(local, enforcing(['delivery-readiness']), 5);
    sim.setFaults({ failNext: [{ status: 403, count: 20 }] });
    try {
      await expect(local.app.validator(event)).resolves.toEqual({ result: true });
    } finally {
      sim.resetFaults();
    }
    await publish(local, closed, 6);
    sim.setFaults({ failNext: [{ status: 403, count: 20 }] });
    try {
      const verdict = await local.app.validator(event);
      expect(verdict.result).toBe(false);
      expect(verdict.errorMessage).toContain('could not check');
    } finally {
      sim.resetFaults();
    }
  });

  it('a rule and an item called constructor: the panel answers, and the enforced gate blocks until ticked', async () => {
    const config = enforcing(['epic-gates']);
    config.standards = config.standards.map((standard) =>
      standard.id !== 'epic-gates'
        ? standard
        : {
            ...standard,
            rules: [
              {
                id: 'constructor',
                kind: 'gateChecklist',
                stage: 'execution',
                items: [{ id: 'constructor', text: 'Sponsor named', mandatory: true }],
              },
            ],
          },
    );
    await publish(local, config, 7);
    const epic = await firstIssue(
      sim,
      `project in (${teamProject}) AND issuetype = Epic AND status = "To Do" ORDER BY key DESC`,
    );
    const panel = dataOf(await invoke(local, 'sim-team', 'getIssueStandards', { issueKey: epic.key }));
    const gate = panel.gates.find((candidate) => candidate.ruleId === 'constructor');
    expect(gate?.items).toEqual([
      {
        id: 'constructor',
        text: 'Sponsor named',
        mandatory: true,
        tick: null,
        tickableBy: 'anyone who can edit the issue',
        namesWhoMayTick: false,
        tickable: true,
        notTickableReason: null,
      },
    ]);
    await expectGateUntilTicked(epic.key, 'Sponsor named', 'constructor', 'constructor');
  });
});
