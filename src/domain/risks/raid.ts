import { z } from 'zod';
import { compareIssueKeys } from '../dependencies/keys';
import type { EngineSettings, RaidTypes, RiskMatrix } from '../settings';

/**
 * RAID: risks, assumptions, issues and decisions. Risks are scored probability x impact on 1..5 scales,
 * classified by the risk matrix, placed on a 5 x 5 heat map and tracked by ROAM status (Resolved, Owned,
 * Accepted, Mitigated; "unroamed" until someone decides).
 */

export const RaidKind = z.enum(['risk', 'assumption', 'decision', 'issue']);
export type RaidKind = z.infer<typeof RaidKind>;

export const Roam = z.enum(['resolved', 'owned', 'accepted', 'mitigated', 'unroamed']);
export type Roam = z.infer<typeof Roam>;

export const RiskLevel = z.enum(['high', 'medium', 'low']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** Issue type name (lower-cased) -> RAID kind. */
export type RaidTypeIndex = ReadonlyMap<string, RaidKind>;

export function indexRaidTypes(types: RaidTypes): RaidTypeIndex {
  const index = new Map<string, RaidKind>();
  for (const kind of RaidKind.options) {
    for (const name of types[kind]) {
      const key = name.trim().toLowerCase();
      if (!index.has(key)) index.set(key, kind);
    }
  }
  return index;
}

export function raidKindOf(issueType: string, index: RaidTypeIndex): RaidKind | null {
  return index.get(issueType.trim().toLowerCase()) ?? null;
}

/**
 * Reads a field value as Jira returns it: a plain string, or a select option `{ value }` (also `{ name }`),
 * or an array of those (first entry). Returns the trimmed text or null.
 */
export function readOptionText(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? readOptionText(value[0]) : null;
  if (typeof value === 'string') return value.trim() || null;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const prop of ['value', 'name'] as const) {
      const text = record[prop];
      if (typeof text === 'string' && text.trim()) return text.trim();
    }
  }
  return null;
}

/** The ROAM status a field value names ("Mitigated", `{ value: 'Owned' }` ...); anything else is unroamed. */
export function readRoam(value: unknown): Roam {
  const text = readOptionText(value)?.toLowerCase();
  switch (text) {
    case 'resolved':
    case 'owned':
    case 'accepted':
    case 'mitigated':
      return text;
    default:
      return 'unroamed';
  }
}

/** The account id in a user field value (`{ accountId }` or a plain account id string), or null. */
export function readAccountId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).accountId;
    if (typeof id === 'string' && id) return id;
  }
  return null;
}

export function riskLevel(score: number, matrix: RiskMatrix): RiskLevel {
  if (score >= matrix.high) return 'high';
  if (score >= matrix.medium) return 'medium';
  return 'low';
}

export interface RiskScore {
  probability: number;
  impact: number;
  score: number;
  level: RiskLevel;
  /** True when probability or impact was missing and the configured fallback was used. */
  assumed: boolean;
}

/** Scores a risk; a missing (or out-of-range) probability or impact takes the fallback and marks the score assumed. */
export function scoreRisk(
  probability: number | null,
  impact: number | null,
  settings: Pick<EngineSettings, 'riskMatrix' | 'riskFallback'>,
): RiskScore {
  const p = validScale(probability);
  const i = validScale(impact);
  const pp = p ?? settings.riskFallback.probability;
  const ii = i ?? settings.riskFallback.impact;
  const score = pp * ii;
  return {
    probability: pp,
    impact: ii,
    score,
    level: riskLevel(score, settings.riskMatrix),
    assumed: p === null || i === null,
  };
}

function validScale(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
}

/** Open risks whose ROAM status is neither mitigated nor resolved still threaten the project. */
export function isUnmitigated(roam: Roam): boolean {
  return roam !== 'mitigated' && roam !== 'resolved';
}

/** The issue a RAID entry (a risk, assumption, decision or issue) is read from. */
const RaidIssueFields = {
  key: z.string(),
  /** Null for issues with an issue security level: the app does not show their details. */
  summary: z.string().nullable(),
  projectKey: z.string(),
  status: z.string(),
  open: z.boolean(),
};

/** Who owns a RAID entry and when it is due. */
const RaidOwnerFields = {
  /** Account id: stored and computed by id. */
  owner: z.string().nullable(),
  /** The owner's display name, resolved when the report is viewed ("Unknown user" when Jira names nobody). */
  ownerName: z.string().nullable().optional(),
  due: z.string().nullable(),
};

/** A place on the risk matrix: probability and impact 1..5, their product and its level. */
const RiskRatingFields = {
  probability: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  score: z.number().int().min(1).max(25),
  level: RiskLevel,
};

export const RiskEntrySchema = z.object({
  ...RaidIssueFields,
  ...RiskRatingFields,
  roam: Roam,
  ...RaidOwnerFields,
  assumed: z.boolean(),
});
export type RiskEntry = z.infer<typeof RiskEntrySchema>;

export const RaidLogEntrySchema = z.object({ ...RaidIssueFields, ...RaidOwnerFields });
export type RaidLogEntry = z.infer<typeof RaidLogEntrySchema>;

export const HeatCellSchema = z.object({
  ...RiskRatingFields,
  count: z.number().int().nonnegative(),
  keys: z.array(z.string()),
});
export type HeatCell = z.infer<typeof HeatCellSchema>;

/**
 * `cells[probability - 1][impact - 1]`: five rows by probability 1..5, five cells by impact 1..5. Counts
 * open risks that are not ROAM-resolved; each cell restates its own coordinates.
 */
export const HeatMapSchema = z.object({
  cells: z.array(z.array(HeatCellSchema).length(5)).length(5),
  total: z.number().int().nonnegative(),
});
export type HeatMap = z.infer<typeof HeatMapSchema>;

/** Register order: open before closed, then highest score, then key. */
export function compareRisks(a: RiskEntry, b: RiskEntry): number {
  return Number(b.open) - Number(a.open) || b.score - a.score || compareIssueKeys(a.key, b.key);
}

/** Log order: open before closed, then earliest due (undated last), then key. */
export function compareRaidLog(a: RaidLogEntry, b: RaidLogEntry): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return compareIssueKeys(a.key, b.key);
}

export function buildHeatMap(risks: readonly RiskEntry[], matrix: RiskMatrix): HeatMap {
  const cells: HeatCell[][] = [];
  for (let p = 1; p <= 5; p++) {
    const row: HeatCell[] = [];
    for (let i = 1; i <= 5; i++) {
      row.push({
        probability: p,
        impact: i,
        score: p * i,
        level: riskLevel(p * i, matrix),
        count: 0,
        keys: [],
      });
    }
    cells.push(row);
  }
  let total = 0;
  for (const risk of risks) {
    if (!risk.open || risk.roam === 'resolved') continue;
    const cell = cells[risk.probability - 1]?.[risk.impact - 1];
    if (!cell) continue;
    cell.count++;
    cell.keys.push(risk.key);
    total++;
  }
  for (const row of cells) for (const cell of row) cell.keys.sort(compareIssueKeys);
  return { cells, total };
}
