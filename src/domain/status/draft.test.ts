import type { RiskEntry } from '../risks/raid';
import { CommentarySchema, commentaryParts, MAX_COMMENTARY_LENGTH } from './commentary';
import { changesBetween, type DraftSource, draftFacts, type ProjectDayState } from './draft';
import { disagreementOf, disagreementText } from './update';

const day = (overrides: Partial<ProjectDayState>): ProjectDayState => ({
  day: '2026-12-04',
  rag: 'amber',
  indicators: { schedule: 'amber', blockers: 'green', risk: 'green' },
  kpis: { open: 10, inProgress: 4, done: 20, overdue: 2 },
  highRisks: ['ATLAS-90'],
  conflicts: [],
  ...overrides,
});

const risk = (key: string, score: number, overrides: Partial<RiskEntry> = {}): RiskEntry =>
  ({
    key,
    summary: `Risk ${key}`,
    projectKey: 'ATLAS',
    status: 'Open',
    open: true,
    probability: 3,
    impact: 3,
    score,
    level: score >= 15 ? 'high' : 'medium',
    roam: 'owned',
    owner: null,
    due: null,
    assumed: false,
    ...overrides,
  }) as RiskEntry;

/** `key` (due 20 December) blocks an issue due `daysLate` days earlier. */
const conflict = (key: string, [blockedKey, blockedDue]: [string, string], daysLate: number) => {
  const projectOf = (issueKey: string) => issueKey.split('-')[0] ?? issueKey;
  return {
    blocker: { key, projectKey: projectOf(key), due: '2026-12-20' },
    blocked: { key: blockedKey, projectKey: projectOf(blockedKey), due: blockedDue },
    daysLate,
    crossProject: projectOf(key) !== projectOf(blockedKey),
  };
};

function source(overrides: Partial<DraftSource> = {}): DraftSource {
  return {
    projectKey: 'ATLAS',
    today: '2026-12-09',
    asOf: '2026-12-09T08:00:00.000Z',
    health: {
      rag: 'red',
      computedRag: 'red',
      indicators: [
        { name: 'schedule', value: 30, rag: 'red', reason: '3 of 10 open issues are past due.' },
        { name: 'blockers', value: 10, rag: 'amber', reason: '1 of 10 open issues is blocked.' },
        { name: 'risk', value: 4, rag: 'green', reason: 'No high risk.' },
      ],
      override: null,
    } as DraftSource['health'],
    issues: [
      { key: 'ATLAS-1', summary: 'Late one', due: '2026-12-01', open: true },
      { key: 'ATLAS-2', summary: 'Later one', due: '2026-12-08', open: true },
      { key: 'ATLAS-3', summary: 'Done late', due: '2026-12-01', open: false },
      { key: 'ATLAS-4', summary: 'Gate soon', due: '2026-12-15', open: true },
      { key: 'ATLAS-5', summary: 'Milestone', due: '2026-12-09', open: true },
      { key: 'ATLAS-6', summary: 'Far away', due: '2026-12-23', open: true },
      { key: 'ATLAS-7', summary: 'Last day in window', due: '2026-12-22', open: true },
    ],
    gates: [{ key: 'ATLAS-4', nextStage: 'Delivery', ticked: 1, mandatory: 3 }],
    risks: [
      risk('ATLAS-90', 20),
      risk('ATLAS-91', 9),
      risk('ATLAS-92', 25, { roam: 'resolved' }),
      risk('ATLAS-93', 16, { open: false }),
      risk('ATLAS-94', 12),
      risk('ATLAS-95', 6),
      risk('BEACON-1', 25, { projectKey: 'BEACON' }),
    ],
    conflicts: [
      conflict('BEACON-3', ['ATLAS-4', '2026-12-15'], 5),
      conflict('ATLAS-8', ['ATLAS-9', '2026-12-18'], 2),
      conflict('CIRRUS-3', ['BEACON-9', '2026-12-18'], 2),
    ],
    before: day({}),
    latest: day({
      day: '2026-12-09',
      rag: 'red',
      indicators: { schedule: 'red', blockers: 'amber', risk: 'green' },
      kpis: { open: 12, inProgress: 4, done: 23, overdue: 3 },
      highRisks: ['ATLAS-97'],
      conflicts: ['BEACON-3>ATLAS-4'],
    }),
    ...overrides,
  };
}

