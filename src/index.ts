/**
 * Forge entry points: the only file (with the Forge adapters) that knows it runs on Forge.
 * Each export is a `handler` named in manifest.yml.
 */
import { createApp } from './app';
import { createForgeJiraAccess } from './jira/forge-client';
import { createForgeJobQueue } from './jobs/forge-queue';
import { createConsoleLogger } from './services/logger';
import { KvsStore } from './storage/kvs-store';

/** Queue key, as declared under `modules.consumer` in manifest.yml. */
export const QUEUE_KEY = 'pmo-jobs';

const app = createApp({
  jira: createForgeJiraAccess(),
  store: new KvsStore(),
  now: () => new Date(),
  jiraConcurrency: 6,
  queue: createForgeJobQueue(QUEUE_KEY),
  // Forge keeps what an invocation writes to the console as the app's logs (`forge logs`).
  logger: createConsoleLogger(),
});

export const resolver = app.resolver;
export const validator = app.validator;
export const issueTrigger = app.issueTrigger;
export const dailySnapshot = app.dailySnapshot;
export const refreshTrigger = app.refreshTrigger;
export const consumer = app.consumer;
export const dailyDigestTrigger = app.dailyDigestTrigger;
export const weeklyDigestTrigger = app.weeklyDigestTrigger;
