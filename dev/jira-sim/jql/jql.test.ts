import { Access } from '../access';
import { generateDataset, isOpen } from '../generator';
import { SimState } from '../state';
import { DAY_MS, dateToMs, isoDate } from '../time';
import type { SimIssue } from '../types';
import { simUser } from '../users';
import { evalDateFunction, parseDateText } from './dates';
import { compileJql, type ValidationMode } from './evaluator';
import { type Clause, parseJql } from './parser';
import { queryStructure } from './structure';
import { JqlSyntaxError, tokenize } from './tokenizer';

/** Compact rendering of a where-clause tree for precedence assertions. */
function show(c: Clause | null): string {
  if (!c) return '';
  switch (c.kind) {
    case 'and':
    case 'or':
      return `(${c.clauses.map(show).join(` ${c.kind.toUpperCase()} `)})`;
    case 'not':
      return `NOT ${show(c.clause)}`;
    default: {
      const o = c.operand;
      const v =
        o.kind === 'list'
          ? `(${o.items.map((i) => (i.kind === 'value' ? i.value : i.kind === 'empty' ? 'EMPTY' : `${i.name}()`)).join(',')})`
          : o.kind === 'value'
            ? o.value
            : o.kind === 'empty'
              ? 'EMPTY'
              : `${o.name}(${o.args.join(',')})`;
      return `${c.field.name}${c.operator}${v}`;
    }
  }
}

function syntaxError(jql: string): string {
  try {
    parseJql(jql);
  } catch (e) {
    if (e instanceof JqlSyntaxError) return e.message;
    throw e;
  }
  throw new Error(`expected a syntax error for: ${jql}`);
}

