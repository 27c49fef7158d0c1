import { z } from 'zod';

/**
 * How a portfolio collects status updates: how often one is due, on which weekday, and who may write
 * one. Optional on a portfolio definition; a portfolio without it (and the built-in ones) uses
 * {@link DEFAULT_STATUS_SETTINGS}.
 */

export const StatusCadence = z.enum(['weekly', 'fortnightly', 'monthly']);
export type StatusCadence = z.infer<typeof StatusCadence>;

/** ISO weekday: 1 Monday … 7 Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);

export const StatusWritersSchema = z
  .object({
    /** The project's lead in Jira. */
    projectLead: z.boolean().default(true),
    /** People with Administer projects on the project (asked of Jira as the user). */
    projectAdmins: z.boolean().default(true),
    /** Members of this Jira group; null: no group. */
    groupName: z.string().trim().min(1).max(255).nullable().default(null),
  })
  .strict();

export const StatusSettingsSchema = z
  .object({
    cadence: StatusCadence.default('weekly'),
    /** The weekday an update is due by (the end of that day in the history's time zone); Friday by default. */
    dueWeekday: IsoWeekday.default(5),
    writers: StatusWritersSchema.prefault({}),
  })
  .strict();
export type StatusSettings = z.infer<typeof StatusSettingsSchema>;

export const DEFAULT_STATUS_SETTINGS: StatusSettings = StatusSettingsSchema.parse({});
