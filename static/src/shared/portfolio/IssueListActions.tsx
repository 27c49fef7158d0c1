import type { ReactNode } from 'react';
import { CsvExportButton } from '../csv/CsvExportButton';
import { OpenInJiraLink } from '../ui/OpenInJiraLink';

type Props = {
  /** The listed issues, in the order shown (all pages): what "Open in Jira" searches and the CSV counts. */
  issues: readonly { key: string }[];
  /** What a row is, in the singular ("risk", "gated issue"), for the export button's accessible name. */
  noun: string;
  build: () => { filename: string; csv: string };
  /** Names the two controls' test ids: `open-in-jira-<list>` and `csv-export-<list>`. */
  list: string;
  /** Controls that stand before the two (a toggle that narrows the list). */
  children?: ReactNode;
};

/** The actions of an issue list in a portfolio view: open the listed issues in Jira, export them as CSV. */
export function IssueListActions({ issues, noun, build, list, children }: Props) {
  const issueKeys = issues.map((issue) => issue.key);
  return (
    <div className="pmo-page-header__actions">
      {children}
      <OpenInJiraLink issueKeys={issueKeys} testId={`open-in-jira-${list}`} />
      <CsvExportButton noun={noun} rowCount={issueKeys.length} build={build} testId={`csv-export-${list}`} />
    </div>
  );
}
