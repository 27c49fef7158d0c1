import type { ManualOverride } from '@domain/health/health';

export interface OverrideRow {
  projectKey: string;
  override: ManualOverride;
  /** False once the expiry has passed (the computed RAG shows again). */
  active: boolean;
}

/** The overrides as rows: active ones first, then by project key. */
export function overrideRows(overrides: Record<string, ManualOverride>, now: number): OverrideRow[] {
  return Object.entries(overrides)
    .map(([projectKey, override]) => ({ projectKey, override, active: Date.parse(override.expiresAt) > now }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.projectKey.localeCompare(b.projectKey));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as the YYYY-MM-DD of a date input, in local time. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last second of a YYYY-MM-DD day in local time, as an ISO timestamp (UTC). */
export function endOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return '';
  const end = new Date(year, month - 1, date, 23, 59, 59);
  return Number.isNaN(end.getTime()) ? '' : end.toISOString();
}
