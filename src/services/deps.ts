import type { JiraAccess } from '../jira/access';
import type { JobQueue } from '../jobs/job';
import type { Store } from '../storage/store';
import type { Logger } from './logger';

/** What every use case may touch. Forge, the local host, tests and benchmarks each build one. */
export interface AppDeps {
  jira: JiraAccess;
  store: Store;
  now: () => Date;
  /** Parallel Jira requests one invocation may have in flight. */
  jiraConcurrency: number;
  /** Background jobs (portfolio refreshes): Forge's queue, or an in-process runner locally. */
  queue: JobQueue;
  /** Where use cases report what went wrong (never personal data; see logger.ts). */
  logger: Logger;
}

/** What store-level readers need: the store, and the logger for damage they recover from. */
export type StoreDeps = Pick<AppDeps, 'store' | 'logger'>;

/** Who is acting, taken from the platform's invocation context, never from a payload. */
export interface Actor {
  accountId: string;
  /**
   * The Jira site installation the call is for (Forge's `installContext`, an ARI naming the site).
   * Forge serves many sites from one warm process, and account ids are not unique across them in
   * meaning: anything remembered about a user in memory is keyed by installation and account.
   */
  installation: string;
}
