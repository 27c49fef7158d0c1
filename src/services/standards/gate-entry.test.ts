import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import { basicAuthHeader, simUser } from '../../../dev/jira-sim/users';
import type { LocalApp } from '../../../dev/local/local-app';
import { publishConfig } from '../../../test/support/published-config';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { MemoryStore } from '../../storage/memory-store';

/**
 * Issue #14.5: an enforced gate blocked moves inside a stage already reached (an epic already In
 * Progress could not move to In Review or Blocked). A gate guards entering its stage only.
 */

let sim: JiraSim;
let local: LocalApp;

async function simRequest(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: basicAuthHeader(simUser('admin')), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

async function epicIn(status: string): Promise<string> {
  const page = (await simRequest('POST', '/rest/api/3/search/jql', {
    jql: `issuetype = Epic AND status = "${status}" ORDER BY key ASC`,
    fields: ['summary'],
    maxResults: 1,
  })) as { issues: { key: string }[] };
  const key = page.issues[0]?.key;
  if (!key) throw new Error(`no epic in ${status}`);
  return key;
}

/** The validator's answer for moving `key` to `statusName` (the event Jira sends). */
async function validatorFor(key: string, statusName: string) {
  const { transitions } = (await simRequest('GET', `/rest/api/3/issue/${key}/transitions`)) as {
    transitions: { to: { id: string; name: string } }[];
  };
  const transition = transitions.find((candidate) => candidate.to.name === statusName);
  if (!transition) throw new Error(`${key} has no transition to ${statusName}`);
  const issue = (await simRequest('GET', `/rest/api/3/issue/${key}?fields=status`)) as {
    id: string;
    fields: { status: { id: string } };
  };
  return local.app.validator({
    issue: { id: issue.id, key },
    transition: { from: { id: issue.fields.status.id }, to: { id: transition.to.id } },
  });
}

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 42, projects: 6, issuesPerProject: 40 });
  local = wireSimulator(sim.url, { store: new MemoryStore() }).localApp;
  const config: PmoConfig = {
    ...defaultPmoConfig,
    standards: defaultPmoConfig.standards.map((standard) =>
      standard.id === 'epic-gates' ? { ...standard, mode: 'enforce' } : standard,
    ),
  };
  await publishConfig(local.deps.store, config, { comment: 'enforce the gates' });
});
afterAll(() => sim.close());

describe('an enforced gate guards entering its stage, not moves within it or back (#14.5)', () => {
  it('an epic already In Progress with the Execution gate unticked moves to In Review, Blocked and back to To Do', async () => {
    const epic = await epicIn('In Progress');
    for (const target of ['In Review', 'Blocked', 'To Do']) {
      await expect(validatorFor(epic, target)).resolves.toEqual({ result: true });
    }
  });

  it('an epic in To Do is still held at the Execution gate', async () => {
    const epic = await epicIn('To Do');
    const answer = await validatorFor(epic, 'In Progress');
    expect(answer.result).toBe(false);
    expect(answer.errorMessage).toContain('Execution gate');
  });
});
