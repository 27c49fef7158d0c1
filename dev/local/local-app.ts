import { type App, createApp } from '../../src/app';
import { AppError } from '../../src/domain/errors';
import type { JiraAccess } from '../../src/jira/access';
import { JiraClient, RequestMeter } from '../../src/jira/client';
import { basicAuthorization, createHttpTransport } from '../../src/jira/http-client';
import { createInlineJobQueue } from '../../src/jobs/inline-queue';
import type { Job } from '../../src/jobs/job';
import type { AppDeps } from '../../src/services/deps';
import { createConsoleLogger, type Logger } from '../../src/services/logger';
import { runJob } from '../../src/services/run-job';
import { MemoryStore } from '../../src/storage/memory-store';
import type { Store } from '../../src/storage/store';

export interface JiraCredentials {
  email: string;
  apiToken: string;
}

export interface LocalAppOptions {
  jiraBaseUrl: string;
  /** Credentials Jira knows the app by (Forge's asApp). */
  appCredentials: JiraCredentials;
  /** Credentials of a user of the local host (Forge's asUser); undefined: unknown user. */
  userCredentials: (accountId: string) => JiraCredentials | undefined;
  /** Refuse Jira writes: the default when pointing at a real site. */
  readOnly?: boolean;
  store?: Store;
  now?: () => Date;
  jiraConcurrency?: number;
  /** Queued jobs run at once (default: `jiraConcurrency`). */
  jobConcurrency?: number;
  /** Told how long each queued job ran (benchmarks). */
  onJobRun?: (job: Job, ms: number) => void;
  /** Default: the console, as on Forge. */
  logger?: Logger;
}

export interface LocalApp {
  app: App;
  deps: AppDeps;
  /** Requests made to Jira by everything this app did. */
  meter: RequestMeter;
  drainJobs(): Promise<void>;
  /** Delivers jobs the queue holds back (deferred to the next quota window) now. */
  releaseDelayedJobs(): void;
}

/** The app wired to Jira over HTTP and an in-memory store: what the local host and tests run. */
export function createLocalApp(options: LocalAppOptions): LocalApp {
  const meter = new RequestMeter();
  const clientFor = (credentials: JiraCredentials) =>
    new JiraClient(
      createHttpTransport({
        baseUrl: options.jiraBaseUrl,
        authorization: basicAuthorization(credentials.email, credentials.apiToken),
        readOnly: options.readOnly ?? false,
      }),
      { meter },
    );
  const appClient = clientFor(options.appCredentials);
  const jira: JiraAccess = {
    asApp: () => appClient,
    asUser: (accountId) => {
      const credentials = options.userCredentials(accountId);
      if (!credentials) throw new AppError('UNAUTHENTICATED', `Unknown user ${accountId}`);
      return clientFor(credentials);
    },
  };
  const logger = options.logger ?? createConsoleLogger();
  // Forge runs several consumer invocations at once; so does the local queue.
  const queue = createInlineJobQueue((job) => runJob(deps, job), {
    concurrency: options.jobConcurrency ?? options.jiraConcurrency ?? 6,
    onFailure: (job, error) => logger.error('job failed', { kind: job.kind }, error),
    ...(options.onJobRun ? { onRun: options.onJobRun } : {}),
  });
  const deps: AppDeps = {
    jira,
    store: options.store ?? new MemoryStore(),
    now: options.now ?? (() => new Date()),
    jiraConcurrency: options.jiraConcurrency ?? 6,
    queue,
    logger,
  };
  return {
    app: createApp(deps),
    deps,
    meter,
    drainJobs: queue.drain,
    releaseDelayedJobs: queue.releaseDelayed,
  };
}