describe('JQL tokenizer and parser', () => {
  it('AND binds tighter than OR', () => {
    expect(show(parseJql('a = 1 OR b = 2 AND c = 3').where)).toBe('(a=1 OR (b=2 AND c=3))');
    expect(show(parseJql('a = 1 AND b = 2 OR c = 3').where)).toBe('((a=1 AND b=2) OR c=3)');
    expect(show(parseJql('(a = 1 OR b = 2) AND c = 3').where)).toBe('((a=1 OR b=2) AND c=3)');
    expect(show(parseJql('a = 1 and b = 2 and c = 3').where)).toBe('(a=1 AND b=2 AND c=3)');
  });

  it('NOT binds tightest and nests', () => {
    expect(show(parseJql('NOT a = 1 AND b = 2').where)).toBe('(NOT a=1 AND b=2)');
    expect(show(parseJql('not (a = 1 or b = 2)').where)).toBe('NOT (a=1 OR b=2)');
    expect(show(parseJql('!a = 1 && b != 2 || c = 3').where)).toBe('((NOT a=1 AND b!=2) OR c=3)');
  });

  it('reads quoted values with escapes and both quote styles', () => {
    const q = parseJql(String.raw`summary = "say \"hi\" \\ there" AND labels = 'it\'s' AND x = "a\u0041\n"`);
    expect(show(q.where)).toBe(`(summary=say "hi" \\ there AND labels=it's AND x=aA\n)`);
    expect(tokenize('"Story Points" = 5')[0]).toMatchObject({ type: 'string', value: 'Story Points' });
  });

  it('keywords are case-insensitive; operators IN, NOT IN, IS [NOT] EMPTY/NULL', () => {
    const q = parseJql(
      'project In (A, "B c") aNd status NOT IN (Done) OR assignee is not null AND due IS EMPTY order BY key desc, created',
    );
    expect(show(q.where)).toBe(
      '((projectin(A,B c) AND statusnot in(Done)) OR (assigneeis notEMPTY AND dueisEMPTY))',
    );
    expect(q.orderBy.map((o) => `${o.field.name}:${o.direction ?? ''}`)).toEqual(['key:desc', 'created:']);
  });

  it('parses functions, cf[] and issue.property fields', () => {
    const q = parseJql(
      'cf[10016] = 5 AND issue.property[pmoCompliance].failing = true AND created > startOfDay(-1) AND assignee = currentUser()',
    );
    expect(show(q.where)).toBe(
      '(cf[10016]=5 AND issue.property[pmoCompliance].failing=true AND created>startOfDay(-1) AND assignee=currentUser())',
    );
    const prop = parseJql('issue.property["spaces here"].a.b = x').where;
    expect(prop?.kind === 'term' && prop.field.property).toEqual({ key: 'spaces here', path: 'a.b' });
  });

  it('an empty query or ORDER BY only has no where clause', () => {
    expect(parseJql('   ')).toEqual({ where: null, orderBy: [] });
    expect(parseJql('ORDER BY created DESC').where).toBeNull();
  });

  it('reports Jira-style syntax errors with line and character', () => {
    expect(syntaxError('invalid query')).toBe(
      "Error in the JQL Query: Expecting operator but got 'query'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
    );
    expect(syntaxError('status = "open')).toMatch(
      /^Error in the JQL Query: The quoted string 'open' has not been completed\. \(line 1, character 15\)$/,
    );
    expect(syntaxError('a = 1 b = 2')).toMatch(
      /Expecting either 'OR' or 'AND' but got 'b'\. \(line 1, character 7\)/,
    );
    expect(syntaxError('(a = 1')).toMatch(/Expecting '\)' but got 'EOF'/);
    expect(syntaxError('a =')).toMatch(/Expecting either a value, list or function but got 'EOF'/);
    expect(syntaxError('a = and')).toMatch(/'and' is a reserved JQL word/);
    expect(syntaxError('a = "x\\q"')).toMatch(/illegal JQL escape sequence/);
    expect(syntaxError('a = 1\nAND b')).toMatch(/\(line 2, character 6\)/);
    expect(syntaxError('status WAS Done')).toMatch(/operator 'WAS' is not supported/);
    expect(syntaxError('order by')).toMatch(/Expecting a field name/);
  });

  it('builds the jql/parse structure', () => {
    expect(queryStructure(parseJql('project = "My Proj" AND labels in (a, EMPTY) ORDER BY key'))).toEqual({
      where: {
        operator: 'and',
        clauses: [
          {
            field: { name: 'project', encodedName: 'project' },
            operator: '=',
            operand: { value: 'My Proj', encodedValue: '"My Proj"' },
          },
          {
            field: { name: 'labels', encodedName: 'labels' },
            operator: 'in',
            operand: {
              values: [{ value: 'a', encodedValue: 'a' }, { keyword: 'empty' }],
              encodedOperand: '(a, EMPTY)',
            },
          },
        ],
      },
      orderBy: { fields: [{ field: { name: 'key', encodedName: 'key' } }] },
    });
  });
});

describe('JQL dates', () => {
  const now = Date.UTC(2026, 2, 4, 15, 30); // Wednesday 2026-03-04 15:30 UTC
  it('parses absolute and relative dates', () => {
    expect(parseDateText('2026-01-31', now)).toEqual({ ms: Date.UTC(2026, 0, 31), dateOnly: true });
    expect(parseDateText('2026/01/31 10:00', now)).toEqual({
      ms: Date.UTC(2026, 0, 31, 10),
      dateOnly: false,
    });
    expect(parseDateText('-7d', now)?.ms).toBe(now - 7 * DAY_MS);
    expect(parseDateText('2w', now)?.ms).toBe(now + 14 * DAY_MS);
    expect(parseDateText('-1h', now)?.ms).toBe(now - 3_600_000);
    expect(parseDateText('-4w 2d', now)?.ms).toBe(now - 30 * DAY_MS);
    expect(parseDateText('2026-02-30', now)).toBeNull();
    expect(parseDateText('yesterday', now)).toBeNull();
  });
  it('evaluates date functions', () => {
    expect(evalDateFunction('now', [], now)).toBe(now);
    expect(evalDateFunction('startOfDay', [], now)).toBe(Date.UTC(2026, 2, 4));
    expect(evalDateFunction('startOfDay', ['-1'], now)).toBe(Date.UTC(2026, 2, 3));
    expect(evalDateFunction('endOfDay', [], now)).toBe(Date.UTC(2026, 2, 5) - 1);
    expect(evalDateFunction('startOfWeek', [], now)).toBe(Date.UTC(2026, 2, 1));
    expect(evalDateFunction('startOfMonth', ['-1'], now)).toBe(Date.UTC(2026, 1, 1));
    expect(evalDateFunction('endOfYear', [], now)).toBe(Date.UTC(2027, 0, 1) - 1);
    expect(evalDateFunction('startOfDay', ['x'], now)).toBeNull();
  });
});

