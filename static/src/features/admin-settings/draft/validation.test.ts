import { defaultPmoConfig } from '@domain/config/schema';
import { editedConfig } from '@domain/config/test-data';
import { mergeProblems, normalizePath } from './server-problems';
import { problemCountBySection, problemsAt, problemsUnder, validateDraft } from './validation';

describe('validateDraft', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(validateDraft(defaultPmoConfig).list).toEqual([]);
  });

  it('puts a message at the path of each bad field, in plain words', () => {
    const config = editedConfig((c) => {
      const standard = c.standards[0];
      if (!standard) throw new Error('no standard');
      standard.name = '';
      c.engine.staleDays = Number.NaN;
      c.engine.health.schedule = { amber: 30, red: 10 };
    });
    const problems = validateDraft(config);
    expect(problemsAt(problems, ['standards', 0, 'name'])).toEqual(['Required.']);
    expect(problemsAt(problems, ['engine', 'staleDays'])).toEqual(['Enter a number.']);
    expect(problemsAt(problems, ['engine', 'health', 'schedule'])).toEqual([
      'Red must be at or above amber.',
    ]);
    expect(problemCountBySection(problems)).toEqual(
      new Map([
        ['standards', 1],
        ['thresholds', 2],
      ]),
    );
  });

  it('refuses a percentage threshold above 100 or below 0 with one clear message at the field (#14.6)', () => {
    const config = editedConfig((c) => {
      c.engine.health.schedule = { amber: 10, red: 150 };
      c.engine.health.compliance = { amber: -5, red: -10 };
      c.engine.health.dateConflicts = { amber: -1, red: 3 };
    });
    const problems = validateDraft(config);
    expect(problemsAt(problems, ['engine', 'health', 'schedule', 'red'])).toEqual([
      'A percentage cannot be more than 100%; use 0 to 100.',
    ]);
    expect(problemsAt(problems, ['engine', 'health', 'compliance', 'amber'])).toEqual([
      'A percentage cannot be negative; use 0 to 100.',
    ]);
    expect(problemsAt(problems, ['engine', 'health', 'dateConflicts', 'amber'])).toEqual([
      'Cannot be negative.',
    ]);
    // A count of issues has no upper bound.
    const many = validateDraft(
      editedConfig((c) => {
        c.engine.health.dateConflicts = { amber: 150, red: 300 };
      }),
    );
    expect(problemsUnder(many, ['engine', 'health'])).toEqual([]);
  });

  it("shows the server's refusal of a threshold at the threshold's field", () => {
    const merged = mergeProblems(validateDraft(defaultPmoConfig), [
      { path: 'engine.health.blocked.red', message: 'Must be at most 100.', severity: 'error' },
    ]);
    expect(problemsAt(merged, ['engine', 'health', 'blocked', 'red'])).toEqual(['Must be at most 100.']);
    expect(problemCountBySection(merged)).toEqual(new Map([['thresholds', 1]]));
  });

  it('says when a list needs at least one entry and when a rule names a missing stage', () => {
    const config = editedConfig((c) => {
      const rule = c.standards[0]?.rules[0];
      if (rule?.kind !== 'requiredFields') throw new Error('unexpected default rule');
      rule.fields = [];
      rule.when = { fromStage: 'nowhere' };
    });
    const problems = validateDraft(config);
    expect(problemsAt(problems, ['standards', 0, 'rules', 0, 'fields'])).toEqual(['Add at least one.']);
    expect(problemsAt(problems, ['standards', 0, 'rules', 0, 'when', 'fromStage'])).toEqual([
      'Choose a lifecycle stage; "nowhere" is not one.',
    ]);
    expect(problemsUnder(problems, ['standards', 0])).toHaveLength(2);
    expect(problemsUnder(problems, ['standards', 1])).toHaveLength(0);
  });

  it('reports duplicate ids and malformed project keys', () => {
    const config = editedConfig((c) => {
      c.portfolios = [
        { id: 'core', name: 'Core', ownerAccountId: null, scope: { kind: 'projects', projectKeys: ['abc'] } },
        { id: 'core', name: 'Again', ownerAccountId: null, scope: { kind: 'jql', jql: 'project = X' } },
      ];
    });
    const problems = validateDraft(config);
    expect(problemsAt(problems, ['portfolios', 1, 'id'])).toEqual([
      'Another portfolio already uses the id core.',
    ]);
    expect(problemsAt(problems, ['portfolios', 0, 'scope', 'projectKeys', 0])).toEqual([
      'Expected a project key like ABC.',
    ]);
  });
});

describe('content rules', () => {
  it('refuses markup in text the way the server does, at the field', () => {
    const config = editedConfig((c) => {
      if (c.standards[0]) c.standards[0].name = 'Ready <img src=x onerror=alert(1)>';
    });
    expect(problemsAt(validateDraft(config), ['standards', 0, 'name'])).toEqual([
      'Contains HTML or script markup, which settings do not accept; use plain text.',
    ]);
  });
});

describe('problems from the server', () => {
  it('normalises paths and keeps warnings from blocking', () => {
    expect(normalizePath('standards[0].rules[1].when')).toBe('standards.0.rules.1.when');
    expect(normalizePath('portfolios/2/scope/jql')).toBe('portfolios.2.scope.jql');
    expect(normalizePath('(root)')).toBe('');
    const merged = mergeProblems(validateDraft(defaultPmoConfig), [
      { path: 'portfolios[0].scope.jql', message: 'Jira says: the JQL is not valid', severity: 'error' },
      {
        path: 'standards.0.scope.issueTypes.0',
        message: 'Story is not an issue type here',
        severity: 'warning',
      },
    ]);
    expect(merged.errors).toBe(1);
    expect(problemsAt(merged, ['portfolios', 0, 'scope', 'jql'])).toEqual([
      'Jira says: the JQL is not valid',
    ]);
    expect(problemsAt(merged, ['standards', 0, 'scope', 'issueTypes', 0])).toEqual([
      'Warning: Story is not an issue type here',
    ]);
    expect(problemCountBySection(merged)).toEqual(new Map([['portfolios', 1]]));
    expect(problemCountBySection(merged, 'warning')).toEqual(new Map([['standards', 1]]));
  });
});
