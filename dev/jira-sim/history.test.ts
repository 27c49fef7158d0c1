import { generateDataset, statusCategoryOf } from './generator';
import { createSimMutations } from './mutations';
import { type ChangeEntry, SimState } from './state';
import { arr, call, obj, startSim, TEST_NOW } from './test/helpers';
import { dateToMs } from './time';

function siteOf(seed = 5) {
  return new SimState(generateDataset({ seed, projects: 6, issuesPerProject: 60, now: TEST_NOW }), {
    frozenClock: true,
  });
}

const itemsOf = (log: ChangeEntry[], fieldId: string) =>
  log.flatMap((entry) =>
    entry.items.filter((item) => item.fieldId === fieldId).map((item) => ({ at: entry.created, ...item })),
  );

describe('the generated past (changelogs)', () => {
  const state = siteOf();
  const now = TEST_NOW.getTime();

  it('chains every status, resolution and due date change from the issue as created to the issue now', () => {
    for (const issue of state.dataset.issues) {
      const log = state.changelog(issue.id);
      for (const entry of log) {
        expect(entry.created).toBeGreaterThanOrEqual(issue.created);
        expect(entry.created).toBeLessThanOrEqual(now);
        // A link comes when both ends exist, which may be after one of them was last edited.
        if (entry.items[0]?.fieldId !== 'issuelinks')
          expect(entry.created).toBeLessThanOrEqual(issue.updated);
      }
      expect(log.map((entry) => entry.created)).toEqual(
        [...log.map((entry) => entry.created)].sort((a, b) => a - b),
      );
      for (const [fieldId, current] of [
        ['status', issue.statusId],
        ['resolution', issue.resolutionId],
        ['duedate', issue.duedate],
      ] as const) {
        const items = itemsOf(log, fieldId);
        items.forEach((item, n) => {
          if (n > 0) expect(item.from).toBe(items[n - 1]?.to);
        });
        if (items.length > 0) expect(items.at(-1)?.to ?? null).toBe(current);
      }
      // Status names and categories are the site's; the resolution was set when the issue went done.
      for (const item of itemsOf(log, 'status')) {
        expect(state.status(item.to as string).name).toBe(item.toString);
      }
      const resolutions = itemsOf(log, 'resolution');
      if (issue.resolved !== null && resolutions.length > 0) {
        expect(resolutions.at(-1)?.at).toBe(issue.resolved);
        const statusAtResolution = itemsOf(log, 'status').find((item) => item.at === issue.resolved);
        expect(statusCategoryOf(statusAtResolution?.to as string)).toBe('done');
      }
    }
  });

  it('replays links: adding and removing them from none at creation gives the issue links of now', () => {
    let removed = 0;
    for (const issue of state.dataset.issues) {
      const links = new Set<string>();
      for (const item of itemsOf(state.changelog(issue.id), 'issuelinks')) {
        if (item.fromString !== null) {
          expect(links.delete(item.fromString)).toBe(true);
          removed++;
        }
        if (item.toString !== null) links.add(item.toString);
      }
      const now = (state.linksByIssue.get(issue.id) ?? []).map((link) => {
        const type = state.linkTypes.get(link.typeId);
        const outward = link.from === issue.id;
        const other = state.issueById.get(outward ? link.to : link.from);
        return `This issue ${outward ? type?.outward : type?.inward} ${other?.key}`;
      });
      expect([...links].sort()).toEqual(now.sort());
    }
    expect(removed).toBeGreaterThan(0);
  });

  it('tells the site as it was: the first status of each issue, and nothing created later', () => {
    const day = now - 30 * 86_400_000;
    const past = state.history.stateAt(day);
    expect(past.length).toBeLessThan(state.dataset.issues.length);
    for (const issue of past) {
      const current = state.issueById.get(issue.id);
      expect(current?.created).toBeLessThanOrEqual(day);
      if (issue.resolved !== null) expect(issue.resolved).toBeLessThanOrEqual(day);
      if (issue.resolutionId !== null) expect(statusCategoryOf(issue.statusId)).toBe('done');
    }
    // Some issues are not yet done, or were due on another date, 30 days ago.
    expect(past.some((issue) => issue.statusId !== state.issueById.get(issue.id)?.statusId)).toBe(true);
    expect(past.some((issue) => issue.duedate !== state.issueById.get(issue.id)?.duedate)).toBe(true);
  });

  it('is the same for the same seed, and changes no generated value', () => {
    const again = siteOf();
    const sample = state.dataset.issues.slice(0, 50);
    expect(sample.map((issue) => again.changelog(issue.id))).toEqual(
      sample.map((i) => state.changelog(i.id)),
    );
    expect(again.dataset).toEqual(
      generateDataset({ seed: 5, projects: 6, issuesPerProject: 60, now: TEST_NOW }),
    );
  });

  it('records changes made through the mutation hooks, after the generated past', () => {
    const site = siteOf(9);
    const mutate = createSimMutations(site);
    const [a, b] = site.dataset.issues.filter((issue) => statusCategoryOf(issue.statusId) !== 'done');
    if (!a || !b) throw new Error('no open issues');
    mutate.editIssue(a.key, { duedate: '2026-04-01', statusId: '10001' });
    mutate.linkIssues(a.key, b.key);
    mutate.unlinkIssues(a.key, b.key);
    const log = site.changelog(a.id);
    const last = log.slice(-3);
    expect(last[0]?.items.map((item) => [item.fieldId, item.to])).toEqual([
      ['duedate', '2026-04-01'],
      ['status', '10001'],
      ['resolution', '10000'],
    ]);
    expect(last[1]?.items[0]).toMatchObject({
      fieldId: 'issuelinks',
      to: b.key,
      toString: `This issue blocks ${b.key}`,
    });
    expect(last[2]?.items[0]).toMatchObject({ fieldId: 'issuelinks', from: b.key, to: null });
    expect(site.changelog(b.id).at(-1)?.items[0]).toMatchObject({
      fromString: `This issue is blocked by ${a.key}`,
    });
    expect(a.resolved).toBe(last[0]?.created);
    expect(dateToMs(a.duedate as string)).toBe(dateToMs('2026-04-01'));
  });
});

