import type { Lifecycle, Rule } from '@domain/standards/schema';
import type { SiteCatalog } from '../../catalog';
import type { ProblemPath, Problems } from '../../draft/validation';

/** What the settings of a rule are edited with: Jira's lists, the lifecycle, problems, read-only. */
export type RuleContext = {
  onChange: (rule: Rule) => void;
  /** Path of the rule in the configuration, for its problems. */
  path: ProblemPath;
  testId: string;
  problems: Problems;
  catalog: SiteCatalog;
  lifecycle: Lifecycle;
  readOnly: boolean;
};

/** What every rule-kind editor gets: its rule and the context it is edited in. */
export type RuleKindProps<K extends Rule['kind']> = RuleContext & { rule: Extract<Rule, { kind: K }> };
