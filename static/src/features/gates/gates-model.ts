import type { CsvColumn } from '../../shared/csv/csv';
import type { ComplianceReport } from '../../shared/portfolio/report-helpers';

export type GateEntry = ComplianceReport['gates'][number];
export type NextGate = NonNullable<GateEntry['nextGate']>;

/**
 * Where a gated issue stands: `missed` when it is at or past a gate without its mandatory ticks (the
 * issues the compliance page counts as violating the gate standard), else with its next gate.
 */
export type Readiness = 'missed' | 'ready' | 'not-ready' | 'none';

export function readinessOf(gate: GateEntry): Readiness {
  if (gate.missedGates.length > 0) return 'missed';
  if (gate.nextGate === null) return 'none';
  return gate.nextGate.ready ? 'ready' : 'not-ready';
}

/** Needs the PMO's attention: a gate was passed unticked, or the next one is not ready. */
export function needsAttention(gate: GateEntry): boolean {
  const readiness = readinessOf(gate);
  return readiness === 'missed' || readiness === 'not-ready';
}

/** Ticked mandatory items as a percentage of the mandatory items (100 when none is mandatory). */
export function readinessPercent(next: Pick<NextGate, 'ticked' | 'mandatory'>): number {
  if (next.mandatory <= 0) return 100;
  return Math.round((Math.min(next.ticked, next.mandatory) * 100) / next.mandatory);
}

export interface GateGroup {
  projectKey: string;
  projectName: string;
  gates: GateEntry[];
  ready: number;
}

/**
 * Gated issues grouped by project (projects by name, issues in the report's key order); with
 * `onlyNotReady`, only those whose next gate is not ready yet, and no empty groups.
 */
export function groupGates(
  gates: readonly GateEntry[],
  names: ReadonlyMap<string, string>,
  onlyNotReady: boolean,
): GateGroup[] {
  const groups = new Map<string, GateGroup>();
  for (const gate of gates) {
    if (onlyNotReady && !needsAttention(gate)) continue;
    let group = groups.get(gate.projectKey);
    if (group === undefined) {
      group = {
        projectKey: gate.projectKey,
        projectName: names.get(gate.projectKey) ?? gate.projectKey,
        gates: [],
        ready: 0,
      };
      groups.set(gate.projectKey, group);
    }
    group.gates.push(gate);
    if (readinessOf(gate) === 'ready') group.ready++;
  }
  return [...groups.values()].sort(
    (a, b) => a.projectName.localeCompare(b.projectName) || a.projectKey.localeCompare(b.projectKey),
  );
}

export interface GateFigures {
  gated: number;
  /** At or past a gate without its mandatory ticks: the compliance page's gate violations. */
  missed: number;
  ready: number;
  notReady: number;
  noGateAhead: number;
}

export function gateFigures(gates: readonly GateEntry[]): GateFigures {
  const figures = { gated: gates.length, missed: 0, ready: 0, notReady: 0, noGateAhead: 0 };
  for (const gate of gates) {
    const readiness = readinessOf(gate);
    if (readiness === 'missed') figures.missed++;
    else if (readiness === 'ready') figures.ready++;
    else if (readiness === 'not-ready') figures.notReady++;
    else figures.noGateAhead++;
  }
  return figures;
}

/** "Scope agreed (Ada Lovelace, 2026-03-01T10:00:00Z)", one item of evidence as plain text. */
export function evidenceText(item: NextGate['evidence'][number]): string {
  return `${item.text} (${item.by}, ${item.at})`;
}

export const READINESS_LABEL: Record<Readiness, string> = {
  missed: 'Gate passed unticked',
  ready: 'Ready',
  'not-ready': 'Not ready',
  none: 'No gate ahead',
};

export function gateCsvColumns(names: ReadonlyMap<string, string>): CsvColumn<GateEntry>[] {
  return [
    { header: 'Key', value: (g) => g.key },
    { header: 'Summary', value: (g) => g.summary ?? 'Restricted issue' },
    { header: 'Project key', value: (g) => g.projectKey },
    { header: 'Project', value: (g) => names.get(g.projectKey) ?? g.projectKey },
    { header: 'Issue type', value: (g) => g.issueType },
    { header: 'Status', value: (g) => g.status },
    { header: 'Stage', value: (g) => g.stage?.name ?? '' },
    { header: 'Next gate', value: (g) => g.nextGate?.stage.name ?? '' },
    { header: 'Standard', value: (g) => g.nextGate?.standardName ?? '' },
    { header: 'Ticked', value: (g) => g.nextGate?.ticked ?? '' },
    { header: 'Mandatory', value: (g) => g.nextGate?.mandatory ?? '' },
    { header: 'Readiness', value: (g) => READINESS_LABEL[readinessOf(g)] },
    {
      header: 'Gates passed unticked',
      value: (g) =>
        g.missedGates
          .map((missed) => `${missed.stage.name} (${missed.ticked}/${missed.mandatory})`)
          .join('; '),
    },
    {
      header: 'Evidence',
      value: (g) =>
        [...g.missedGates, ...(g.nextGate ? [g.nextGate] : [])]
          .flatMap((progress) => progress.evidence)
          .map(evidenceText)
          .join('; '),
    },
  ];
}

/** The gates in the order the page shows them: group by group. */
export function visibleGates(groups: readonly GateGroup[]): GateEntry[] {
  return groups.flatMap((group) => group.gates);
}
