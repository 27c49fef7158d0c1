import type { DayRecord, ProjectDayRow, RagCode } from '../history/day-record';
import { alertForRecipient, alertId } from './alert';
import { dailyDigest, weeklyDigest } from './digest';
import { detectAlertEvents, type GateBlock } from './events';
import { wantsEvent } from './subscriptions';

/** A project row with the shown RAG and the five indicators' RAGs (schedule .. staleness). */
function row(rag: RagCode, indicators: RagCode[] = ['g', 'g', 'g', 'g', 'g']): ProjectDayRow {
  return [rag, rag, indicators.map((code) => [0, code]), [1, 0, 0, 0, 0], 1, 0, [0, 0], {}, false];
}

function day(
  date: string,
  projects: Record<string, ProjectDayRow>,
  extra: Partial<Pick<DayRecord, 'reasons' | 'highRisks'>> = {},
): DayRecord {
  return {
    version: 1,
    day: date,
    asOf: `${date}T08:00:00.000Z`,
    settingsVersion: 1,
    reconstructed: false,
    names: Object.fromEntries(Object.keys(projects).map((key) => [key, `${key} project`])),
    projects,
    reasons: extra.reasons ?? {},
    highRisks: extra.highRisks ?? {},
    conflicts: [],
    gated: {},
  };
}

const block = (issueKey: string, at: string): GateBlock => ({
  issueKey,
  projectKey: issueKey.split('-')[0] ?? '',
  standards: [{ id: 'std', name: 'Definition of ready' }],
  toStatus: 'In Progress',
  by: 'sim-team',
  at,
});

describe('detectAlertEvents', () => {
  it('finds a project turning red, with the reason, and the indicator that crossed into red', () => {
    const previous = day('2026-12-01', { ATLAS: row('a', ['a', 'g', 'g', 'g', 'g']), BEACON: row('g') });
    const next = day(
      '2026-12-02',
      { ATLAS: row('r', ['r', 'g', 'g', 'g', 'g']), BEACON: row('g') },
      { reasons: { ATLAS: { schedule: '30% of open issues are overdue (12 of 40)' } } },
    );
    const events = detectAlertEvents({ previous, next, gateBlocks: [], lateUpdates: [] });
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'turnedRed',
        projectKey: 'ATLAS',
        text: 'ATLAS (ATLAS project) turned red: 30% of open issues are overdue (12 of 40)',
      }),
      expect.objectContaining({
        kind: 'thresholdCrossed',
        projectKey: 'ATLAS',
        indicator: 'schedule',
        rag: 'red',
      }),
    ]);
  });

  it('says why with the reason of a red indicator, not an amber one listed before it', () => {
    const previous = day('2026-12-01', { ATLAS: row('g') });
    const next = day(
      '2026-12-02',
      { ATLAS: row('r', ['a', 'g', 'r', 'g', 'g']) },
      { reasons: { ATLAS: { schedule: '12% overdue', risk: 'ATLAS-9 is a high risk' } } },
    );
    const [turnedRed] = detectAlertEvents({ previous, next, gateBlocks: [], lateUpdates: [] });
    expect(turnedRed?.text).toBe('ATLAS (ATLAS project) turned red: ATLAS-9 is a high risk');
  });

  it('alerts an indicator crossing into amber, but not one staying red or getting better', () => {
    const previous = day('2026-12-01', { ATLAS: row('r', ['r', 'r', 'g', 'g', 'g']) });
    const next = day('2026-12-02', { ATLAS: row('r', ['r', 'a', 'g', 'a', 'g']) });
    const events = detectAlertEvents({ previous, next, gateBlocks: [], lateUpdates: [] });
    expect(events.map((event) => [event.kind, event.indicator, event.rag])).toEqual([
      ['thresholdCrossed', 'compliance', 'amber'],
    ]);
  });

  it('finds new high risks only, and nothing at all the first time (no previous record)', () => {
    const previous = day('2026-12-01', { ATLAS: row('g') }, { highRisks: { 'ATLAS-1': 'ATLAS' } });
    const next = day(
      '2026-12-02',
      { ATLAS: row('g') },
      { highRisks: { 'ATLAS-1': 'ATLAS', 'ATLAS-7': 'ATLAS' } },
    );
    expect(detectAlertEvents({ previous, next, gateBlocks: [], lateUpdates: [] })).toEqual([
      expect.objectContaining({ kind: 'newHighRisk', issueKey: 'ATLAS-7' }),
    ]);
    expect(detectAlertEvents({ previous: null, next, gateBlocks: [], lateUpdates: [] })).toEqual([]);
  });

  it('turns gate blocks into one alert per issue and late updates into their own, for the portfolio only', () => {
    const next = day('2026-12-02', { ATLAS: row('g') });
    const events = detectAlertEvents({
      previous: null,
      next,
      gateBlocks: [
        block('ATLAS-3', '2026-12-02T07:00:00Z'),
        block('ATLAS-3', '2026-12-02T07:05:00Z'),
        block('OTHER-9', '2026-12-02T07:00:00Z'),
      ],
      lateUpdates: [{ projectKey: 'ATLAS', period: '2026-W49' }],
    });
    expect(events.map((event) => [event.kind, event.issueKey ?? event.projectKey])).toEqual([
      ['gateBlocked', 'ATLAS-3'],
      ['statusUpdateLate', 'ATLAS'],
    ]);
    expect(events[0]?.text).toBe('ATLAS-3 was stopped before In Progress: Definition of ready not met');
  });

  it('gives the same alert ids when the same run is evaluated twice', () => {
    const previous = day('2026-12-01', { ATLAS: row('g') });
    const next = day('2026-12-02', { ATLAS: row('r', ['r', 'g', 'g', 'g', 'g']) });
    const ids = () =>
      detectAlertEvents({ previous, next, gateBlocks: [], lateUpdates: [] }).map((event) =>
        alertId('category:10000', 7, event),
      );
    expect(ids()).toEqual(ids());
    expect(ids()[0]).toBe('category#10000.00000007.turnedRed.ATLAS.-');
  });
});

