import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { RaidLogEntry, RiskLevel, Roam } from '@domain/risks/raid';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';
import type { TableColumn } from '../../shared/ui/table/ColumnTable';
import { formatDay, isOverdue, LEVEL_LABEL, type LogColumn, ownerLabel, ROAM_LABEL } from './raid-model';

/** Pieces shared by the register and the logs. Jira text is always rendered as text. */

export const LEVEL_APPEARANCE: Record<RiskLevel, ThemeAppearance> = {
  high: 'removed',
  medium: 'moved',
  low: 'success',
};

export function RaidKeyLink({ issueKey }: { issueKey: string }) {
  return <IssueKeyLink issueKey={issueKey} className="pmo-raid-key" testId={`raid-link-${issueKey}`} />;
}

export function SummaryText({ summary }: { summary: string | null }) {
  if (summary === null) {
    return (
      <span className="pmo-subtle" title="This issue has an issue security level">
        Summary hidden
      </span>
    );
  }
  return <span className="pmo-raid-summary">{summary}</span>;
}

export function ProjectName({
  projectKey,
  names,
}: {
  projectKey: string;
  names: ReadonlyMap<string, string>;
}) {
  return <span title={projectKey}>{names.get(projectKey) ?? projectKey}</span>;
}

export function StatusText({ status, open }: { status: string; open: boolean }) {
  return <span className={open ? undefined : 'pmo-subtle'}>{status}</span>;
}

/** The owner's display name (never the raw account id, which stays in the CSV export). */
export function OwnerText({
  entry,
}: {
  entry: { owner: string | null; ownerName?: string | null | undefined };
}) {
  const label = ownerLabel(entry);
  if (label === null) return <span className="pmo-subtle">Unassigned</span>;
  return <span className="pmo-raid-owner">{label}</span>;
}

export function LevelLozenge({ level }: { level: RiskLevel }) {
  return <Lozenge appearance={LEVEL_APPEARANCE[level]}>{LEVEL_LABEL[level]}</Lozenge>;
}

export function RoamText({ roam }: { roam: Roam }) {
  return <span className={roam === 'unroamed' ? 'pmo-raid-unroamed' : undefined}>{ROAM_LABEL[roam]}</span>;
}

export function DueDate({ entry, asOf }: { entry: { open: boolean; due: string | null }; asOf: string }) {
  if (entry.due === null) return <span className="pmo-subtle">—</span>;
  const overdue = isOverdue(entry, asOf);
  return (
    <span className={overdue ? 'pmo-raid-due pmo-raid-due--overdue' : 'pmo-raid-due'}>
      <time dateTime={entry.due}>{formatDay(entry.due)}</time>
      {overdue ? <span className="pmo-raid-overdue">Overdue</span> : null}
    </span>
  );
}

/** What the RAID tables' cells need besides the entry. */
export type RaidCellContext = { names: ReadonlyMap<string, string>; asOf: string };

type RaidColumn = TableColumn<RaidLogEntry, RaidCellContext, LogColumn>;

/** The columns the risk register and the logs share; each table sets their widths (percent). */
export function sharedRaidColumns(widths: Record<LogColumn, number>): Record<LogColumn, RaidColumn> {
  return {
    key: {
      key: 'key',
      head: 'Key',
      width: widths.key,
      cell: (entry) => <RaidKeyLink issueKey={entry.key} />,
    },
    summary: {
      key: 'summary',
      head: 'Summary',
      width: widths.summary,
      cell: (entry) => <SummaryText summary={entry.summary} />,
    },
    project: {
      key: 'project',
      head: 'Project',
      width: widths.project,
      cell: (entry, { names }) => <ProjectName projectKey={entry.projectKey} names={names} />,
    },
    status: {
      key: 'status',
      head: 'Status',
      width: widths.status,
      cell: (entry) => <StatusText status={entry.status} open={entry.open} />,
    },
    owner: { key: 'owner', head: 'Owner', width: widths.owner, cell: (entry) => <OwnerText entry={entry} /> },
    due: {
      key: 'due',
      head: 'Due',
      width: widths.due,
      cell: (entry, { asOf }) => <DueDate entry={entry} asOf={asOf} />,
    },
  };
}
