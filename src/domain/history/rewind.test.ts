import fc from 'fast-check';
import { CHUNK_VERSION, type IssueRow, type PortfolioChunk, type StatusCode } from '../portfolio/chunk';
import { endOfLocalDay, startOfLocalDay } from './day-end';
import { type HistoryChange, historiesOf, type IssueHistories, linkTextReader } from './history-change';
import { rewindChunk } from './rewind';

/**
 * A small site lived forward in time: issues are created, change status (resolved when they reach
 * done), have their due dates moved and blocking links added and removed. The chunk of any instant
 * is built from the state at that instant; the chunk of the end, rewound with the changes, must
 * give the same.
 */
interface IssueState {
  key: string;
  created: number;
  status: StatusCode;
  statusName: string;
  resolved: number | null;
  due: string | null;
  updated: number;
  raid: boolean;
}

const NAMES: Record<StatusCode, string[]> = {
  0: ['To Do', 'Backlog'],
  1: ['In Progress', 'Blocked'],
  2: ['Done'],
};
const END = 100_000;

function lcg(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

interface Site {
  chunkAt(atMs: number): PortfolioChunk;
  histories: IssueHistories;
  times: number[];
}

function liveSite(seed: number, size: number): Site {
  const random = lcg(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const issues: IssueState[] = Array.from({ length: size }, (_, n) => {
    const created = int(0, END / 2);
    const status = (random() < 0.2 ? 2 : 0) as StatusCode;
    return {
      key: `${n % 2 ? 'P' : 'Q'}-${n + 1}`,
      created,
      status,
      statusName: NAMES[status][0] as string,
      resolved: status === 2 ? created : null,
      due: random() < 0.5 ? `2026-0${int(1, 9)}-1${int(0, 9)}` : null,
      updated: created,
      raid: random() < 0.2,
    };
  });
  const histories: IssueHistories = {};
  const log = (key: string, change: HistoryChange) => {
    histories[key] ??= [];
    histories[key].push(change);
  };
  const links = new Set<string>(); // "blocker>blocked"
  const events = Array.from({ length: size * 4 }, () => ({ at: int(1, END) })).sort((a, b) => a.at - b.at);
  const snapshots: { at: number; chunk: PortfolioChunk }[] = [];
  const chunkOf = (atMs: number): PortfolioChunk => {
    const rows: PortfolioChunk['issues'] = {};
    for (const issue of issues) {
      if (issue.created > atMs) continue;
      const blocks = [...links]
        .filter((l) => l.startsWith(`${issue.key}>`))
        .map((l) => l.split('>')[1] as string);
      const blockedBy = [...links]
        .filter((l) => l.endsWith(`>${issue.key}`))
        .map((l) => l.split('>')[0] as string);
      rows[issue.key] = [
        issue.key.split('-')[0] as string,
        issue.status,
        issue.due,
        issue.created,
        issue.updated,
        issue.resolved,
        3,
        blocks.sort(),
        blockedBy.sort(),
        issue.raid ? ['risk', `Risk ${issue.key}`, issue.statusName, null, 3, 4, 'unroamed'] : null,
      ];
    }
    return {
      version: CHUNK_VERSION,
      basis: 'test',
      collectedAt: new Date(Math.max(0, Math.min(atMs, END))).toISOString(),
      issues: rows,
      linked: {},
    };
  };
  const asCreated = chunkOf(Number.POSITIVE_INFINITY).issues;
  for (const event of events) {
    const at = event.at;
    const alive = issues.filter((issue) => issue.created < at);
    if (alive.length === 0) continue;
    const issue = alive[int(0, alive.length - 1)] as IssueState;
    const kind = int(0, 2);
    if (kind === 0) {
      const status = int(0, 2) as StatusCode;
      const name = NAMES[status][int(0, NAMES[status].length - 1)] as string;
      if (name === issue.statusName) continue;
      log(issue.key, ['status', at, [issue.status, issue.statusName], [status, name]]);
      const wasResolved = issue.resolved !== null;
      if ((status === 2) !== wasResolved) {
        log(issue.key, ['resolution', at, wasResolved, status === 2]);
        issue.resolved = status === 2 ? at : null;
      }
      issue.status = status;
      issue.statusName = name;
      issue.updated = at;
    } else if (kind === 1) {
      const due = random() < 0.2 ? null : `2026-1${int(0, 2)}-0${int(1, 9)}`;
      if (due === issue.due) continue;
      log(issue.key, ['duedate', at, issue.due, due]);
      issue.due = due;
      issue.updated = at;
    } else {
      const other = alive[int(0, alive.length - 1)] as IssueState;
      if (other === issue) continue;
      const link = `${issue.key}>${other.key}`;
      const added = !links.has(link);
      if (added) links.add(link);
      else links.delete(link);
      const mine: [string, boolean] = [other.key, true];
      const theirs: [string, boolean] = [issue.key, false];
      log(issue.key, ['link', at, added ? null : mine, added ? mine : null]);
      log(other.key, ['link', at, added ? null : theirs, added ? theirs : null]);
      issue.updated = at;
      other.updated = at;
    }
    snapshots.push({ at, chunk: chunkOf(at) });
  }
  const times = events.map((event) => event.at);
  return {
    histories,
    times,
    chunkAt(atMs) {
      // The state after the last event at or before atMs (the events are in time order).
      let chunk = chunkOf(-1);
      for (const snapshot of snapshots) if (snapshot.at <= atMs) chunk = snapshot.chunk;
      const created = new Set(issues.filter((issue) => issue.created <= atMs).map((issue) => issue.key));
      // Issues created since the last event are there too, as created.
      const rows = { ...chunk.issues };
      for (const issue of issues) {
        if (!created.has(issue.key) || rows[issue.key] !== undefined) continue;
        rows[issue.key] = asCreated[issue.key] as IssueRow;
      }
      return { ...chunk, issues: rows };
    },
  };
}

/** Rows with link lists sorted: their order is not part of the meaning. */
function normalized(chunk: PortfolioChunk) {
  return Object.fromEntries(
    Object.keys(chunk.issues)
      .sort()
      .map((key) => {
        const row = chunk.issues[key] as IssueRow;
        return [key, [...row.slice(0, 7), [...row[7]].sort(), [...row[8]].sort(), row[9]]];
      }),
  );
}

describe('rewindChunk', () => {
  it('rewinding to now (or later) changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, size, extra) => {
          const site = liveSite(seed, size);
          const now = site.chunkAt(END);
          expect(rewindChunk(now, site.histories, END + extra)).toEqual(now);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the chunk as it was at any past instant', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: END }),
        (seed, size, at) => {
          const site = liveSite(seed, size);
          const past = site.chunkAt(at);
          const rewound = rewindChunk(site.chunkAt(END), site.histories, at);
          const expected = normalized(past);
          const actual = normalized(rewound);
          // `updated` is the last change at or before then (the only changes the histories know).
          for (const key of Object.keys(expected)) {
            const history = site.histories[key] ?? [];
            const last = history.filter((change) => change[1] <= at).at(-1)?.[1];
            const row = expected[key] as unknown[];
            row[4] = last ?? row[3];
          }
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('drops issues created after the day and keeps what Jira has no history of', () => {
    const row = (created: number): IssueRow => [
      'P',
      1,
      '2026-01-05',
      created,
      created,
      null,
      8,
      [],
      [],
      null,
    ];
    const chunk: PortfolioChunk = {
      version: CHUNK_VERSION,
      basis: 'b',
      collectedAt: new Date(500).toISOString(),
      issues: { 'P-1': row(10), 'P-2': row(300) },
      linked: { 'X-1': 2 },
    };
    const rewound = rewindChunk(chunk, {}, 200);
    expect(Object.keys(rewound.issues)).toEqual(['P-1']);
    expect(rewound.issues['P-1']?.[6]).toBe(8);
    expect(rewound.linked).toEqual({ 'X-1': 2 });
    expect(rewound.collectedAt).toBe(new Date(200).toISOString());
  });
});

describe('historiesOf', () => {
  const readLink = linkTextReader(
    [
      { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { name: 'Relates', inward: 'relates to', outward: 'relates to' },
    ],
    (name) => (name === 'Blocks' ? 'outward' : undefined),
  );
  it('turns Jira ids into row values by issue key, oldest first, and drops what does not block', () => {
    const histories = historiesOf(
      [
        { issueId: '2', at: 50, field: 'status', from: '1', to: '3' },
        { issueId: '2', at: 20, field: 'duedate', from: null, to: '2026-02-01' },
        { issueId: '2', at: 60, field: 'resolution', from: null, to: '10000' },
        { issueId: '2', at: 70, field: 'link', from: null, to: 'This issue is blocked by A-9' },
        { issueId: '2', at: 80, field: 'link', from: null, to: 'This issue relates to A-7' },
        { issueId: '9', at: 10, field: 'status', from: '1', to: '3' },
      ],
      (id) => (id === '2' ? 'A-2' : undefined),
      {
        status: (id) => (id === '1' ? [0, 'To Do'] : id === '3' ? [2, 'Done'] : undefined),
        link: readLink,
      },
    );
    expect(histories).toEqual({
      'A-2': [
        ['duedate', 20, null, '2026-02-01'],
        ['status', 50, [0, 'To Do'], [2, 'Done']],
        ['resolution', 60, false, true],
        ['link', 70, null, ['A-9', false]],
      ],
    });
    expect(readLink('This issue blocks B-1')).toEqual(['B-1', true]);
  });
});

describe('day ends in a time zone', () => {
  it('follows the wall clock, daylight saving time included', () => {
    expect(new Date(endOfLocalDay('2026-03-02', 'UTC')).toISOString()).toBe('2026-03-02T23:59:59.999Z');
    expect(new Date(startOfLocalDay('2026-03-02', 'Europe/Paris')).toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
    // Paris moves its clocks on 29 March 2026: that day has 23 hours.
    expect(
      startOfLocalDay('2026-03-30', 'Europe/Paris') - startOfLocalDay('2026-03-29', 'Europe/Paris'),
    ).toBe(23 * 3_600_000);
    expect(new Date(endOfLocalDay('2026-03-02', 'Australia/Sydney')).toISOString()).toBe(
      '2026-03-02T12:59:59.999Z',
    );
  });
});
