import type { Lifecycle, Rule, RuleKind, Standard } from '@domain/standards/schema';
import { uniqueId } from '../draft/ids';

/** The kinds of rule, in the words of the editor. */
export const RULE_KINDS: { kind: RuleKind; label: string; help: string }[] = [
  {
    kind: 'requiredFields',
    label: 'Required fields',
    help: 'Fields that must be filled in, e.g. a due date and an estimate once work starts.',
  },
  {
    kind: 'fieldCondition',
    label: 'Field condition',
    help: 'A field must hold an allowed value, a number in a range, or text of a given form.',
  },
  {
    kind: 'gateChecklist',
    label: 'Gate checklist',
    help: 'Items to tick in the issue panel before the issue may enter a lifecycle stage.',
  },
  {
    kind: 'noOpenBlockers',
    label: 'No open blockers',
    help: 'The issue may not be in (or move to) these statuses while an unresolved issue blocks it.',
  },
  {
    kind: 'requiredLink',
    label: 'Required link',
    help: 'The issue must be linked to another, e.g. a risk to its mitigation.',
  },
];

export function ruleKindLabel(kind: RuleKind): string {
  return RULE_KINDS.find((entry) => entry.kind === kind)?.label ?? kind;
}

/**
 * A new rule of `kind`, with an id unique in its standard. Lists a rule needs at least one of start
 * empty on purpose: validation asks the admin to fill them, instead of saving a guess.
 */
export function newRule(kind: RuleKind, standard: Standard, lifecycle: Lifecycle): Rule {
  const id = uniqueId(
    ruleKindLabel(kind),
    standard.rules.map((rule) => rule.id),
    'rule',
  );
  const firstStage = lifecycle.stages[0]?.id ?? '';
  switch (kind) {
    case 'requiredFields':
      return { id, kind, fields: [], when: {} };
    case 'fieldCondition':
      return {
        id,
        kind,
        field: { kind: 'field', id: 'duedate', name: 'Due date' },
        condition: { op: 'notEmpty' },
        required: true,
        when: {},
      };
    case 'gateChecklist':
      return { id, kind, stage: firstStage, items: [] };
    case 'noOpenBlockers':
      return { id, kind, when: { statusCategories: ['done'] } };
    case 'requiredLink':
      return { id, kind, linkTypes: [], description: '', when: {} };
  }
}

/** A new standard in `warn` mode (guidance only) with one required-fields rule to fill in. */
export function newStandard(existing: readonly Standard[], lifecycle: Lifecycle): Standard {
  const id = uniqueId(
    'new-standard',
    existing.map((standard) => standard.id),
    'standard',
  );
  const shell: Standard = {
    id,
    name: 'New standard',
    description: '',
    mode: 'warn',
    scope: {},
    rules: [],
    onError: 'open',
  };
  return { ...shell, rules: [newRule('requiredFields', shell, lifecycle)] };
}

/** A copy of `standard` under a new id, switched off so it does nothing until reviewed. */
export function duplicateStandard(standard: Standard, existing: readonly Standard[]): Standard {
  return {
    ...structuredClone(standard),
    id: uniqueId(
      `${standard.id}-copy`,
      existing.map((other) => other.id),
      'standard',
    ),
    name: `${standard.name} (copy)`,
    mode: 'off',
  };
}

/** `items` with the item at `from` moved by `delta` places (clamped). */
export function move<T>(items: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, from + delta));
  if (to === from) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** `items` with the item at `index` replaced. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
