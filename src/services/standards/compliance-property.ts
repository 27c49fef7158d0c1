import type { Evaluation } from '../../domain/standards/evaluation';

/** The issue entity property that makes compliance searchable in JQL (declared in manifest.yml). */
export const COMPLIANCE_PROPERTY_KEY = 'pmoCompliance';

/**
 * The property's value. `failing` is indexed as a string ("true"/"false"), so JQL reads
 * `issue.property[pmoCompliance].failing = "true"` or, with the alias, `pmoFailing = "true"`.
 */
export interface ComplianceProperty {
  failing: 'true' | 'false';
  violations: number;
  blocking: number;
  standards: string[];
  configVersion: number;
  evaluatedAt: string;
}

export function compliancePropertyOf(
  evaluation: Evaluation,
  configVersion: number,
  now: Date,
): ComplianceProperty {
  const failingStandards = [
    ...new Set(evaluation.violations.map((violation) => violation.standardId)),
  ].sort();
  return {
    failing: evaluation.violations.length > 0 ? 'true' : 'false',
    violations: evaluation.violations.length,
    blocking: evaluation.violations.filter((violation) => violation.mode === 'enforce').length,
    standards: failingStandards,
    configVersion,
    evaluatedAt: now.toISOString(),
  };
}
