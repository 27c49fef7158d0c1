import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { dataAs, invokeAs, refusalOf } from '../../../test/support/local-resolvers';
import { dumpStore } from '../../../test/support/store-dump';
import type { ResolverInput, ResolverKey } from '../../contracts/resolver-contract';
import { defaultPmoConfig } from '../../domain/config/schema';
import { clearSettingsEditorCache } from '../settings/authorize';
import { findLiveVersion } from '../settings/live-config';
import { clearLeadActivityCache } from './write-rights';

/**
 * Status updates through the resolvers, as Forge calls them, on the simulator: who may write (the
 * lead, project admins, a group, the fallback when the lead has left), autosaved drafts with the
 * revision check and both texts kept on a conflict, immutable published versions and corrections,
 * and the board.
 */

let sim: JiraSim;
let local: LocalApp;
/** ATLAS-like keys: [0] led by the team member, [1] led by someone who left, [3] a project the team member cannot browse. */
let keys: string[];
/** Projects led by the person who left (the second project's lead leads some others too). */
let ledByLeaver: Set<string>;

/** Every call here comes from a test page on a site of its own. */
const STATUS_CALL = { moduleKey: 'pmo-status-test', installation: 'ari:cloud:jira::site/status' };

/** What the resolver refuses with; an answer with data fails the test. */
async function refusal<K extends ResolverKey>(accountId: string, key: K, payload: unknown) {
  return refusalOf(await invokeAs(local, accountId, key, payload, STATUS_CALL));
}

function ok<K extends ResolverKey>(accountId: string, key: K, payload: ResolverInput<K>) {
  return dataAs(local, accountId, key, payload, STATUS_CALL);
}

const PORTFOLIO = 'p:delivery';

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 7, projects: 5, issuesPerProject: 14 });
  const [first, second, third] = sim.dataset.projects;
  if (!first || !second || !third) throw new Error('the simulator has too few projects');
  first.leadAccountId = 'sim-team';
  third.leadAccountId = 'sim-pmo';
  // The second project's lead has left: Jira still names the account, as inactive.
  const leaver = sim.dataset.people.find((person) => person.accountId === second.leadAccountId);
  if (!leaver || second.leadAccountId === first.leadAccountId) throw new Error('no lead to deactivate');
  leaver.active = false;
  keys = sim.dataset.projects.map((project) => project.key);
  ledByLeaver = new Set(
    sim.dataset.projects
      .filter((project) => project.leadAccountId === leaver.accountId)
      .map((project) => project.key),
  );
  local = wireSimulator(sim.url).localApp;
  const config = structuredClone(defaultPmoConfig);
  config.access.pmoGroupName = 'pmo-office';
  config.portfolios = [
    {
      id: 'delivery',
      name: 'Delivery',
      ownerAccountId: null,
      scope: { kind: 'projects', projectKeys: keys },
      status: {
        cadence: 'weekly',
        dueWeekday: 5,
        writers: { projectLead: true, projectAdmins: false, groupName: null },
      },
    },
  ];
  const live = await findLiveVersion(local.deps);
  await ok('sim-admin', 'saveSettings', { baseVersion: live.version, config, comment: 'status updates' });
}, 60_000);

afterAll(() => sim.close());
beforeEach(() => {
  clearSettingsEditorCache();
  clearLeadActivityCache();
});

