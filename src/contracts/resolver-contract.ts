import { z } from 'zod';
import type { AppErrorShape } from '../domain/errors';
import { FieldRoleSchema } from '../domain/field-roles';
import {
  IssueKey,
  LinkTypeSchema,
  ProjectSchema,
  StatusCategoryCountsSchema,
  StatusRefSchema,
} from '../domain/model';
import { PortfolioReportSchema } from '../domain/portfolio/schema';
import { alertsContract } from './alerts';
import { authorisationContract } from './authorisation';
import { historyContract } from './history';
import { historyBackfillContract } from './history-backfill';
import { PortfolioId, PortfolioSummarySchema } from './portfolio';
import { savedViewsContract } from './saved-views';
import { scoringContract } from './scoring';
import { settingsContract } from './settings';
import { snapshotsContract } from './snapshots';
import { standardsContract } from './standards';
import { statusContract } from './status';

/**
 * The one typed contract between the Custom UI apps (static/) and the resolvers (src/resolvers).
 * Each key names a resolver: its payload schema (parsed on the server) and its result schema.
 * Renaming a key breaks the build on both sides.
 */

export const ProjectOverviewSchema = ProjectSchema.pick({
  id: true,
  key: true,
  name: true,
  category: true,
  avatarUrl: true,
  style: true,
}).extend({
  /** Null when the counts could not be read (the project is then listed in `staleProjects`). */
  counts: StatusCategoryCountsSchema.nullable(),
  total: z.number().int().nonnegative().nullable(),
  /** Path of the project in Jira, relative to the site (open it with `router.open`). */
  url: z.string(),
});
export type ProjectOverview = z.infer<typeof ProjectOverviewSchema>;

export const ProjectListSchema = z.object({
  projects: z.array(ProjectOverviewSchema),
  generatedAt: z.string(),
  /** True when some projects could not be read completely; `staleProjects` names them. */
  partial: z.boolean(),
  staleProjects: z.array(z.string()),
});
export type ProjectList = z.infer<typeof ProjectListSchema>;

export const IssueOverviewSchema = z.object({
  key: z.string(),
  summary: z.string(),
  issueType: z.string(),
  status: StatusRefSchema,
  project: ProjectOverviewSchema,
});
export type IssueOverview = z.infer<typeof IssueOverviewSchema>;

export const SiteSetupSchema = z.object({
  canAdminister: z.boolean(),
  linkTypes: z.array(LinkTypeSchema),
  customFields: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string().nullable(),
      /** What the app would use this field for, when its name matches a known role. */
      role: FieldRoleSchema.nullable(),
    }),
  ),
});
export type SiteSetup = z.infer<typeof SiteSetupSchema>;

export const resolverContract = {
  listProjects: { input: z.object({}).strict(), output: ProjectListSchema },
  getIssueOverview: { input: z.object({ issueKey: IssueKey }).strict(), output: IssueOverviewSchema },
  getSiteSetup: { input: z.object({}).strict(), output: SiteSetupSchema },
  listPortfolios: {
    input: z.object({}).strict(),
    output: z.object({ portfolios: z.array(PortfolioSummarySchema) }),
  },
  getPortfolioReport: {
    input: z.object({ portfolioId: PortfolioId }).strict(),
    output: PortfolioReportSchema,
  },
  ...standardsContract,
  ...settingsContract,
  ...snapshotsContract,
  ...historyContract,
  ...savedViewsContract,
  ...historyBackfillContract,
  ...statusContract,
  ...alertsContract,
  ...scoringContract,
  ...authorisationContract,
} as const;

export type ResolverKey = keyof typeof resolverContract;
export type ResolverInput<K extends ResolverKey> = z.input<(typeof resolverContract)[K]['input']>;
export type ResolverOutput<K extends ResolverKey> = z.output<(typeof resolverContract)[K]['output']>;
/** A payload as services receive it: parsed by the contract, defaults applied. */
export type ResolverPayload<K extends ResolverKey> = z.output<(typeof resolverContract)[K]['input']>;

/** What every resolver answers: data, or a typed error. Never a stack trace. */
export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/** The `Definitions` type shared by `makeResolver` (server) and `makeInvoke` (Custom UI). */
export type PmoDefinitions = {
  [K in ResolverKey]: (payload: ResolverInput<K>) => ResolverResult<ResolverOutput<K>>;
};