describe('what a recipient may see', () => {
  const alert = {
    kind: 'turnedRed' as const,
    projectKey: 'ATLAS',
    issueKey: null,
    indicator: null,
    rag: 'red' as const,
    text: 'ATLAS (Atlas) turned red: blocked by BEACON-4',
  };

  it('drops alerts about projects they cannot browse and redacts other projects’ issue keys', () => {
    expect(alertForRecipient(alert, { browsable: new Set(['BEACON']), hiddenIssues: new Set() })).toBeNull();
    expect(alertForRecipient(alert, { browsable: new Set(['ATLAS']), hiddenIssues: new Set() })?.text).toBe(
      'ATLAS (Atlas) turned red: blocked by a restricted issue',
    );
    expect(
      alertForRecipient(
        { ...alert, kind: 'gateBlocked', issueKey: 'ATLAS-2' },
        { browsable: new Set(['ATLAS']), hiddenIssues: new Set(['ATLAS-2']) },
      ),
    ).toBeNull();
  });

  it('matches subscriptions per portfolio and per project', () => {
    const subscriptions = {
      subscriptions: [
        { portfolioId: 'all', projectKey: null, events: ['turnedRed' as const] },
        { portfolioId: 'p:mobile', projectKey: 'ATLAS', events: ['gateBlocked' as const] },
      ],
      emailDigest: false,
      weeklyDigest: false,
    };
    expect(wantsEvent(subscriptions, 'all', 'BEACON', 'turnedRed')).toBe(true);
    expect(wantsEvent(subscriptions, 'all', 'BEACON', 'gateBlocked')).toBe(false);
    expect(wantsEvent(subscriptions, 'p:mobile', 'ATLAS', 'gateBlocked')).toBe(true);
    expect(wantsEvent(subscriptions, 'p:mobile', 'BEACON', 'gateBlocked')).toBe(false);
  });
});

describe('digests', () => {
  it('groups the day’s alerts by event and keeps markup inert in the HTML body', () => {
    const mail = dailyDigest(
      [
        {
          id: 'all.00000001.turnedRed.ATLAS.-',
          portfolioId: 'all',
          portfolioName: 'All projects',
          runSeq: 1,
          at: '2026-12-02T08:00:00Z',
          read: false,
          kind: 'turnedRed',
          projectKey: 'ATLAS',
          issueKey: null,
          indicator: null,
          rag: 'red',
          text: 'ATLAS (<b>Atlas</b>) turned red',
        },
      ],
      '2026-12-02',
    );
    expect(mail.subject).toBe('PMO Portfolio: 1 alert on 2026-12-02');
    expect(mail.textBody).toContain('Turned red\n- All projects: ATLAS (<b>Atlas</b>) turned red');
    expect(mail.htmlBody).toContain('ATLAS (&lt;b&gt;Atlas&lt;/b&gt;) turned red');
    expect(mail.textBody).not.toContain('A new high risk');
  });

  it('lists red projects with their reasons, the week’s changes and late updates', () => {
    const mail = weeklyDigest({
      portfolioName: 'Mobile',
      weekEnding: '2026-12-06',
      red: [{ projectKey: 'ATLAS', name: 'Atlas', reasons: ['30% overdue'] }],
      changes: ['BEACON green → amber'],
      lateUpdates: [],
    });
    expect(mail.subject).toBe('PMO weekly digest: Mobile, week ending 2026-12-06');
    expect(mail.textBody).toContain('Red projects and why\n- ATLAS (Atlas): 30% overdue');
    expect(mail.textBody).toContain('What changed this week\n- BEACON green → amber');
    expect(mail.textBody).not.toContain('Late status updates');
  });
});