describe('who may write a status update', () => {
  it('lets the lead write, the PMO group write for a lead who left, and refuses the rest as the user', async () => {
    const board = await ok('sim-pmo', 'getStatusBoard', { portfolioId: PORTFOLIO });
    const canWrite = Object.fromEntries(board.rows.map((row) => [row.projectKey, row.canWrite]));
    // Project admins are not writers in this portfolio: the PMO lead writes the project they lead,
    // and, as the PMO group, the projects whose lead left (the fallback).
    expect(ledByLeaver.has(keys[1] as string)).toBe(true);
    expect(canWrite).toEqual(
      Object.fromEntries(keys.map((key) => [key, ledByLeaver.has(key) || key === keys[2]])),
    );
    const teamBoard = await ok('sim-team', 'getStatusBoard', { portfolioId: PORTFOLIO });
    expect(teamBoard.rows.map((row) => row.projectKey)).toEqual(keys.slice(0, 3));
    expect(teamBoard.rows.filter((row) => row.canWrite).map((row) => row.projectKey)).toEqual([keys[0]]);

    const view = await ok('sim-team', 'getStatusUpdate', {
      portfolioId: PORTFOLIO,
      projectKey: keys[2] ?? '',
    });
    expect(view.canWrite).toBe(false);
    expect(view.writeRefusal).toBe(`Only the lead of ${keys[2]} can write this status update.`);
    const before = await dumpStore(local.deps.store);
    const refused = await refusal('sim-team', 'saveStatusDraft', {
      portfolioId: PORTFOLIO,
      projectKey: keys[2],
      periodId: view.period.id,
      baseRevision: 0,
      status: 'on-track',
      commentary: 'Not mine to write',
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(await dumpStore(local.deps.store)).toEqual(before);
    // A project the viewer cannot browse does not exist for them.
    const hidden = await refusal('sim-team', 'getStatusUpdate', {
      portfolioId: PORTFOLIO,
      projectKey: keys[3],
    });
    expect(hidden.code).toBe('NOT_FOUND');
  });
});

describe('drafts, conflicts and publishing', () => {
  it('keeps both texts when two people save the same draft, and publishes immutable versions', async () => {
    const projectKey = keys[1] as string;
    const view = await ok('sim-pmo', 'getStatusUpdate', { portfolioId: PORTFOLIO, projectKey });
    expect(view.draft).toBeNull();
    expect(view.state).not.toBe('published');
    const target = { portfolioId: PORTFOLIO, projectKey, periodId: view.period.id };
    const first = await ok('sim-pmo', 'saveStatusDraft', {
      ...target,
      baseRevision: 0,
      status: 'at-risk',
      commentary: 'First words',
    });
    expect(first).toMatchObject({ outcome: 'saved', draft: { revision: 1, savedByName: 'Pat PMO Lead' } });
    const second = await ok('sim-pmo', 'saveStatusDraft', {
      ...target,
      baseRevision: 1,
      status: 'at-risk',
      commentary: 'First words, then more',
    });
    expect(second).toMatchObject({ outcome: 'saved', draft: { revision: 2 } });
    // A second writer whose page still shows revision 1: their text is answered back next to the newer one.
    const stale = await ok('sim-admin', 'saveStatusDraft', {
      ...target,
      baseRevision: 1,
      status: 'off-track',
      commentary: 'Written at the same time',
    });
    expect(stale).toEqual({
      outcome: 'conflict',
      latest: expect.objectContaining({ revision: 2, commentary: 'First words, then more' }),
      yours: { status: 'off-track', commentary: 'Written at the same time' },
    });
    const stored = JSON.stringify(await dumpStore(local.deps.store));
    expect(stored).toContain('Written at the same time');
    expect((await ok('sim-pmo', 'getStatusUpdate', target)).draft?.commentary).toBe('First words, then more');

    const published = await ok('sim-pmo', 'publishStatusUpdate', {
      ...target,
      expectedVersion: 0,
      status: 'on-track',
      commentary: 'Shipped <b>on time</b>\u202E',
    });
    expect(published).toMatchObject({ version: 1, status: 'on-track', commentary: 'Shipped <b>on time</b>' });
    // Publishing over a version one has not seen is a conflict, not a silent overwrite.
    const raced = await refusal('sim-admin', 'publishStatusUpdate', {
      ...target,
      expectedVersion: 0,
      status: 'at-risk',
      commentary: 'Mine',
    });
    expect(raced.code).toBe('CONFLICT');
    const correction = await ok('sim-pmo', 'publishStatusUpdate', {
      ...target,
      expectedVersion: 1,
      status: 'at-risk',
      commentary: 'Correction: one milestone slips',
    });
    expect(correction.version).toBe(2);
    const after = await ok('sim-pmo', 'getStatusUpdate', target);
    expect(after.state).toBe('published');
    expect(after.published.map((version) => [version.version, version.commentary])).toEqual([
      [2, 'Correction: one milestone slips'],
      [1, 'Shipped <b>on time</b>'],
    ]);
    expect(after.published[1]).toMatchObject({ publishedByName: 'Pat PMO Lead' });

    const board = await ok('sim-admin', 'getStatusBoard', { portfolioId: PORTFOLIO });
    const row = board.rows.find((candidate) => candidate.projectKey === projectKey);
    expect(row).toMatchObject({ state: 'published', published: { version: 2, status: 'at-risk' } });
    expect(row?.disagreementText).toBe(row?.computedRag === 'red' ? 'says at risk, data says red' : null);
  });

  it('refuses commentary over the limit and a period that is not open for writing, storing nothing', async () => {
    const projectKey = keys[0] as string;
    const view = await ok('sim-team', 'getStatusUpdate', { portfolioId: PORTFOLIO, projectKey });
    const before = await dumpStore(local.deps.store);
    const long = await refusal('sim-team', 'saveStatusDraft', {
      portfolioId: PORTFOLIO,
      projectKey,
      periodId: view.period.id,
      baseRevision: 0,
      status: null,
      commentary: 'x'.repeat(view.limits.maxCommentaryLength + 1),
    });
    expect(long).toMatchObject({ code: 'BAD_REQUEST' });
    expect(long.message).toContain('at most 2,000 characters');
    const old = await refusal('sim-team', 'saveStatusDraft', {
      portfolioId: PORTFOLIO,
      projectKey,
      periodId: '2020-01-06',
      baseRevision: 0,
      status: null,
      commentary: 'Too late',
    });
    expect(old.code).toBe('BAD_REQUEST');
    expect(await dumpStore(local.deps.store)).toEqual(before);
  });

  it('drafts the update from the stored data without reading Jira beyond the permission checks', async () => {
    const projectKey = keys[0] as string;
    await ok('sim-team', 'getStatusUpdate', { portfolioId: PORTFOLIO, projectKey });
    sim.resetStats();
    const view = await ok('sim-team', 'getStatusUpdate', { portfolioId: PORTFOLIO, projectKey });
    // Only the writer check as the user (permission, groups): no issue is read to draft the update.
    expect(Object.keys(sim.stats().byRoute).filter((route) => !/mypermissions|myself$/.test(route))).toEqual(
      [],
    );
    expect(view.facts.health.computedRag).toBe(view.project.computedRag);
    expect(view.facts.suggested).toMatch(/on-track|at-risk|off-track/);
  });
});
