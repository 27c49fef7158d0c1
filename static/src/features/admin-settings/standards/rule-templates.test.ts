import { defaultPmoConfig } from '@domain/config/schema';
import { StandardSchema } from '@domain/standards/schema';
import { slugify, uniqueId } from '../draft/ids';
import { duplicateStandard, move, newRule, newStandard, RULE_KINDS } from './rule-templates';

const { lifecycle, standards } = defaultPmoConfig;

describe('ids', () => {
  it('makes slugs the schema accepts', () => {
    expect(slugify('  Ready for Délivery! ')).toBe('ready-for-delivery');
    expect(slugify('***')).toBe('');
    expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(59);
  });

  it('adds a number when the id is taken', () => {
    expect(uniqueId('Gate', [])).toBe('gate');
    expect(uniqueId('Gate', ['gate', 'gate-2'])).toBe('gate-3');
    expect(uniqueId('!!', [], 'rule')).toBe('rule');
  });
});

describe('rule templates', () => {
  it('gives each new rule a fresh id', () => {
    const standard = standards[0];
    if (!standard) throw new Error('no default standard');
    for (const { kind } of RULE_KINDS) {
      const rule = newRule(kind, standard, lifecycle);
      expect(rule.kind).toBe(kind);
      expect(standard.rules.map((r) => r.id)).not.toContain(rule.id);
    }
  });

  it('a new rule that needs nothing from the admin is valid as it is', () => {
    const standard = newStandard(standards, lifecycle);
    const ready = newRule('noOpenBlockers', standard, lifecycle);
    expect(StandardSchema.safeParse({ ...standard, rules: [ready] }).success).toBe(true);
    // A required-fields rule starts without fields: validation asks for one.
    expect(StandardSchema.safeParse(standard).success).toBe(false);
    expect(standards.map((s) => s.id)).not.toContain(standard.id);
  });

  it('a duplicate is switched off and has its own id', () => {
    const original = standards[0];
    if (!original) throw new Error('no default standard');
    const copy = duplicateStandard(original, standards);
    expect(copy.mode).toBe('off');
    expect(copy.id).toBe(`${original.id}-copy`);
    expect(copy.rules).toEqual(original.rules);
    expect(copy.rules).not.toBe(original.rules);
  });

  it('moves within bounds', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
  });
});
