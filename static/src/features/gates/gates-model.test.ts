import { toCsv } from '../../shared/csv/csv';
import {
  type GateEntry,
  gateCsvColumns,
  gateFigures,
  groupGates,
  readinessOf,
  readinessPercent,
  visibleGates,
} from './gates-model';

const gate = (
  key: string,
  projectKey: string,
  next: 'ready' | 'not-ready' | 'none' | 'missed',
): GateEntry => ({
  key,
  projectKey,
  summary: `Epic ${key}`,
  issueType: 'Epic',
  status: 'In Progress',
  stage: { id: 'execution', name: 'Execution' },
  nextGate:
    next === 'none'
      ? null
      : {
          ruleId: 'closure-gate',
          standardName: 'Epic stage gates',
          stage: { id: 'closure', name: 'Closure' },
          ticked: next === 'ready' ? 2 : 1,
          mandatory: 2,
          evidence: [{ text: 'Scope agreed', by: 'Ada Lovelace', at: '2026-03-01T10:00:00.000Z' }],
          ready: next === 'ready',
        },
  missedGates:
    next === 'missed'
      ? [
          {
            ruleId: 'execution-gate',
            standardName: 'Epic stage gates',
            stage: { id: 'execution', name: 'Execution' },
            ticked: 0,
            mandatory: 2,
            evidence: [],
            ready: false,
          },
        ]
      : [],
});

const gates = [
  gate('B-1', 'B', 'ready'),
  gate('A-1', 'A', 'not-ready'),
  gate('A-2', 'A', 'none'),
  gate('B-2', 'B', 'not-ready'),
];
const names = new Map([
  ['A', 'Zeta'],
  ['B', 'Alpha'],
]);

test('readiness of a gated issue', () => {
  expect(gates.map(readinessOf)).toEqual(['ready', 'not-ready', 'none', 'not-ready']);
  expect(readinessPercent({ ticked: 1, mandatory: 2 })).toBe(50);
  expect(readinessPercent({ ticked: 0, mandatory: 0 })).toBe(100);
  expect(readinessPercent({ ticked: 5, mandatory: 3 })).toBe(100);
});

test('groups by project name, keeping the report order inside a group', () => {
  const groups = groupGates(gates, names, false);
  expect(groups.map((g) => [g.projectName, g.gates.map((x) => x.key), g.ready])).toEqual([
    ['Alpha', ['B-1', 'B-2'], 1],
    ['Zeta', ['A-1', 'A-2'], 0],
  ]);
  expect(visibleGates(groups).map((g) => g.key)).toEqual(['B-1', 'B-2', 'A-1', 'A-2']);
});

test('“only not ready” keeps the issues whose next gate is not ready', () => {
  const groups = groupGates(gates, names, true);
  expect(visibleGates(groups).map((g) => g.key)).toEqual(['B-2', 'A-1']);
  expect(groupGates([gate('B-1', 'B', 'ready')], names, true)).toEqual([]);
});

test('figures', () => {
  expect(gateFigures(gates)).toEqual({ gated: 4, missed: 0, ready: 1, notReady: 2, noGateAhead: 1 });
});

test('an issue at or past a gate without its ticks counts as passed unticked, not "no gate ahead" (#14.8)', () => {
  const done = { ...gate('C-1', 'C', 'missed'), nextGate: null, status: 'Done' };
  expect(readinessOf(done)).toBe('missed');
  expect(gateFigures([...gates, done])).toEqual({
    gated: 5,
    missed: 1,
    ready: 1,
    notReady: 2,
    noGateAhead: 1,
  });
  expect(groupGates([done], names, true).flatMap((group) => group.gates)).toEqual([done]);
  const [, row] = toCsv(gateCsvColumns(names), [done]).split('\r\n');
  expect(row).toContain('Gate passed unticked,Execution (0/2)');
});

test('CSV of the visible gates, with evidence as text', () => {
  const csv = toCsv(gateCsvColumns(names), [
    gates[1] as GateEntry,
    { ...(gates[2] as GateEntry), summary: null },
  ]).split('\r\n');
  expect(csv[0]).toBe(
    'Key,Summary,Project key,Project,Issue type,Status,Stage,Next gate,Standard,Ticked,Mandatory,Readiness,Gates passed unticked,Evidence',
  );
  expect(csv[1]).toBe(
    'A-1,Epic A-1,A,Zeta,Epic,In Progress,Execution,Closure,Epic stage gates,1,2,Not ready,,"Scope agreed (Ada Lovelace, 2026-03-01T10:00:00.000Z)"',
  );
  expect(csv[2]).toBe('A-2,Restricted issue,A,Zeta,Epic,In Progress,Execution,,,,,No gate ahead,,');
});
