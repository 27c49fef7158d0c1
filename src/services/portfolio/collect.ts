import pLimit from 'p-limit';
import type { PortfolioIssue, Project } from '../../domain/model';
import { mergeAllChunks, type PortfolioChunk, summarizeIssues } from '../../domain/portfolio';
import type { EngineSettings } from '../../domain/settings';
import type { JiraClient } from '../../jira/client';
import {
  type FieldMapping,
  type FieldProblem,
  portfolioFields,
  toPortfolioIssue,
} from '../../jira/issue-mapper';
import type { JiraIssue } from '../../jira/schemas';
import { type PortfolioScope, projectJql } from './scope';

/** Jira's page size for searches that return fields. */
export const SEARCH_PAGE_SIZE = 100;

export interface CollectPagesInput {
  jql: string;
  mapping: FieldMapping;
  settings: EngineSettings;
  now: Date;
  /** Continue a project where an earlier job stopped. */
  startToken?: string;
  /** Stop after this many pages and hand back the token (one queued job's share). */
  maxPages?: number;
  /** Runs each page request; a shared limiter bounds requests in flight across projects. */
  schedule?: <T>(request: () => Promise<T>) => Promise<T>;
  /** Evaluates the PMO standards on every issue read (its fields are requested too). */
  compliance?: ComplianceCollector;
  /** Issue ids the search must show in their latest state (Jira's `reconcileIssues`). */
  reconcileIssues?: readonly string[];
  /** Called after each page with the number of issues it held (points accounting). */
  onPage?: (issues: number) => void;
  /** Asked after each page: true stops here and hands back the token (quota pacing). */
  shouldStop?: () => boolean;
}

/** Sees every raw issue a collection reads, to evaluate standards on the same pages. */
export interface ComplianceCollector {
  /** Extra Jira fields the standards read. */
  fields: readonly string[];
  observe(issue: JiraIssue): void;
}

export interface CollectPagesResult {
  chunk: PortfolioChunk;
  issueCount: number;
  /** Where the next job continues; null when the project is complete. */
  nextPageToken: string | null;
  problems: FieldProblem[];
}

/**
 * One collection job: reads pages of one project's issues and keeps only their compact summary,
 * so memory stays flat however large the project. Jobs of the same portfolio merge with
 * `mergeAllChunks`; an issue read twice (a retried page, an overlapping job) counts once.
 */
export async function collectPages(jira: JiraClient, input: CollectPagesInput): Promise<CollectPagesResult> {
  const fields = [...new Set([...portfolioFields(input.mapping), ...(input.compliance?.fields ?? [])])];
  const problems: FieldProblem[] = [];
  const chunks: PortfolioChunk[] = [];
  let issueCount = 0;
  let token = input.startToken;
  let pages = 0;
  const schedule = input.schedule ?? ((request) => request());
  for (;;) {
    const pageToken = token;
    const page = await schedule(() =>
      jira.searchPage({
        jql: input.jql,
        fields,
        maxResults: SEARCH_PAGE_SIZE,
        ...(pageToken ? { nextPageToken: pageToken } : {}),
        ...(input.reconcileIssues ? { reconcileIssues: input.reconcileIssues.map(Number) } : {}),
      }),
    );
    input.onPage?.(page.issues.length);
    const issues: PortfolioIssue[] = [];
    for (const raw of page.issues) {
      input.compliance?.observe(raw);
      const issue = toPortfolioIssue(raw, input.mapping, problems);
      if (issue) issues.push(issue);
    }
    issueCount += issues.length;
    chunks.push(summarizeIssues(issues, input.settings, input.now));
    pages++;
    const done = page.isLast !== false || !page.nextPageToken;
    token = done ? undefined : (page.nextPageToken ?? undefined);
    if (done || (input.maxPages !== undefined && pages >= input.maxPages) || input.shouldStop?.()) break;
  }
  return {
    chunk: mergeAllChunks(chunks, input.settings),
    issueCount,
    nextPageToken: token ?? null,
    problems,
  };
}

export interface CollectPortfolioInput {
  projects: readonly Project[];
  scope: PortfolioScope;
  mapping: FieldMapping;
  settings: EngineSettings;
  now: Date;
  concurrency: number;
  compliance?: ComplianceCollector;
  onProjectDone?: (projectKey: string, done: number, total: number) => void;
}

export interface CollectPortfolioResult {
  chunk: PortfolioChunk;
  issueCount: number;
  /** Projects that could not be read completely, with the reason; their data is left out. */
  failed: Map<string, string>;
  problems: FieldProblem[];
}

/**
 * Collects every project of a portfolio in this process. Concurrency is bounded per page, not per
 * project: each project's pages must follow one another (each needs the previous page's token),
 * so all projects advance together and the `concurrency` slots stay busy until the last pages.
 */
export async function collectPortfolio(
  jira: JiraClient,
  input: CollectPortfolioInput,
): Promise<CollectPortfolioResult> {
  const limit = pLimit(Math.max(1, input.concurrency));
  const schedule = <T>(request: () => Promise<T>) => limit(request);
  const chunks: PortfolioChunk[] = [];
  const failed = new Map<string, string>();
  const problems: FieldProblem[] = [];
  let issueCount = 0;
  let done = 0;
  await Promise.all(
    input.projects.map(async (project) => {
      try {
        const result = await collectPages(jira, {
          jql: projectJql(project.key, input.scope),
          mapping: input.mapping,
          settings: input.settings,
          now: input.now,
          schedule,
          ...(input.compliance ? { compliance: input.compliance } : {}),
        });
        chunks.push(result.chunk);
        issueCount += result.issueCount;
        problems.push(...result.problems);
      } catch (error) {
        // A project read halfway would show wrong numbers: leave it out and say so.
        failed.set(project.key, error instanceof Error ? error.message : String(error));
      } finally {
        done++;
        input.onProjectDone?.(project.key, done, input.projects.length);
      }
    }),
  );
  return { chunk: mergeAllChunks(chunks, input.settings), issueCount, failed, problems };
}
