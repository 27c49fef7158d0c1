import { AppError } from '../domain/errors';
import type { JiraAccess } from '../jira/access';
import type { JobQueue } from '../jobs/job';
import { MemoryStore } from '../storage/memory-store';
import type { AppDeps } from './deps';
import { createRecordingLogger, type RecordingLogger } from './logger';
import { isIssueDeletion, recordIssueChange } from './record-issue-change';

const unreachable = (): never => {
  throw new AppError('UPSTREAM_ERROR', 'Jira is not part of this test');
};

function depsWith(store: MemoryStore, logger: RecordingLogger = createRecordingLogger()): AppDeps {
  const queue: JobQueue = { push: async () => {} };
  return {
    jira: { asApp: unreachable, asUser: unreachable } as unknown as JiraAccess,
    store,
    now: () => new Date('2026-03-02T10:00:00.000Z'),
    jiraConcurrency: 1,
    queue,
    logger,
  };
}

async function marks(store: MemoryStore) {
  const page = await store.query('dirty:', { limit: 100 });
  return page.results.map((entry) => entry.value);
}

describe('recording issue events for the next refresh', () => {
  it('tells an issue deletion from a link deletion', () => {
    expect(isIssueDeletion('avi:jira:deleted:issue')).toBe(true);
    expect(isIssueDeletion('avi:jira:deleted:issuelink')).toBe(false);
    expect(isIssueDeletion('avi:jira:updated:issue')).toBe(false);
  });

  it('marks both ends of a removed link as changed, not deleted', async () => {
    const store = new MemoryStore();
    await recordIssueChange(depsWith(store), {
      eventType: 'avi:jira:deleted:issuelink',
      issueLink: { sourceIssueId: 10023, destinationIssueId: 10047 },
    });
    expect(await marks(store)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ issueId: '10023', deleted: false }),
        expect.objectContaining({ issueId: '10047', deleted: false }),
      ]),
    );
  });

  it('marks a deleted issue as deleted, by id', async () => {
    const store = new MemoryStore();
    await recordIssueChange(depsWith(store), {
      eventType: 'avi:jira:deleted:issue',
      issue: { id: '10023', key: 'ATLAS-24' },
    });
    expect(await marks(store)).toEqual([expect.objectContaining({ issueId: '10023', deleted: true })]);
  });

  it('ignores an event of unexpected shape, logging where it broke but nothing of the issue', async () => {
    const store = new MemoryStore();
    const logger = createRecordingLogger();
    await recordIssueChange(depsWith(store, logger), {
      eventType: 42,
      issue: {
        key: 'ABC-7',
        fields: { summary: 'Acquire Initech quietly', assignee: { accountId: '5b10ac8d' } },
      },
    });
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'ignored an issue event of unexpected shape',
        fields: { path: 'eventType', code: 'invalid_type' },
      },
    ]);
    expect(await marks(store)).toEqual([]);
  });

  it('logs an issue it could not re-evaluate by id, with the failure, and still marks it', async () => {
    const store = new MemoryStore();
    const logger = createRecordingLogger();
    await recordIssueChange(depsWith(store, logger), {
      eventType: 'avi:jira:updated:issue',
      issue: { id: '10023', key: 'ATLAS-24', fields: { summary: 'Acquire Initech quietly' } },
    });
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'could not re-evaluate the issue after an event',
        fields: { issue: '10023', eventType: 'avi:jira:updated:issue' },
        error: expect.objectContaining({ code: 'UPSTREAM_ERROR' }),
      },
    ]);
    expect(JSON.stringify(logger.entries)).not.toContain('Initech');
    expect(await marks(store)).toEqual([expect.objectContaining({ issueId: '10023', deleted: false })]);
  });
});
