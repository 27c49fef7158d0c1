import { z } from 'zod';
import { Rag } from '../domain/health/health';
import { IsoDate, ProjectKey } from '../domain/model';
import { StatusBoardSchema } from '../domain/status/board';
import { CommentarySchema } from '../domain/status/commentary';
import { StatusPeriodSchema } from '../domain/status/period';
import { StatusSettingsSchema } from '../domain/status/settings';
import {
  DraftFactsSchema,
  DraftRevisionSchema,
  PublishedUpdateSchema,
  StatedStatus,
} from '../domain/status/update';
import { PortfolioId } from './portfolio';

export const DraftViewSchema = DraftRevisionSchema.extend({ savedByName: z.string() });
export type DraftView = z.infer<typeof DraftViewSchema>;

export const PublishedViewSchema = PublishedUpdateSchema.omit({ facts: true }).extend({
  publishedByName: z.string(),
  /** "says on track, data says red", against the RAG computed when it was published. */
  disagreementText: z.string().nullable(),
  facts: DraftFactsSchema,
});
export type PublishedView = z.infer<typeof PublishedViewSchema>;

/** One project's status update of one period, as its writer (or a reader) sees it. */
export const StatusUpdateViewSchema = z.object({
  portfolioId: z.string(),
  project: z.object({ key: z.string(), name: z.string(), computedRag: Rag }),
  period: StatusPeriodSchema,
  timeZone: z.string(),
  today: IsoDate,
  settings: StatusSettingsSchema,
  state: z.enum(['published', 'late', 'due']),
  /** Drafted now from the stored snapshot and history. */
  facts: DraftFactsSchema,
  /** The draft's latest revision; null when nobody saved one this period. */
  draft: DraftViewSchema.nullable(),
  /** This period's published versions, newest first: a correction never hides what it corrects. */
  published: z.array(PublishedViewSchema),
  canWrite: z.boolean(),
  /** Why the viewer may not write it, when they may not. */
  writeRefusal: z.string().nullable(),
  limits: z.object({ maxCommentaryLength: z.number().int() }),
});
export type StatusUpdateView = z.infer<typeof StatusUpdateViewSchema>;

const UpdateTarget = { portfolioId: PortfolioId, projectKey: ProjectKey, periodId: IsoDate };

export const SaveDraftResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), draft: DraftViewSchema }),
  /**
   * Someone saved a newer revision first: theirs stays the draft, the caller's text is kept beside it
   * (stored, and answered here) so they can merge; nothing typed is lost.
   */
  z.object({
    outcome: z.literal('conflict'),
    latest: DraftViewSchema,
    yours: z.object({ status: StatedStatus.nullable(), commentary: z.string() }),
  }),
]);
export type SaveDraftResult = z.infer<typeof SaveDraftResultSchema>;

/** Status updates per project and period, and the PMO's status board. */
export const statusContract = {
  getStatusBoard: {
    input: z.object({ portfolioId: PortfolioId, periodId: IsoDate.optional() }).strict(),
    output: StatusBoardSchema,
  },
  getStatusUpdate: {
    input: z
      .object({ portfolioId: PortfolioId, projectKey: ProjectKey, periodId: IsoDate.optional() })
      .strict(),
    output: StatusUpdateViewSchema,
  },
  saveStatusDraft: {
    input: z
      .object({
        ...UpdateTarget,
        /** The revision the writer's text is based on (0: none yet). */
        baseRevision: z.number().int().min(0).max(1_000_000),
        status: StatedStatus.nullable(),
        commentary: CommentarySchema,
      })
      .strict(),
    output: SaveDraftResultSchema,
  },
  publishStatusUpdate: {
    input: z
      .object({
        ...UpdateTarget,
        /** The latest version the writer saw (0: none): publishing over a newer one is a conflict. */
        expectedVersion: z.number().int().min(0).max(999),
        status: StatedStatus,
        commentary: CommentarySchema,
      })
      .strict(),
    output: PublishedViewSchema,
  },
} as const;
