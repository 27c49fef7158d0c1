/**
 * Schedule variance and scope change as a PMO reads them: signed, with the unit, so "+12 days" is
 * late and "−3 days" early at a glance. A typographic minus keeps the sign as wide as the plus.
 */

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0');

/** "+12 days", "−1 day", "0 days"; "—" when there is nothing to compare. */
export function formatVarianceDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  return `${signed(days)} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/** "+8.5%", "−20%", "0%"; "—" when there is nothing to compare. */
export function formatScopeChange(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return '—';
  return `${signed(percent)}%`;
}
