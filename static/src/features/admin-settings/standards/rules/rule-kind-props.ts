import type { Rule } from '@domain/standards/schema';
import type { ProblemPath, Problems } from '../../draft/validation';

/** What every rule-kind editor gets: its rule, where it sits (for problems), and how to change it. */
export type RuleKindProps<K extends Rule['kind']> = {
  rule: Extract<Rule, { kind: K }>;
  onChange: (rule: Rule) => void;
  path: ProblemPath;
  testId: string;
  problems: Problems;
};
