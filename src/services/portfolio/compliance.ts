import type { PmoConfig } from '../../domain/config/schema';
import { ComplianceAccumulator, type ComplianceReport } from '../../domain/standards/compliance-report';
import type { Ticks } from '../../domain/standards/evaluation';
import { standardsFieldIds, toIssueFacts } from '../standards/issue-facts';
import { evaluatorFor } from '../standards/issue-standards';
import type { StandardsSite } from '../standards/standards-site';
import type { ComplianceCollector } from './collect';

/** Standards evaluated alongside a portfolio collection: what the collector sees, what it found. */
export interface PortfolioCompliance {
  collector: ComplianceCollector;
  result(): ComplianceReport;
}

export function createPortfolioCompliance(
  config: PmoConfig,
  site: StandardsSite,
  ticksByIssueId: ReadonlyMap<string, Ticks>,
): PortfolioCompliance {
  const accumulator = new ComplianceAccumulator(
    evaluatorFor(config, site),
    config.standards,
    config.lifecycle,
  );
  return {
    collector: {
      fields: [...standardsFieldIds(config.standards, site.mapping), 'security'],
      observe(issue) {
        let facts: ReturnType<typeof toIssueFacts>;
        try {
          facts = toIssueFacts(issue, ticksByIssueId.get(issue.id) ?? {});
        } catch {
          return; // without status, type or project the engine reports it as a field problem
        }
        const restricted = issue.fields.security !== undefined && issue.fields.security !== null;
        const summary = !restricted && typeof issue.fields.summary === 'string' ? issue.fields.summary : null;
        accumulator.add(facts, summary);
      },
    },
    result: () => accumulator.result(),
  };
}