describe('JQL evaluation', () => {
  const NOW = new Date('2026-03-02T10:00:00.000Z');
  const dataset = generateDataset({ seed: 3, projects: 5, issuesPerProject: 60, now: NOW });
  const state = new SimState(dataset);
  const admin = new Access(simUser('admin'), state);
  const pmo = new Access(simUser('pmo'), state);
  const team = new Access(simUser('team'), state);
  const [p0, p1, , , p4] = dataset.projects;
  if (!p0 || !p1 || !p4) throw new Error('need 5 projects');

  function run(jql: string, access = admin, validation: ValidationMode = 'strict') {
    const compiled = compileJql(parseJql(jql), { state, access, now: NOW.getTime(), validation });
    const hits = dataset.issues
      .filter((i) => access.canSee(i) && compiled.predicate(i))
      .sort(compiled.compare);
    return { ...compiled, hits, keys: hits.map((i) => i.key) };
  }
  const expectKeys = (jql: string, pred: (i: SimIssue) => boolean, access = admin) => {
    const r = run(jql, access);
    expect(r.errors).toEqual([]);
    const expected = dataset.issues
      .filter((i) => access.canSee(i) && pred(i))
      .map((i) => i.key)
      .sort();
    expect([...r.keys].sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    return r;
  };

  it('filters by project (key, id or name), type, status and status category', () => {
    expectKeys(`project = ${p0.key}`, (i) => i.projectIdx === 0);
    expectKeys(`project in (${p0.id}, "${p1.name}")`, (i) => i.projectIdx <= 1);
    expectKeys('issuetype = Risk', (i) => i.typeId === '10005');
    expectKeys('type in (Epic, 10004)', (i) => i.typeId === '10000' || i.typeId === '10004');
    expectKeys('status = "In Progress"', (i) => i.statusId === '3');
    expectKeys('statusCategory = "In Progress"', (i) => ['3', '10003', '10004'].includes(i.statusId));
    expectKeys('statusCategory != done', (i) => isOpen(i));
    expectKeys('issuetype in standardIssueTypes()', (i) => i.typeId !== '10003');
  });

  it('OR/AND precedence gives the same result as the explicit grouping', () => {
    const a = run(`project = ${p0.key} OR project = ${p1.key} AND issuetype = Bug`);
    const b = run(`project = ${p0.key} OR (project = ${p1.key} AND issuetype = Bug)`);
    const c = run(`(project = ${p0.key} OR project = ${p1.key}) AND issuetype = Bug`);
    expect(a.keys).toEqual(b.keys);
    expect(a.keys).not.toEqual(c.keys);
  });

  it('handles labels, assignee, EMPTY and != like Jira (empty values never match !=)', () => {
    expectKeys('labels = security', (i) => i.labels.includes('security'));
    expectKeys('labels != security', (i) => i.labels.length > 0 && !i.labels.includes('security'));
    expectKeys('labels is EMPTY', (i) => i.labels.length === 0);
    expectKeys('assignee is EMPTY', (i) => i.assignee === null);
    expectKeys('assignee = currentUser()', (i) => i.assignee === 'sim-team', team);
    expectKeys(
      'assignee in (currentUser(), EMPTY)',
      (i) => i.assignee === 'sim-admin' || i.assignee === null,
    );
    expectKeys('assignee != "Tom Team"', (i) => i.assignee !== null && i.assignee !== 'sim-team');
    expectKeys('resolution = Unresolved', (i) => i.resolutionId === null);
    expectKeys('resolution != Unresolved', (i) => i.resolutionId !== null);
    expectKeys('NOT labels = security', (i) => !i.labels.includes('security'));
  });

  it('compares dates (absolute, relative, functions) and custom number fields', () => {
    const today = isoDate(NOW.getTime());
    expectKeys(
      'duedate < startOfDay() AND statusCategory != Done',
      (i) => i.duedate !== null && i.duedate < today && isOpen(i),
    );
    expectKeys('due >= "2026-03-02"', (i) => i.duedate !== null && i.duedate >= today);
    expectKeys(
      'duedate = 2026-03-10 OR duedate is EMPTY',
      (i) => i.duedate === '2026-03-10' || i.duedate === null,
    );
    expectKeys('created >= -30d', (i) => i.created >= NOW.getTime() - 30 * DAY_MS);
    expectKeys('updated < "2025/12/01 12:00"', (i) => i.updated < Date.UTC(2025, 11, 1, 12));
    expectKeys(
      'resolved >= startOfMonth(-2)',
      (i) => i.resolved !== null && i.resolved >= Date.UTC(2026, 0, 1),
    );
    expectKeys('cf[10016] = 5', (i) => i.storyPoints === 5);
    expectKeys('customfield_10016 in (1, 2)', (i) => i.storyPoints === 1 || i.storyPoints === 2);
    expectKeys('"Story Points" > 5', (i) => i.storyPoints !== null && i.storyPoints > 5);
    expectKeys(
      'cf[10301] >= 4 AND cf[10302] is not EMPTY',
      (i) => (i.riskProbability ?? 0) >= 4 && i.riskImpact !== null,
    );
    expectKeys('cf[10304] in (Owned, Accepted)', (i) => i.roamId === '10401' || i.roamId === '10402');
    expectKeys(
      `"Start date" <= "${today}"`,
      (i) => i.startDate !== null && dateToMs(i.startDate) <= dateToMs(today),
    );
  });

  it('matches issue properties by path', () => {
    const target = dataset.issues[5] as SimIssue;
    const other = dataset.issues[6] as SimIssue;
    state.properties.set(target.id, new Map([['pmoCompliance', { failing: true, violations: 3 }]]));
    state.properties.set(other.id, new Map([['pmoCompliance', { failing: false, violations: 0 }]]));
    try {
      expect(run('issue.property[pmoCompliance].failing = true').keys).toEqual([target.key]);
      expect(run('issue.property[pmoCompliance].failing = false').keys).toEqual([other.key]);
      expect(run('issue.property[pmoCompliance].failing is not EMPTY').keys.sort()).toEqual(
        [target.key, other.key].sort(),
      );
    } finally {
      state.properties.clear();
    }
  });

  it('searches only the properties the manifest declares, by their aliases and declared types', () => {
    const [failing, clean, many] = dataset.issues.slice(10, 13) as [SimIssue, SimIssue, SimIssue];
    const property = (violations: number, standards: string[]) => ({
      failing: violations > 0 ? 'true' : 'false',
      violations,
      blocking: 0,
      standards,
    });
    state.properties.set(failing.id, new Map([['pmoCompliance', property(2, ['dates'])]]));
    state.properties.set(clean.id, new Map([['pmoCompliance', property(0, [])]]));
    state.properties.set(many.id, new Map([['pmoCompliance', property(11, ['dates', 'raid'])]]));
    try {
      expect(run('pmoFailing = "true"').keys.sort()).toEqual([failing.key, many.key].sort());
      expect(run('pmofailing != true').keys).toEqual([clean.key]);
      // A number: range queries compare numbers (11 > 2, though "11" < "2" as text).
      expect(run('pmoViolations > 2').keys).toEqual([many.key]);
      expect(run('pmoViolations >= 2 AND pmoViolations <= 11').keys.sort()).toEqual(
        [failing.key, many.key].sort(),
      );
      expect(run('issue.property[pmoCompliance].violations < 1').keys).toEqual([clean.key]);
      expect(run('pmoViolations > many').errors).toEqual([
        "The value 'many' is not a valid number for the field 'pmoViolations'.",
      ]);
      // A string is matched exactly, never by range; `~` is for text-typed values.
      expect(run('pmoFailing > "a"').errors).toEqual([
        "The operator '>' is not supported by the 'pmoFailing' field.",
      ]);
      expect(run('pmoFailing ~ "true"').errors).toEqual([
        "The operator '~' is not supported by the 'pmoFailing' field.",
      ]);
      // `standards` and `blocking` are stored but not declared: Jira has not indexed them.
      expect(run('issue.property[pmoCompliance].standards = dates').keys).toEqual([]);
      expect(run('issue.property[pmoCompliance].blocking = 0').keys).toEqual([]);
      expect(run('pmoStandards = dates').errors[0]).toMatch(/Field 'pmoStandards' does not exist/);
    } finally {
      state.properties.clear();
    }
  });

  it('searches sprints, fix versions and components like Jira Software', () => {
    const { sprints, versions, components } = dataset;
    const sprintOf = (i: SimIssue) => sprints.find((s) => s.id === i.sprintId);
    const active = sprints.find((s) => s.state === 'active' && s.projectIdx === 0);
    if (!active) throw new Error('project 0 has no active sprint');
    expectKeys(`sprint = ${active.id}`, (i) => i.sprintId === active.id);
    expectKeys(`sprint = "${active.name.toLowerCase()}"`, (i) => i.sprintId === active.id);
    expectKeys('sprint in openSprints()', (i) => ['active', 'future'].includes(sprintOf(i)?.state ?? ''));
    expectKeys('sprint in closedSprints()', (i) => sprintOf(i)?.state === 'closed');
    expectKeys('sprint not in closedSprints()', (i) =>
      ['active', 'future'].includes(sprintOf(i)?.state ?? ''),
    );
    expectKeys('sprint is EMPTY', (i) => i.sprintId === null);
    // Done work sits in closed sprints and released versions.
    expect(run('sprint in openSprints() AND statusCategory = Done').keys).toEqual([]);
    expect(run('fixVersion in unreleasedVersions() AND statusCategory = Done').keys).toEqual([]);

    const released = versions.find((v) => v.projectIdx === 1 && v.released);
    if (!released) throw new Error('project 1 has no released version');
    expectKeys(`fixVersion = "${released.name}"`, (i) => i.fixVersionIds?.includes(released.id) === true);
    expectKeys(`fixVersion in releasedVersions(${p1.key})`, (i) =>
      (i.fixVersionIds ?? []).some((id) => versions.find((v) => v.id === id)?.released && i.projectIdx === 1),
    );
    const latest = versions.filter((v) => v.projectIdx === 1 && v.released).at(-1);
    expectKeys(`fixVersion in latestReleasedVersion(${p1.key})`, (i) =>
      latest ? i.fixVersionIds?.includes(latest.id) === true : false,
    );
    expectKeys('fixVersion is EMPTY', (i) => (i.fixVersionIds ?? []).length === 0);

    const backend = components.filter((c) => c.name === 'Backend').map((c) => c.id);
    expectKeys('component = backend', (i) => (i.componentIds ?? []).some((id) => backend.includes(id)));
    expectKeys('component in (Backend, "Data platform") AND component != Frontend', (i) => {
      const names = (i.componentIds ?? []).map((id) => components.find((c) => c.id === id)?.name);
      return names.some((n) => n === 'Backend' || n === 'Data platform') && !names.includes('Frontend');
    });
    expectKeys('component is EMPTY', (i) => (i.componentIds ?? []).length === 0);
    // The team browses three projects: a sprint of another project is unknown to them.
    const hiddenSprint = sprints.find((s) => s.projectIdx === 4);
    if (hiddenSprint) {
      expect(run(`sprint = "${hiddenSprint.name}"`, team).errors).toEqual([
        `The value '${hiddenSprint.name}' does not exist for the field 'sprint'.`,
      ]);
    }
    expect(run('fixVersion > "1.0"').errors[0]).toMatch(/not supported by the Jira simulator/);
    expect(run('sprint in releasedVersions()').errors[0]).toMatch(/is invalid for the field 'sprint'/);
  });

  it('finds words, stems, phrases and wildcards with text search', () => {
    const sample = dataset.issues[3] as SimIssue;
    const word = sample.summary.split(/\s+/).find((w) => /^[a-z]{5,}$/i.test(w)) ?? '';
    expect(word).not.toBe('');
    const hasWord = (text: string, w: string) =>
      text
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .includes(w.toLowerCase());
    expectKeys(`summary ~ "${word.toUpperCase()}"`, (i) => hasWord(i.summary, word));
    expectKeys(`summary !~ "${word}"`, (i) => !hasWord(i.summary, word));
    expectKeys(`summary ~ "${word.slice(0, 4)}*"`, (i) =>
      i.summary
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .some((w) => w.startsWith(word.slice(0, 4).toLowerCase())),
    );
    // The generated description names the project: `text` searches summary and description.
    expectKeys(`text ~ "raised" AND text ~ "${p0.name.split(' ')[0]}"`, (i) => i.projectIdx === 0);
    expect(run(`summary ~ "raised"`).keys).toEqual([]);
    // Every word must occur; a quoted phrase must occur in that order.
    const [first, second] = p0.name.split(' ');
    expectKeys(`description ~ "${second} ${first}"`, (i) => i.projectIdx === 0);
    expect(run(`description ~ "\\"${second} ${first}\\""`).keys).toEqual([]);
    expectKeys(`description ~ "\\"${first} ${second}\\""`, (i) => i.projectIdx === 0);
    expect(run('summary ~ "*ing"').errors[0]).toMatch(/not allowed to start with a wildcard/);
  });

  it('finds linked issues with linkedIssues(), optionally by link description', () => {
    const link = dataset.links.find((l) => l.typeId === dataset.linkTypes[0]?.id);
    if (!link) throw new Error('no link');
    const type = dataset.linkTypes.find((t) => t.id === link.typeId);
    const from = dataset.issues.find((i) => i.id === link.from) as SimIssue;
    const linkedTo = (id: number) =>
      dataset.links.filter((l) => l.from === id || l.to === id).map((l) => (l.from === id ? l.to : l.from));
    expectKeys(`issue in linkedIssues(${from.key})`, (i) => linkedTo(from.id).includes(i.id));
    expectKeys(`issue in linkedIssues(${from.key}, "${type?.outward}")`, (i) =>
      dataset.links.some((l) => l.from === from.id && l.to === i.id && l.typeId === link.typeId),
    );
    expectKeys(
      `issue not in linkedIssues(${from.key}) AND project = ${p0.key}`,
      (i) => i.projectIdx === 0 && !linkedTo(from.id).includes(i.id),
    );
    expect(run(`issue in linkedIssues(${from.key}, "is friends with")`).errors[0]).toMatch(
      /link type 'is friends with' could not be found/,
    );
    expect(run(`issue in linkedIssues(${p0.key}-99999)`).errors[0]).toMatch(/could not be found/);
  });

  it('orders by several fields, empty values last ascending', () => {
    const r = run(`project = ${p0.key} ORDER BY duedate ASC, key DESC`);
    const dues = r.hits.map((i) => i.duedate);
    const firstNull = dues.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    const nonNull = dues.slice(0, firstNull) as string[];
    expect([...nonNull].sort()).toEqual(nonNull);
    const byPriority = run(`project = ${p0.key} ORDER BY priority DESC`).hits.map((i) =>
      Number(i.priorityId),
    );
    expect([...byPriority].sort((a, b) => a - b)).toEqual(byPriority);
    const keys = run(`project = ${p0.key} ORDER BY key`).hits.map((i) => Number(i.key.split('-')[1]));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(run(`project = ${p0.key} ORDER BY Rank ASC`).keys).toEqual(
      run(`project = ${p0.key} ORDER BY key`).keys,
    );
    expect(run('rank = 1').errors[0]).toMatch(/not supported by the Jira simulator/);
  });

  it('reports unknown fields, unsupported operators, bad values and invisible projects', () => {
    expect(run('foo = bar').errors).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
    ]);
    expect(run('cf[99999] = 1').errors[0]).toMatch(/Field 'cf\[99999\]' does not exist/);
    expect(run('summary = "x"').errors[0]).toBe("The operator '=' is not supported by the 'summary' field.");
    expect(run('status ~ Done').errors[0]).toBe("The operator '~' is not supported by the 'status' field.");
    expect(run('status > Done').errors[0]).toBe("The operator '>' is not supported by the 'status' field.");
    expect(run('status in Done').errors[0]).toMatch(/does not support the non-list value 'Done'/);
    expect(run('status = Nope').errors).toEqual(["The value 'Nope' does not exist for the field 'status'."]);
    expect(run('created > "last tuesday"').errors[0]).toMatch(
      /^Date value 'last tuesday' for field 'created' is invalid/,
    );
    expect(run('assignee = membersOf("x")').errors[0]).toMatch(
      /Unable to find JQL function 'membersOf\("x"\)'/,
    );
    expect(run('labels = a ORDER BY labels').errors).toEqual(["Field 'labels' does not support sorting."]);
    expect(run(`project = ${p4.key}`, team).errors).toEqual([
      `The value '${p4.key}' does not exist for the field 'project'.`,
    ]);
    expect(run(`key = ${p0.key}-99999`).errors[0]).toMatch(/An issue with key/);
    expect(run('affectedVersion = 5').errors[0]).toMatch(/not supported by the Jira simulator/);
    expect(run('sprint = "No such sprint"').errors).toEqual([
      "The value 'No such sprint' does not exist for the field 'sprint'.",
    ]);
  });

  it('warn mode turns missing values into warnings; none skips validation', () => {
    const warn = run(`project = NOPE OR project = ${p0.key}`, admin, 'warn');
    expect(warn.errors).toEqual([]);
    expect(warn.warnings).toEqual(["The value 'NOPE' does not exist for the field 'project'."]);
    expect(run('foo = 1', admin, 'warn').errors).toHaveLength(1);
    expect(run('foo = 1', admin, 'none').errors).toEqual([]);
  });

  it('restricted issues are invisible to PMO, visible to the admin', () => {
    const restricted = dataset.issues.find((i) => i.securityLevelId !== null);
    if (!restricted) throw new Error('no restricted issue');
    expect(run(`key = ${restricted.key}`).keys).toEqual([restricted.key]);
    expect(run(`key = ${restricted.key}`, pmo).errors[0]).toMatch(/does not exist/);
  });

  it('narrows candidates from top-level project and key restrictions', () => {
    const r = run(`project in (${p0.key}, ${p1.key}) AND statusCategory != Done AND project = ${p1.key}`);
    expect([...(r.scopeProjects ?? [])]).toEqual([1]);
    expect(run(`key = ${p0.key}-1 OR status = Done`).scopeIssues).toBeNull();
    expect([
      ...(run(`key in (${p0.key}-1, ${p0.key}-2) AND labels is EMPTY`).scopeIssues ?? []),
    ]).toHaveLength(2);
  });

  // How fast belongs in `npm run bench`, not here: on a shared 2-core machine a time limit only flakes.
  it('evaluates a query over 100,000 issues', () => {
    const big = generateDataset({ seed: 9, projects: 100, issuesPerProject: 1000, now: NOW });
    const bigState = new SimState(big);
    const access = new Access(simUser('app'), bigState);
    const compiled = compileJql(
      parseJql(
        'statusCategory != Done AND (duedate < startOfDay() OR labels in (security, vendor)) ORDER BY duedate',
      ),
      {
        state: bigState,
        access,
        now: NOW.getTime(),
      },
    );
    const hits = big.issues.filter((i) => access.canSee(i) && compiled.predicate(i)).sort(compiled.compare);
    expect(hits.length).toBeGreaterThan(1000);
  });
});
