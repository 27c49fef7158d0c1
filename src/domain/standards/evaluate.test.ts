import fc from 'fast-check';
import { defaultPmoConfig } from '../config/schema';
import type { StatusRef } from '../model';
import { createEvaluator, evaluate } from './evaluate';
import type { EvaluationContext, IssueFacts } from './evaluation';
import { type Standard, type StandardInput, StandardSchema } from './schema';

const ctx: EvaluationContext = {
  lifecycle: defaultPmoConfig.lifecycle,
  fieldMapping: { storyPoints: 'customfield_10016', riskOwner: 'customfield_10303' },
  blockingLinks: defaultPmoConfig.engine.blockingLinks,
  fieldNames: { customfield_10016: 'Story Points' },
};

const IN_PROGRESS: StatusRef = { name: 'In Progress', category: 'indeterminate' };
const TO_DO: StatusRef = { name: 'To Do', category: 'new' };
const DONE: StatusRef = { name: 'Done', category: 'done' };

function issue(overrides: Partial<IssueFacts> = {}): IssueFacts {
  return {
    key: 'ABC-1',
    projectKey: 'ABC',
    projectCategoryId: '10000',
    issueType: 'Story',
    status: TO_DO,
    fields: {},
    links: [],
    ticks: {},
    ...overrides,
  };
}

function standard(input: Partial<StandardInput> & Pick<StandardInput, 'rules'>): Standard {
  return StandardSchema.parse({ id: 'std', name: 'Test standard', mode: 'enforce', ...input });
}

/** A standard whose one rule requires the fields given as [id, name]. */
function requiring(ruleId: string, fields: [string, string][]): Standard {
  return standard({
    rules: [
      {
        id: ruleId,
        kind: 'requiredFields',
        fields: fields.map(([id, name]) => ({ kind: 'field' as const, id, name })),
      },
    ],
  });
}

const dueAndPoints = standard({
  id: 'ready',
  name: 'Ready for delivery',
  rules: [
    {
      id: 'dated',
      kind: 'requiredFields',
      fields: [
        { kind: 'field', id: 'duedate', name: 'Due date' },
        { kind: 'role', role: 'storyPoints' },
      ],
      when: { fromStage: 'execution' },
    },
  ],
});

describe('required fields', () => {
  it('are not required before the stage they apply from', () => {
    expect(evaluate(issue(), [dueAndPoints], ctx).violations).toEqual([]);
  });

  it('are listed with their names when a transition would enter the stage', () => {
    const result = evaluate(issue(), [dueAndPoints], ctx, IN_PROGRESS);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatchObject({
      standardId: 'ready',
      mode: 'enforce',
      ruleId: 'dated',
      fields: [
        { id: 'duedate', name: 'Due date' },
        { id: 'customfield_10016', name: 'Story Points' },
      ],
      message: 'Due date and Story Points are required from the Execution stage.',
    });
  });

  it('names only the fields still missing', () => {
    const partlyFilled = issue({
      status: IN_PROGRESS,
      fields: { duedate: '2026-12-01', customfield_10016: null },
    });
    const [violation] = evaluate(partlyFilled, [dueAndPoints], ctx).violations;
    expect(violation?.fields.map((field) => field.id)).toEqual(['customfield_10016']);
    expect(violation?.message).toBe('Story Points is required from the Execution stage.');
  });

  it('treat blank text, empty arrays and empty rich text as missing, and zero as filled', () => {
    const rule = requiring('filled', [
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
      ['d', 'D'],
    ]);
    const emptyDoc = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [] }] };
    const result = evaluate(issue({ fields: { a: '  ', b: [], c: emptyDoc, d: 0 } }), [rule], ctx);
    expect(result.violations[0]?.fields.map((field) => field.id)).toEqual(['a', 'b', 'c']);
  });

  it('report an unmapped role as a problem and check the other fields', () => {
    const unmapped: EvaluationContext = { ...ctx, fieldMapping: {} };
    const result = evaluate(issue({ status: IN_PROGRESS }), [dueAndPoints], unmapped);
    expect(result.problems).toEqual([
      expect.objectContaining({
        standardId: 'ready',
        ruleId: 'dated',
        message: expect.stringContaining('Story points'),
      }),
    ]);
    expect(result.violations[0]?.fields.map((field) => field.id)).toEqual(['duedate']);
  });
});