describe('the status draft generated from the data', () => {
  it('states health with the reasons of the indicators that are not green, worst first', () => {
    const facts = draftFacts(source());
    expect(facts.health).toEqual({
      rag: 'red',
      computedRag: 'red',
      reasons: ['Schedule: 3 of 10 open issues are past due.', 'Blockers: 1 of 10 open issues is blocked.'],
    });
    expect(facts.suggested).toBe('off-track');
  });

  it('says what changed since the day of the last published update', () => {
    const facts = draftFacts(source());
    expect(facts.changesSince).toBe('2026-12-04');
    expect(facts.changes).toEqual([
      'Health went from amber to red.',
      'Schedule worsened from amber to red.',
      'Blockers worsened from green to amber.',
      '3 issues done.',
      'Open work grew by 2 issues.',
      'Overdue issues rose from 2 to 3.',
      'New high risk: ATLAS-97.',
      'No longer open high risk: ATLAS-90.',
      '1 new cross-project date conflict.',
    ]);
  });

  it('says nothing changed when nothing did, and nothing at all without an earlier recorded day', () => {
    expect(changesBetween(day({}), day({ day: '2026-12-09' }))).toEqual([
      'No change in health, work, risks or conflicts.',
    ]);
    const facts = draftFacts(source({ before: null }));
    expect(facts.changesSince).toBeNull();
    expect(facts.changes).toEqual([]);
    // Only today is recorded: nothing to compare with, and no "since today" heading.
    const today = day({ day: '2026-12-09' });
    expect(draftFacts(source({ before: today, latest: today }))).toMatchObject({
      changesSince: null,
      changes: [],
    });
  });

  it('lists the top three open, unresolved risks of the project by score', () => {
    expect(draftFacts(source()).topRisks.map((entry) => entry.key)).toEqual([
      'ATLAS-90',
      'ATLAS-94',
      'ATLAS-91',
    ]);
  });

  it('lists gates and open work due in the next two weeks, gates described with their ticks', () => {
    const facts = draftFacts(source());
    expect(facts.upcoming.map((entry) => [entry.key, entry.kind, entry.due])).toEqual([
      ['ATLAS-5', 'milestone', '2026-12-09'],
      ['ATLAS-4', 'gate', '2026-12-15'],
      ['ATLAS-7', 'milestone', '2026-12-22'],
    ]);
    expect(facts.upcoming[1]?.detail).toBe('Gate into Delivery: 1 of 3 mandatory items ticked');
    expect(facts.upcomingTotal).toBe(3);
  });

  it('counts overdue open work, oldest first, and leaves done work out', () => {
    expect(draftFacts(source()).overdue).toEqual({
      count: 2,
      examples: [
        { key: 'ATLAS-1', summary: 'Late one', due: '2026-12-01' },
        { key: 'ATLAS-2', summary: 'Later one', due: '2026-12-08' },
      ],
    });
  });

  it('lists only the cross-project date conflicts that touch the project', () => {
    expect(draftFacts(source()).conflicts).toEqual([
      {
        blocker: 'BEACON-3',
        blocked: 'ATLAS-4',
        text: 'BEACON-3 (due 2026-12-20) blocks ATLAS-4 (due 2026-12-15): 5 days too late',
      },
    ]);
  });
});

describe('stated status against the data', () => {
  it('flags a rosier status than the data, and a gloomier one softly', () => {
    expect(disagreementOf('on-track', 'red')).toBe('rosier');
    expect(disagreementText('on-track', 'red')).toBe('says on track, data says red');
    expect(disagreementOf('at-risk', 'amber')).toBeNull();
    expect(disagreementOf('off-track', 'green')).toBe('gloomier');
    expect(disagreementOf('on-track', 'none')).toBeNull();
  });
});

describe('commentary', () => {
  it('removes control and bidi characters, keeps line breaks, and refuses more than the limit', () => {
    expect(CommentarySchema.parse('a\u0000b\r\nc\u202Ed\te')).toBe('ab\ncd\te');
    expect(CommentarySchema.safeParse('x'.repeat(MAX_COMMENTARY_LENGTH)).success).toBe(true);
    expect(CommentarySchema.safeParse('x'.repeat(MAX_COMMENTARY_LENGTH + 1)).success).toBe(false);
  });

  it('finds http(s) links and leaves markup and other schemes as text', () => {
    expect(commentaryParts('See https://example.com/plan. <b>x</b> javascript:alert(1)')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/plan', href: 'https://example.com/plan' },
      { kind: 'text', text: '. <b>x</b> javascript:alert(1)' },
    ]);
  });
});
