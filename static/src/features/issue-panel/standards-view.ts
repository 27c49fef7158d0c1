import type { ThemeAppearance } from '@atlaskit/lozenge';
import type { DependencyWarning, GateState, IssueStandards } from '@contracts/standards';

/** Pure helpers of the issue panel's standards view: labels, grouping, dates. No React here. */

export type Badge = IssueStandards['badge'];
export type Violation = IssueStandards['violations'][number];
export type HistoryEntry = IssueStandards['history'][number];
export type Problem = IssueStandards['problems'][number];
export type Mode = Violation['mode'];

export const BADGE: Record<Badge, { label: string; appearance: ThemeAppearance }> = {
  compliant: { label: 'Meets PMO standards', appearance: 'success' },
  warnings: { label: 'Warnings', appearance: 'moved' },
  blocking: { label: 'Blocks transitions', appearance: 'removed' },
  'not-covered': { label: 'No standards apply', appearance: 'default' },
};

export const MODE: Record<Mode, { label: string; appearance: ThemeAppearance; hint: string }> = {
  enforce: {
    label: 'Enforced',
    appearance: 'removed',
    hint: 'Jira blocks the transition until this is met.',
  },
  warn: { label: 'Guidance', appearance: 'moved', hint: 'Shown as guidance; transitions are not blocked.' },
};

/** "Meets the standard that applies at the Execution stage.": the verb agrees with the count. */
export function standardsMetSentence(applicable: number, stage: string | null): string {
  const what =
    applicable === 1
      ? 'the standard that applies'
      : `${applicable === 2 ? 'both standards' : `all ${applicable} standards`} that apply`;
  return `Meets ${what}${stage ? ` at the ${stage} stage` : ''}.`;
}

/** "Settings version 3", or the built-in defaults (version 0). */
export function configVersionLabel(version: number): string {
  return version === 0 ? 'Built-in default settings' : `Settings version ${version}`;
}

export interface ViolationGroup {
  standardId: string;
  standardName: string;
  mode: Mode;
  violations: Violation[];
}

/** Violations grouped by standard, enforced standards first, each group in the server's order. */
export function groupByStandard(violations: readonly Violation[]): ViolationGroup[] {
  const groups = new Map<string, ViolationGroup>();
  for (const violation of violations) {
    let group = groups.get(violation.standardId);
    if (!group) {
      group = {
        standardId: violation.standardId,
        standardName: violation.standardName,
        mode: violation.mode,
        violations: [],
      };
      groups.set(violation.standardId, group);
    }
    if (violation.mode === 'enforce') group.mode = 'enforce';
    group.violations.push(violation);
  }
  return [...groups.values()].sort((a, b) => Number(b.mode === 'enforce') - Number(a.mode === 'enforce'));
}

/** The gate into the next stage first, then the stages ahead, then the gates already passed. */
export function orderGates(gates: readonly GateState[]): { next: GateState[]; others: GateState[] } {
  const next = gates.filter((gate) => gate.isNext);
  const rank = (gate: GateState) => (gate.passed ? 1 : 0);
  const others = gates.filter((gate) => !gate.isNext).sort((a, b) => rank(a) - rank(b));
  return { next, others };
}

export function mandatoryProgress(gate: GateState): { ticked: number; total: number } {
  const mandatory = gate.items.filter((item) => item.mandatory);
  return { ticked: mandatory.filter((item) => item.tick !== null).length, total: mandatory.length };
}

/** A one-line state of a gate: "Complete", "1 of 2 required items ticked", "Passed". */
export function gateSummary(gate: GateState): string {
  const { ticked, total } = mandatoryProgress(gate);
  const progress =
    total === 0 ? 'No required items' : gate.complete ? 'Complete' : `${ticked} of ${total} required ticked`;
  return gate.passed ? `${progress} · stage reached` : progress;
}

/** Late blockers first, then by key; the server sorts too, the panel does not rely on it. */
export function sortDependencies(dependencies: readonly DependencyWarning[]): DependencyWarning[] {
  return [...dependencies].sort((a, b) => Number(b.late) - Number(a.late) || a.key.localeCompare(b.key));
}

const TIME_FORMAT = (timeZone?: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
  });

/** "28 Nov 2026 10:02" in the viewer's time zone; the raw text when it is not a timestamp. */
export function formatWhen(iso: string, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = TIME_FORMAT(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}:${part('minute')}`;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A Jira date ("2026-11-28") as "28 Nov 2026"; anything else as it came. */
export function formatDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : DAY_FORMAT.format(at);
}

/** "Tom Team ticked “Scope agreed”". */
export function historyText(entry: HistoryEntry): string {
  const verb = entry.ticked ? 'ticked' : 'unticked';
  return `${entry.by.displayName} ${verb} “${entry.itemText}”`;
}

/** "Tom Team ticked “Scope agreed” · 28 Nov 2026 10:02". */
export function historyLine(entry: HistoryEntry, timeZone?: string): string {
  return `${historyText(entry)} · ${formatWhen(entry.at, timeZone)}`;
}

/**
 * A configuration problem as a sentence. Lifecycle problems are sentences already; a standard's
 * problem names the standard (by name when the panel knows it) and the rule.
 */
export function problemText(problem: Problem, standardNames: ReadonlyMap<string, string>): string {
  const message = problem.message.trim();
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  if (problem.standardId === 'lifecycle' || /^[A-Z“"]/.test(message)) return sentence;
  const standard = standardNames.get(problem.standardId) ?? problem.standardId;
  const rule = problem.ruleId === null ? '' : ` (rule “${problem.ruleId}”)`;
  return `The standard “${standard}”${rule} ${sentence}`;
}
