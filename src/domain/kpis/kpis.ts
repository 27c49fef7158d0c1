import { z } from 'zod';
import { IsoDate } from '../model';
import { dayOf, isoDateOfDay, MS_PER_MINUTE } from './time';

/** Weeks of throughput reported, oldest first. */
export const THROUGHPUT_WEEKS = 4;

export const ThroughputWeekSchema = z.object({
  /** First and last calendar day (UTC) of the week, inclusive; the last week ends today. */
  from: IsoDate,
  to: IsoDate,
  /** Issues resolved in those seven days. */
  resolved: z.number().int().nonnegative(),
});

export const KpiSetSchema = z.object({
  total: z.number().int().nonnegative(),
  /** Not in a done status category (includes in progress). */
  open: z.number().int().nonnegative(),
  inProgress: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  /** Open issues due before today. */
  overdue: z.number().int().nonnegative(),
  /** Mean age of open issues in days (one decimal); null when nothing is open. */
  averageOpenAgeDays: z.number().nonnegative().nullable(),
  /** The last four seven-day windows ending today, oldest first. */
  throughput: z.array(ThroughputWeekSchema).length(THROUGHPUT_WEEKS),
});
export type KpiSet = z.infer<typeof KpiSetSchema>;

export interface KpiIssueFacts {
  open: boolean;
  inProgress: boolean;
  overdue: boolean;
  /** Epoch ms, or null when unknown. */
  created: number | null;
  resolved: number | null;
}

/** Counts issues one at a time; `result()` gives the KPIs. Sums are integers, so the order of `add` calls does not matter. */
export class KpiAccumulator {
  private total = 0;
  private open = 0;
  private inProgress = 0;
  private overdue = 0;
  private agedOpen = 0;
  private ageMinutes = 0;
  private readonly weeks = new Array<number>(THROUGHPUT_WEEKS).fill(0);
  private readonly today: number;

  constructor(private readonly now: number) {
    this.today = dayOf(now);
  }

  add(issue: KpiIssueFacts): void {
    this.total++;
    if (issue.open) {
      this.open++;
      if (issue.inProgress) this.inProgress++;
      if (issue.overdue) this.overdue++;
      if (issue.created !== null) {
        this.agedOpen++;
        this.ageMinutes += Math.max(0, Math.round((this.now - issue.created) / MS_PER_MINUTE));
      }
    }
    if (issue.resolved !== null) {
      const daysAgo = this.today - dayOf(issue.resolved);
      const week = Math.floor(daysAgo / 7);
      if (daysAgo >= 0 && week < THROUGHPUT_WEEKS) {
        const slot = THROUGHPUT_WEEKS - 1 - week;
        this.weeks[slot] = (this.weeks[slot] as number) + 1;
      }
    }
  }

  result(): KpiSet {
    return {
      total: this.total,
      open: this.open,
      inProgress: this.inProgress,
      done: this.total - this.open,
      overdue: this.overdue,
      averageOpenAgeDays:
        this.agedOpen === 0 ? null : Math.round((this.ageMinutes / this.agedOpen / 1440) * 10) / 10,
      throughput: this.weeks.map((resolved, slot) => {
        const lastDay = this.today - 7 * (THROUGHPUT_WEEKS - 1 - slot);
        return { from: isoDateOfDay(lastDay - 6), to: isoDateOfDay(lastDay), resolved };
      }),
    };
  }
}