describe('scope and mode', () => {
  it('skips standards that are off and issues outside the scope', () => {
    const scoped = standard({
      id: 'risks',
      scope: { issueTypes: ['risk'], projectKeys: ['ABC'] },
      rules: [{ id: 'owner', kind: 'requiredFields', fields: [{ kind: 'role', role: 'riskOwner' }] }],
    });
    const off = { ...scoped, id: 'off', mode: 'off' as const };
    expect(evaluate(issue({ issueType: 'Risk' }), [scoped, off], ctx).applicable.map((s) => s.id)).toEqual([
      'risks',
    ]);
    expect(evaluate(issue({ issueType: 'Story' }), [scoped], ctx).applicable).toEqual([]);
    expect(evaluate(issue({ issueType: 'Risk', projectKey: 'XYZ' }), [scoped], ctx).applicable).toEqual([]);
  });

  it('matches project categories', () => {
    const byCategory = standard({
      scope: { categoryIds: ['10001'] },
      rules: [
        { id: 'r', kind: 'requiredFields', fields: [{ kind: 'field', id: 'duedate', name: 'Due date' }] },
      ],
    });
    expect(evaluate(issue({ projectCategoryId: '10001' }), [byCategory], ctx).violations).toHaveLength(1);
    expect(evaluate(issue({ projectCategoryId: null }), [byCategory], ctx).violations).toHaveLength(0);
  });
});

describe('field conditions', () => {
  const condition = (cond: object, required = false) =>
    standard({
      rules: [
        {
          id: 'cond',
          kind: 'fieldCondition',
          field: { kind: 'field', id: 'f', name: 'Budget code' },
          condition: cond as never,
          required,
        },
      ],
    });

  it('one of: passes for listed option values, fails for others', () => {
    const std = condition({ op: 'oneOf', values: ['Capex', 'Opex'] });
    expect(evaluate(issue({ fields: { f: { value: 'capex' } } }), [std], ctx).violations).toEqual([]);
    expect(evaluate(issue({ fields: { f: { value: 'Other' } } }), [std], ctx).violations[0]?.message).toBe(
      'Budget code must be Capex or Opex.',
    );
  });

  it('range: checks numbers and says when the value is not one', () => {
    const std = condition({ op: 'range', min: 1, max: 13 });
    expect(evaluate(issue({ fields: { f: 8 } }), [std], ctx).violations).toEqual([]);
    expect(evaluate(issue({ fields: { f: 21 } }), [std], ctx).violations[0]?.message).toBe(
      'Budget code must be between 1 and 13.',
    );
    expect(evaluate(issue({ fields: { f: 'lots' } }), [std], ctx).violations[0]?.message).toBe(
      'Budget code must be a number.',
    );
  });

  it('pattern: uses the description in the message', () => {
    const std = condition({
      op: 'pattern',
      pattern: '^CHG-\\d+$',
      description: 'a change ticket like CHG-12',
    });
    expect(evaluate(issue({ fields: { f: 'CHG-42' } }), [std], ctx).violations).toEqual([]);
    expect(evaluate(issue({ fields: { f: 'later' } }), [std], ctx).violations[0]?.message).toBe(
      'Budget code must be a change ticket like CHG-12.',
    );
  });

  it('pattern: a catastrophic pattern like ^(a+)+$ is evaluated in linear time, with the right answer', () => {
    const std = condition({ op: 'pattern', pattern: '^(a+)+$', description: 'only the letter a' });
    // With a backtracking engine this input takes 2^30 steps (41.8 s in the red-team run).
    const hostile = `${'a'.repeat(30)}!`;
    expect(evaluate(issue({ fields: { f: hostile } }), [std], ctx).violations[0]?.message).toBe(
      'Budget code must be only the letter a.',
    );
    expect(evaluate(issue({ fields: { f: 'a'.repeat(30) } }), [std], ctx).violations).toEqual([]);
  });

  it('an empty value passes unless the condition makes the field required', () => {
    expect(evaluate(issue(), [condition({ op: 'oneOf', values: ['A'] })], ctx).violations).toEqual([]);
    expect(
      evaluate(issue(), [condition({ op: 'oneOf', values: ['A'] }, true)], ctx).violations[0]?.message,
    ).toBe('Budget code is required.');
  });
});

