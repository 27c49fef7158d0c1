import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { portfolioReportAs } from '../../../test/support/local-resolvers';
import { MemoryStore } from '../../storage/memory-store';
import type { Actor } from '../deps';
import { clearSettingsEditorCache } from '../settings/authorize';
import { getSettings } from '../settings/get-settings';
import { listAuditLog } from '../settings/list-audit-log';
import { listConfigVersions } from '../settings/list-config-versions';
import { setProjectOverride } from '../settings/set-project-override';
import { clearUserNameCache, UNKNOWN_USER, USER_NAME_TTL_MS, userNames } from './user-names';

/**
 * Issue #14.3: people appeared as account ids (risk owners on screen and in CSV, "published by",
 * versions, the audit log, override "set by"). Names come from Jira's /user/bulk, batched, cached per
 * site for at most 10 minutes; ids stay what is stored.
 */

jest.setTimeout(60_000);

const SITE = 'ari:cloud:jira::site/local';
const OTHER_SITE = 'ari:cloud:jira::site/other';
const admin: Actor = { accountId: 'sim-admin', installation: SITE };

let sim: JiraSim;
let local: LocalApp;
const clock = { now: new Date('2026-03-02T10:00:00.000Z') };

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 9, projects: 6, issuesPerProject: 40, now: clock.now });
  local = wireSimulator(sim.url, { store: new MemoryStore(), now: () => clock.now }).localApp;
});
afterAll(() => sim.close());
beforeEach(() => {
  clearUserNameCache();
  clearSettingsEditorCache();
});

const bulkRequests = () => sim.stats().byRoute['GET /rest/api/3/user/bulk'] ?? 0;

describe('display names of account ids (#14.3)', () => {
  it('are asked in batches, cached per site for at most 10 minutes, and unknown ids read as "Unknown user"', async () => {
    const people = sim.dataset.people;
    const unknown = Array.from({ length: 40 }, (_, index) => `no-such-account-${index}`);
    const ids = [...people.map((person) => person.accountId), ...unknown];
    expect(ids.length).toBeGreaterThan(50);
    sim.resetStats();
    const names = await userNames(local.deps, SITE, ids);
    expect(bulkRequests()).toBe(2);
    for (const person of people) expect(names.get(person.accountId)).toBe(person.displayName);
    expect(unknown.some((id) => names.has(id))).toBe(false);

    await userNames(local.deps, SITE, ids);
    expect(bulkRequests()).toBe(2);
    await userNames(local.deps, OTHER_SITE, ids.slice(0, 3));
    expect(bulkRequests()).toBe(3);
    clock.now = new Date(clock.now.getTime() + USER_NAME_TTL_MS);
    await userNames(local.deps, SITE, ids.slice(0, 3));
    expect(bulkRequests()).toBe(4);
  });

  it('name every risk and RAID owner in the portfolio report; owners stay ids', async () => {
    const report = await portfolioReportAs(local, 'sim-pmo');
    const people = new Map(sim.dataset.people.map((person) => [person.accountId, person.displayName]));
    const owned = [
      ...report.risks,
      ...report.raid.assumptions,
      ...report.raid.decisions,
      ...report.raid.issues,
    ].filter((entry) => entry.owner !== null);
    expect(owned.length).toBeGreaterThan(0);
    for (const entry of owned) {
      expect(entry.ownerName).toBe(people.get(entry.owner ?? '') ?? UNKNOWN_USER);
      expect(entry.ownerName).not.toBe(entry.owner);
    }
  });

  it('name who published, who saved each version, who is in the audit log and who set an override', async () => {
    const key = sim.dataset.projects[0]?.key ?? '';
    await setProjectOverride(local.deps, admin, {
      projectKey: key,
      override: {
        rag: 'red',
        reason: 'Vendor late',
        expiresAt: new Date(clock.now.getTime() + 7 * 86_400_000).toISOString(),
      },
      baseVersion: 0,
    });
    const settings = await getSettings(local.deps, admin);
    expect(settings.live.authorName).toBe('Ada Admin');
    expect(settings.names).toEqual({ 'sim-admin': 'Ada Admin' });
    const versions = await listConfigVersions(local.deps, admin, { limit: 20 });
    expect(versions.versions[0]).toMatchObject({ author: 'sim-admin', authorName: 'Ada Admin' });
    const audit = await listAuditLog(local.deps, admin, { limit: 20 });
    expect(audit.entries[0]).toMatchObject({ actor: 'sim-admin', actorName: 'Ada Admin' });
  });
});
