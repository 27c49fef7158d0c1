/**
 * Storage keys of portfolio snapshots, namespaced per portfolio (`pf:<portfolio id>:`) so that one
 * portfolio's data can be listed and deleted on its own. Sequence numbers are zero-padded so that
 * key order is run order.
 */
const pad = (seq: number) => String(seq).padStart(8, '0');

export const portfolioPrefix = (portfolioId: string) => `pf:${portfolioId}:`;

export const snapshotKeys = (portfolioId: string) => {
  const base = portfolioPrefix(portfolioId);
  return {
    /** Which run finished last: what readers read. Written only by an assembler. */
    current: `${base}current`,
    /** The newest run number started (a hint: starters probe past it). */
    latestRun: `${base}latest-run`,
    run: (seq: number) => {
      const run = `${base}run:${pad(seq)}`;
      return {
        prefix: `${run}:`,
        /** Created once (create-only): the run belongs to whoever created it. */
        claim: `${run}:claim`,
        plan: `${run}:plan`,
        part: (projectKey: string, part: number) => `${run}:part:${projectKey}:${part}`,
        partDone: (projectKey: string, part: number) => `${run}:part-done:${projectKey}:${part}`,
        donePrefix: `${run}:done:`,
        done: (projectKey: string) => `${run}:done:${projectKey}`,
        assembling: `${run}:assembling`,
        deferred: `${run}:deferred`,
        result: `${run}:result`,
      };
    },
    snapshot: (seq: number) => `${base}snapshot:${pad(seq)}`,
    /** The portfolio's history: a summary per day, and each project's row per day. */
    historyDayPrefix: `${base}h:day:`,
    historyDay: (day: string) => `${base}h:day:${day}`,
    historyProjectPrefix: (projectKey: string) => `${base}h:project:${projectKey}:`,
    historyProject: (projectKey: string, day: string) => `${base}h:project:${projectKey}:${day}`,
    /** Each project's days of a month, one record per writer: refresh runs record, the backfill reconstructs. */
    historyMonthsPrefix: `${base}h:pm:`,
    historyMonthPrefix: (month: string) => `${base}h:pm:${month}:`,
    historyMonth: (month: string, projectKey: string, writer: 'recorded' | 'reconstructed') =>
      `${base}h:pm:${month}:${projectKey}:${writer === 'recorded' ? 'r' : 'b'}`,
  };
};

/** Issue events since the last refresh, bucketed by hour so a refresh lists only recent ones. */
export const dirtyBucket = (atMs: number) => `dirty:${Math.floor(atMs / 3_600_000)}:`;
export const dirtyKey = (atMs: number, issueId: string) => `${dirtyBucket(atMs)}${atMs}:${issueId}`;

/** Projects a viewer can browse, cached a few minutes (storage is per installation on Forge). */
export const viewerProjectsKey = (accountId: string) => `viewer:${accountId}:projects`;

/** Portfolios people have opened (have a snapshot) are kept fresh too, not only configured ones. */
export const VIEWED_PORTFOLIOS_PREFIX = 'pf-viewed:';

/** Pseudo project key of the job that re-reads issues named by events (`#` is in no project key). */
export const DIRTY_JOB_PROJECT = '#dirty';