describe('gate checklists', () => {
  const gates = standard({
    id: 'gates',
    scope: { issueTypes: ['Epic'] },
    rules: [
      {
        id: 'exec-gate',
        kind: 'gateChecklist',
        stage: 'execution',
        items: [
          { id: 'scope', text: 'Scope agreed', mandatory: true },
          { id: 'estimate', text: 'Estimate reviewed', mandatory: true },
          { id: 'risks', text: 'Risks logged', mandatory: false },
        ],
      },
    ],
  });
  const epic = (ticks: IssueFacts['ticks'] = {}) => issue({ issueType: 'Epic', ticks });
  const tick = { by: 'u1', at: '2026-11-01T00:00:00Z' };

  it('block entering the stage until every mandatory item is ticked', () => {
    const [violation] = evaluate(
      epic({ 'exec-gate': { scope: tick } }),
      [gates],
      ctx,
      IN_PROGRESS,
    ).violations;
    expect(violation?.items).toEqual([{ id: 'estimate', text: 'Estimate reviewed' }]);
    expect(violation?.message).toBe('The Execution gate needs “Estimate reviewed” ticked.');
    const ready = epic({ 'exec-gate': { scope: tick, estimate: tick } });
    expect(evaluate(ready, [gates], ctx, IN_PROGRESS).violations).toEqual([]);
  });

  it('do not apply before the stage, and still apply in later stages', () => {
    expect(evaluate(epic(), [gates], ctx, TO_DO).violations).toEqual([]);
    expect(evaluate(epic(), [gates], ctx, DONE).violations).toHaveLength(1);
  });

  it('guard entering their stage only: a transition from within the stage, onwards or back is not held (#14.5)', () => {
    const inProgress = issue({ issueType: 'Epic', status: IN_PROGRESS });
    const inReview = { name: 'In Review', category: 'indeterminate' } as const;
    const blocked = { name: 'Blocked', category: 'indeterminate' } as const;
    for (const target of [inReview, blocked, DONE, TO_DO]) {
      expect(evaluate(inProgress, [gates], ctx, target).violations).toEqual([]);
    }
    // Evaluated where it stands, the epic that skipped the gate is still out of compliance.
    expect(evaluate(inProgress, [gates], ctx).violations).toHaveLength(1);
    // From before the stage, jumping past it is still held.
    expect(evaluate(epic(), [gates], ctx, blocked).violations).toHaveLength(1);
  });

  it('report a gate for a stage the lifecycle does not have, without crashing', () => {
    const lifecycle = { stages: ctx.lifecycle.stages.filter((stage) => stage.id !== 'execution') };
    const result = evaluate(epic(), [gates], { ...ctx, lifecycle }, IN_PROGRESS);
    expect(result.violations).toEqual([]);
    expect(result.problems[0]?.message).toContain('"execution"');
  });
});

describe('ids that name members of Object.prototype', () => {
  it('a gate item called constructor counts as unticked until ticked, so an enforced gate blocks', () => {
    const gate = standard({
      rules: [
        {
          id: 'constructor',
          kind: 'gateChecklist',
          stage: 'execution',
          items: [{ id: 'constructor', text: 'Sponsor named', mandatory: true }],
        },
      ],
    });
    const [violation] = evaluate(issue(), [gate], ctx, IN_PROGRESS).violations;
    expect(violation?.items).toEqual([{ id: 'constructor', text: 'Sponsor named' }]);
    const ticked = issue({
      ticks: { constructor: { constructor: { by: 'u1', at: '2026-11-01T00:00:00Z' } } },
    });
    expect(evaluate(ticked, [gate], ctx, IN_PROGRESS).violations).toEqual([]);
  });

  it('a required field with an id like toString or constructor is missing when the issue lacks it', () => {
    const required = requiring('odd-fields', [
      ['toString', 'To string'],
      ['constructor', 'Constructor'],
    ]);
    const [violation] = evaluate(issue(), [required], ctx).violations;
    expect(violation?.fields.map((field) => field.id)).toEqual(['toString', 'constructor']);
  });
});

describe('link rules', () => {
  const finish = standard({
    rules: [{ id: 'unblocked', kind: 'noOpenBlockers', when: { statusCategories: ['done'] } }],
  });

  it('cannot move to Done while an unresolved issue blocks it', () => {
    const blocked = issue({
      links: [
        { type: 'Blocks', direction: 'inward', otherKey: 'XYZ-9', otherStatusCategory: 'indeterminate' },
        { type: 'Blocks', direction: 'outward', otherKey: 'XYZ-10', otherStatusCategory: 'new' },
        { type: 'Blocks', direction: 'inward', otherKey: 'XYZ-11', otherStatusCategory: 'done' },
      ],
    });
    const [violation] = evaluate(blocked, [finish], ctx, DONE).violations;
    // XYZ-10 is blocked BY this issue; XYZ-11 is resolved: only XYZ-9 blocks.
    expect(violation?.blockers).toEqual(['XYZ-9']);
    expect(violation?.message).toBe('Blocked by unresolved issue XYZ-9.');
    expect(evaluate(blocked, [finish], ctx, IN_PROGRESS).violations).toEqual([]);
  });

  it('a risk needs a mitigation link before it is closed', () => {
    const mitigation = standard({
      rules: [
        {
          id: 'mitigated',
          kind: 'requiredLink',
          linkTypes: ['Relates'],
          description: 'a mitigation issue',
          when: { statusCategories: ['done'] },
        },
      ],
    });
    const risk = issue({ issueType: 'Risk' });
    expect(evaluate(risk, [mitigation], ctx, DONE).violations[0]?.message).toBe(
      'Needs a link to a mitigation issue when done (Relates).',
    );
    const linked = {
      ...risk,
      links: [{ type: 'relates', direction: 'outward' as const, otherKey: 'M-1', otherStatusCategory: null }],
    };
    expect(evaluate(linked, [mitigation], ctx, DONE).violations).toEqual([]);
  });
});

