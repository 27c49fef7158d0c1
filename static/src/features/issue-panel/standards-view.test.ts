import type { GateState } from '@contracts/standards';
import {
  configVersionLabel,
  formatDay,
  formatWhen,
  gateSummary,
  groupByStandard,
  historyLine,
  orderGates,
  problemText,
  sortDependencies,
  standardsMetSentence,
  type Violation,
  type ViolationGroup,
} from './standards-view';

function violation(standardId: string, ruleId: string, mode: Violation['mode']): Violation {
  return {
    standardId,
    standardName: `Standard ${standardId}`,
    mode,
    ruleId,
    kind: 'requiredFields',
    fields: [{ id: 'duedate', name: 'Due date' }],
    items: [],
    blockers: [],
    message: 'Due date is required.',
  };
}

const anyEditor = {
  tickableBy: 'anyone who can edit the issue',
  namesWhoMayTick: false,
  tickable: true,
  notTickableReason: null,
};

function gate(ruleId: string, overrides: Partial<GateState> = {}): GateState {
  return {
    ruleId,
    standardId: 'epic-gates',
    standardName: 'Epic stage gates',
    mode: 'enforce',
    stage: { id: ruleId, name: ruleId },
    items: [
      { id: 'a', text: 'A', mandatory: true, tick: null, ...anyEditor },
      {
        id: 'b',
        text: 'B',
        mandatory: true,
        tick: { by: { accountId: 'x', displayName: 'X' }, at: '2026-11-28T10:02:00Z' },
        ...anyEditor,
      },
      { id: 'c', text: 'C', mandatory: false, tick: null, ...anyEditor },
    ],
    complete: false,
    isNext: false,
    passed: false,
    ...overrides,
  };
}

describe('groupByStandard', () => {
  it('groups violations by standard, enforced standards first, in the order they came', () => {
    const groups = groupByStandard([
      violation('a', 'r1', 'warn'),
      violation('b', 'r1', 'enforce'),
      violation('a', 'r2', 'warn'),
    ]);
    expect(
      groups.map((g: ViolationGroup) => [g.standardId, g.mode, g.violations.map((v) => v.ruleId)]),
    ).toEqual([
      ['b', 'enforce', ['r1']],
      ['a', 'warn', ['r1', 'r2']],
    ]);
  });

  it('answers no groups for no violations', () => {
    expect(groupByStandard([])).toEqual([]);
  });
});

describe('gates', () => {
  it('puts the next gate apart, and passed gates last', () => {
    const { next, others } = orderGates([
      gate('closed', { passed: true }),
      gate('closure'),
      gate('execution', { isNext: true }),
    ]);
    expect(next.map((g) => g.ruleId)).toEqual(['execution']);
    expect(others.map((g) => g.ruleId)).toEqual(['closure', 'closed']);
  });

  it('summarises the required items ticked', () => {
    expect(gateSummary(gate('g'))).toBe('1 of 2 required ticked');
    expect(gateSummary(gate('g', { complete: true, passed: true }))).toBe('Complete · stage reached');
    expect(gateSummary(gate('g', { items: [] }))).toBe('No required items');
  });
});

describe('formatting', () => {
  it('writes timestamps as "28 Nov 2026 10:02" in the given time zone', () => {
    expect(formatWhen('2026-11-28T10:02:00.000Z', 'UTC')).toBe('28 Nov 2026 10:02');
    expect(formatWhen('2026-11-28T10:02:00.000Z', 'Europe/Berlin')).toBe('28 Nov 2026 11:02');
    expect(formatWhen('not a date', 'UTC')).toBe('not a date');
  });

  it('writes Jira dates without shifting the day', () => {
    expect(formatDay('2026-11-06')).toBe('6 Nov 2026');
    expect(formatDay('soon')).toBe('soon');
  });

  it('writes a history entry as who did what to which item, and when', () => {
    const entry = {
      ruleId: 'execution-gate',
      itemId: 'scope-agreed',
      itemText: 'Scope agreed',
      by: { accountId: 'sim-team', displayName: 'Tom Team' },
      at: '2026-11-28T10:02:00Z',
    };
    expect(historyLine({ ...entry, ticked: true }, 'UTC')).toBe(
      'Tom Team ticked “Scope agreed” · 28 Nov 2026 10:02',
    );
    expect(historyLine({ ...entry, ticked: false }, 'UTC')).toBe(
      'Tom Team unticked “Scope agreed” · 28 Nov 2026 10:02',
    );
  });

  it('labels the configuration version', () => {
    expect(configVersionLabel(0)).toBe('Built-in default settings');
    expect(configVersionLabel(4)).toBe('Settings version 4');
  });
});

describe('problemText', () => {
  const names = new Map([['delivery', 'Ready for delivery']]);

  it('keeps sentences as they are and ends them with a full stop', () => {
    expect(
      problemText(
        {
          standardId: 'lifecycle',
          ruleId: 'execution',
          message: 'The Execution stage maps the status "Doing", which this Jira site does not have',
        },
        names,
      ),
    ).toBe('The Execution stage maps the status "Doing", which this Jira site does not have.');
  });

  it("names the standard and rule of a rule's problem, by id when the name is not known", () => {
    const problem = { standardId: 'delivery', ruleId: 'r1', message: 'applies in the status "Doing"' };
    expect(problemText(problem, names)).toBe(
      'The standard “Ready for delivery” (rule “r1”) applies in the status "Doing".',
    );
    expect(problemText({ ...problem, standardId: 'other', ruleId: null }, names)).toBe(
      'The standard “other” applies in the status "Doing".',
    );
  });
});

describe('sortDependencies', () => {
  it('puts late blockers first', () => {
    const base = {
      projectKey: 'A',
      summary: null,
      status: null,
      dueDate: null,
      detailsUnavailable: false,
      otherProject: true,
      message: '',
    };
    const sorted = sortDependencies([
      { ...base, key: 'A-1', late: false },
      { ...base, key: 'B-2', late: true },
      { ...base, key: 'A-3', late: true },
    ]);
    expect(sorted.map((d) => d.key)).toEqual(['A-3', 'B-2', 'A-1']);
  });
});

describe('standardsMetSentence', () => {
  test('one standard "applies" (the panel said "the standard that apply")', () => {
    expect(standardsMetSentence(1, 'Execution')).toBe(
      'Meets the standard that applies at the Execution stage.',
    );
  });
  test('two or more standards "apply"', () => {
    expect(standardsMetSentence(2, null)).toBe('Meets both standards that apply.');
    expect(standardsMetSentence(3, 'Closure')).toBe('Meets all 3 standards that apply at the Closure stage.');
  });
});
