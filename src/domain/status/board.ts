import { z } from 'zod';
import { Rag } from '../health/health';
import { localDayOf } from '../history/calendar';
import { StatusPeriodSchema, updateState } from './period';
import { StatedStatus } from './update';

/**
 * The PMO status board of one period: per project the latest published update (if any), its
 * stated status next to the computed RAG, and whether the update is in, late or not yet due.
 */

export const UpdateStateSchema = z.enum(['published', 'late', 'due']);

export const BoardRowSchema = z.object({
  projectKey: z.string(),
  projectName: z.string(),
  computedRag: Rag,
  /** The computed RAG's worst reason, for the board's tooltip and export. */
  ragReason: z.string().nullable(),
  state: UpdateStateSchema,
  /** The latest published version of the period, null when none. */
  published: z
    .object({
      version: z.number().int().min(1),
      status: StatedStatus,
      commentary: z.string(),
      publishedBy: z.string(),
      publishedByName: z.string(),
      publishedAt: z.string(),
    })
    .nullable(),
  /** A draft is being written (saved at least once since the last publication). */
  drafting: z.boolean(),
  /** "says on track, data says red", when the stated status is rosier than the data. */
  disagreement: z.enum(['rosier', 'gloomier']).nullable(),
  disagreementText: z.string().nullable(),
  /** The viewer may write this project's update. */
  canWrite: z.boolean(),
});
export type BoardRow = z.infer<typeof BoardRowSchema>;

export const StatusBoardSchema = z.object({
  portfolioId: z.string(),
  timeZone: z.string(),
  period: StatusPeriodSchema,
  /** The periods a viewer can pick, newest first (this one and a few before it). */
  periods: z.array(StatusPeriodSchema),
  /** Today in the time zone, when the board was built. */
  today: z.string(),
  rows: z.array(BoardRowSchema),
  /** When the snapshot behind the computed RAGs read Jira. */
  asOf: z.string(),
});
export type StatusBoard = z.infer<typeof StatusBoardSchema>;

export interface LateUpdate {
  projectKey: string;
  projectName: string;
  periodId: string;
  due: string;
}

/**
 * The projects whose update for the board's period is late at `now` (the day after the due day has
 * begun in the board's time zone, and nothing is published). For the "status update late" alert and
 * the digest's late updates: the board only holds projects its viewer can browse.
 */
export function lateUpdates(
  board: Pick<StatusBoard, 'period' | 'timeZone'> & {
    /** The board's rows, or any list of projects with their period's publication (null: none). */
    rows: readonly (Pick<BoardRow, 'projectKey' | 'projectName'> & { published: unknown })[];
  },
  now: Date,
): LateUpdate[] {
  const today = localDayOf(now.getTime(), board.timeZone);
  return board.rows
    .filter((row) => updateState(board.period, row.published !== null, today) === 'late')
    .map((row) => ({
      projectKey: row.projectKey,
      projectName: row.projectName,
      periodId: board.period.id,
      due: board.period.due,
    }));
}