describe('default standards', () => {
  it('parse, name no unknown stage, and find the gaps of a bare story in progress', () => {
    const evaluator = createEvaluator(defaultPmoConfig.standards, {
      ...ctx,
      fieldMapping: {
        storyPoints: 'customfield_10016',
        riskOwner: 'customfield_10303',
        riskProbability: 'customfield_10301',
        riskImpact: 'customfield_10302',
      },
    });
    expect(evaluator.problems).toEqual([]);
    const result = evaluator.evaluate(issue({ status: IN_PROGRESS }));
    expect(result.violations.map((violation) => violation.ruleId).sort()).toEqual([
      'dated-and-estimated',
      'has-assignee',
    ]);
    expect(result.violations.every((violation) => violation.mode === 'warn')).toBe(true);
  });
});

describe('properties', () => {
  const fieldIds = ['duedate', 'customfield_10016', 'labels', 'assignee', 'customfield_1'];
  const value = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -5, max: 30 }),
    fc.constantFrom({ value: 'Capex' }, { value: 'Opex' }, []),
  );
  const statusArb = fc.constantFrom<StatusRef>(TO_DO, IN_PROGRESS, DONE, {
    name: 'Backlog',
    category: 'new',
  });
  const issueArb = fc.record({
    fields: fc.dictionary(fc.constantFrom(...fieldIds), value),
    status: statusArb,
    issueType: fc.constantFrom('Story', 'Epic', 'Risk'),
  });
  const standards = [
    ...defaultPmoConfig.standards,
    dueAndPoints,
    standard({
      id: 'cond',
      rules: [
        {
          id: 'budget',
          kind: 'fieldCondition',
          field: { kind: 'field', id: 'customfield_1', name: 'Budget' },
          condition: { op: 'oneOf', values: ['Capex', 'Opex'] },
          required: true,
        },
      ],
    }),
  ];

  it('the order of standards and rules does not change the result', () => {
    fc.assert(
      fc.property(issueArb, fc.option(statusArb, { nil: undefined }), (facts, next) => {
        const subject = issue(facts);
        const shuffled = [...standards].reverse().map((std) => ({ ...std, rules: [...std.rules].reverse() }));
        expect(evaluate(subject, shuffled, ctx, next)).toEqual(evaluate(subject, standards, ctx, next));
      }),
    );
  });

  it('an issue that satisfies a rule keeps satisfying it when unrelated fields change', () => {
    fc.assert(
      fc.property(issueArb, value, fc.string({ minLength: 1, maxLength: 6 }), (facts, newValue, suffix) => {
        const subject = issue(facts);
        const before = evaluate(subject, standards, ctx);
        const unrelated = `customfield_9${suffix.replace(/\W/g, '0')}`;
        const changed = { ...subject, fields: { ...subject.fields, [unrelated]: newValue } };
        expect(evaluate(changed, standards, ctx)).toEqual(before);
      }),
    );
  });

  it('filling a missing required field removes it from the violations and adds none', () => {
    fc.assert(
      fc.property(issueArb, (facts) => {
        const subject = issue({ ...facts, status: IN_PROGRESS });
        const filled = { ...subject, fields: { ...subject.fields, duedate: '2027-01-31' } };
        const after = evaluate(filled, [dueAndPoints], ctx).violations.flatMap((v) =>
          v.fields.map((f) => f.id),
        );
        expect(after).not.toContain('duedate');
        const before = evaluate(subject, [dueAndPoints], ctx).violations.flatMap((v) =>
          v.fields.map((f) => f.id),
        );
        expect(after.every((id) => before.includes(id))).toBe(true);
      }),
    );
  });
});

describe('speed', () => {
  it('evaluates 100,000 issues with a compiled evaluator without per-issue setup', () => {
    // Correctness at volume (the timing lives in the benchmark): every generated story in progress
    // without points is flagged, and no other.
    const evaluator = createEvaluator(defaultPmoConfig.standards, ctx);
    let flagged = 0;
    for (let index = 0; index < 100_000; index++) {
      const facts = issue({
        key: `ABC-${index}`,
        status: IN_PROGRESS,
        fields: {
          duedate: '2027-01-01',
          assignee: { accountId: 'u' },
          customfield_10016: index % 2 === 0 ? 3 : null,
        },
      });
      if (evaluator.evaluate(facts).violations.length > 0) flagged++;
    }
    expect(flagged).toBe(50_000);
  });
});
