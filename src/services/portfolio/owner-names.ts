import type { PortfolioReport } from '../../domain/portfolio';
import type { AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';

type Named = Pick<PortfolioReport, 'risks' | 'raid'>;

/**
 * The report's risk and RAID owners with their display names next to their account ids (owners are
 * stored by id in the snapshot; names are resolved at view time, cached per site).
 */
export async function withOwnerNames<T extends Named>(
  deps: Pick<AppDeps, 'jira' | 'now' | 'logger'>,
  installation: string,
  report: T,
): Promise<T> {
  const logs = [report.raid.assumptions, report.raid.decisions, report.raid.issues];
  const owners = [...report.risks, ...logs.flat()].flatMap((entry) =>
    entry.owner === null ? [] : [entry.owner],
  );
  const names = await userNames(deps, installation, owners);
  const named = <E extends { owner: string | null }>(entry: E) => ({
    ...entry,
    ownerName: nameOf(names, entry.owner),
  });
  return {
    ...report,
    risks: report.risks.map(named),
    raid: {
      assumptions: report.raid.assumptions.map(named),
      decisions: report.raid.decisions.map(named),
      issues: report.raid.issues.map(named),
    },
  };
}