describe('POST /rest/api/3/changelog/bulkfetch', () => {
  it('pages oldest change first, filters fields, and charges a point per issue returned', async () => {
    const sim = await startSim();
    try {
      const keys = sim.dataset.issues
        .filter((i) => i.securityLevelId === null)
        .slice(0, 40)
        .map((i) => i.key);
      sim.resetStats();
      const pages: Record<string, unknown>[] = [];
      let token: string | undefined;
      do {
        const res = await call(sim, 'app', 'POST', '/rest/api/3/changelog/bulkfetch', {
          issueIdsOrKeys: keys,
          fieldIds: ['status', 'duedate'],
          maxResults: 7,
          ...(token ? { nextPageToken: token } : {}),
        });
        expect(res.status).toBe(200);
        const page = obj(res.json);
        pages.push(page);
        token = page.nextPageToken as string | undefined;
      } while (token);
      const histories = pages.flatMap((page) =>
        arr(page.issueChangeLogs).flatMap((log) => arr(obj(log).changeHistories).map(obj)),
      );
      const time = (history: Record<string, unknown>) =>
        Date.parse(String(history.created).replace('+0000', 'Z'));
      // Pages follow change time: each page starts no earlier than the previous one ended.
      const spans = pages.map((page) => {
        const times = arr(page.issueChangeLogs).flatMap((log) =>
          arr(obj(log).changeHistories).map((h) => time(obj(h))),
        );
        return [Math.min(...times), Math.max(...times)];
      });
      spans.forEach((span, n) => {
        if (n > 0) expect(span[0]).toBeGreaterThanOrEqual(spans[n - 1]?.[1] as number);
      });
      const fields = new Set(
        histories.flatMap((history) => arr(history.items).map((item) => obj(item).fieldId)),
      );
      expect([...fields].sort()).toEqual(['duedate', 'status']);
      const returned = pages.reduce((sum, page) => sum + arr(page.issueChangeLogs).length, 0);
      expect(sim.stats().points).toBe(pages.length + returned);
      const bad = await call(sim, 'app', 'POST', '/rest/api/3/changelog/bulkfetch', {
        issueIdsOrKeys: keys,
        fieldIds: ['status', 'status'],
      });
      expect(bad.status).toBe(400);
    } finally {
      await sim.close();
    }
  });
});
