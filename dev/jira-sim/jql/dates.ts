/** JQL date operands: absolute dates, relative periods (`-7d`, `4w 2d`) and date functions (UTC). */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time';

export interface DateValue {
  ms: number;
  /** True when the operand named a day without a time (compare date fields by day). */
  dateOnly: boolean;
}

const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const PERIOD_PART = /([+-]?)(\d+)([wdhm])/g;
const PERIOD = /^[+-]?\d+[wdhm](?:\s*[+-]?\d+[wdhm])*$/;

const UNIT_MS: Record<string, number> = { w: 7 * DAY_MS, d: DAY_MS, h: HOUR_MS, m: MINUTE_MS };

export const DATE_FORMAT_HINT =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

/** Parse an absolute date or a relative period; `null` when the text is not a valid date. */
export function parseDateText(text: string, now: number): DateValue | null {
  const s = text.trim();
  const abs = ABSOLUTE.exec(s);
  if (abs) {
    const [, y, mo, d, hh, mm] = abs;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = hh === undefined ? 0 : Number(hh);
    const minute = mm === undefined ? 0 : Number(mm);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    const ms = Date.UTC(year, month - 1, day, hour, minute);
    const check = new Date(ms);
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
    return { ms, dateOnly: hh === undefined };
  }
  if (PERIOD.test(s)) {
    let total = 0;
    let sign = 1;
    let first = true;
    for (const m of s.matchAll(PERIOD_PART)) {
      const [, sg, n, unit] = m;
      if (sg === '-') sign = -1;
      else if (sg === '+') sign = 1;
      else if (first) sign = 1;
      first = false;
      total += sign * Number(n) * (UNIT_MS[unit ?? 'd'] ?? DAY_MS);
    }
    return { ms: now + total, dateOnly: false };
  }
  return null;
}

type Unit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm';

const DATE_FUNCTIONS: Record<string, { unit: Unit; edge: 'start' | 'end' | 'now' }> = {
  now: { unit: 'd', edge: 'now' },
  startofday: { unit: 'd', edge: 'start' },
  endofday: { unit: 'd', edge: 'end' },
  startofweek: { unit: 'w', edge: 'start' },
  endofweek: { unit: 'w', edge: 'end' },
  startofmonth: { unit: 'M', edge: 'start' },
  endofmonth: { unit: 'M', edge: 'end' },
  startofyear: { unit: 'y', edge: 'start' },
  endofyear: { unit: 'y', edge: 'end' },
};

export function isDateFunction(name: string): boolean {
  return Object.hasOwn(DATE_FUNCTIONS, name.toLowerCase());
}

function addUnits(ms: number, n: number, unit: Unit): number {
  if (unit === 'y' || unit === 'M') {
    const d = new Date(ms);
    const months = unit === 'y' ? n * 12 : n;
    return Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    );
  }
  const size = unit === 'w' ? 7 * DAY_MS : unit === 'd' ? DAY_MS : unit === 'h' ? HOUR_MS : MINUTE_MS;
  return ms + n * size;
}

function startOf(ms: number, unit: Unit): number {
  const d = new Date(ms);
  switch (unit) {
    case 'y':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'w': {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      return day - d.getUTCDay() * DAY_MS; // weeks start on Sunday
    }
    default:
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
}

/**
 * Evaluate a date function (`now()`, `startOfDay(-1)`, `endOfMonth("+1M")` ...).
 * Returns `null` for an invalid increment; throws for an unknown function name (check isDateFunction first).
 */
export function evalDateFunction(name: string, args: readonly string[], now: number): number | null {
  const spec = DATE_FUNCTIONS[name.toLowerCase()];
  if (!spec) throw new Error(`not a date function: ${name}`);
  if (spec.edge === 'now') return args.length === 0 ? now : null;
  if (args.length > 1) return null;
  let base = now;
  const arg = args[0];
  if (arg !== undefined) {
    const m = /^([+-]?\d+)([yMwdhm])?$/.exec(arg.trim());
    if (!m) return null;
    base = addUnits(now, Number(m[1]), (m[2] as Unit | undefined) ?? spec.unit);
  }
  const start = startOf(base, spec.unit);
  if (spec.edge === 'start') return start;
  return addUnits(start, 1, spec.unit) - 1;
}
