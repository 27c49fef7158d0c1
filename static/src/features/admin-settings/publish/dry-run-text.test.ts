import type { DryRunResult } from '@contracts/settings';
import { dryRunHeadline, dryRunHealthHeadline, dryRunScope, needsDryRun } from './dry-run-text';

const result: DryRunResult = {
  liveVersion: 3,
  evaluatedIssues: 1200,
  evaluatedProjects: 8,
  sampled: false,
  cap: 2000,
  newlyNonCompliant: { issues: 312, projects: 9 },
  newlyCompliant: { issues: 0 },
  newlyBlockedTransitions: 1,
  perProject: [],
  health: null,
  problems: [],
  generatedAt: '2026-03-01T00:00:00Z',
  ranking: null,
};

describe('dry run text', () => {
  it('reads as the issue asks', () => {
    expect(dryRunHeadline(result)).toBe(
      '312 issues in 9 projects would become non-compliant; 1 transition would now be blocked.',
    );
    expect(
      dryRunHeadline({
        ...result,
        newlyNonCompliant: { issues: 1, projects: 1 },
        newlyBlockedTransitions: 0,
      }),
    ).toBe('1 issue in 1 project would become non-compliant; 0 transitions would now be blocked.');
  });

  it('says what the figures cover', () => {
    expect(dryRunScope(result)).toBe('Evaluated 1,200 issues in 8 projects.');
    expect(dryRunScope({ ...result, sampled: true, newlyCompliant: { issues: 15 } })).toBe(
      'Evaluated 1,200 issues in 8 projects (the first 2,000 only); 15 issues would become compliant.',
    );
  });

  it('says how many projects would change RAG, or why health was not compared', () => {
    expect(dryRunHealthHeadline(null)).toMatch(
      /^Health was not compared: the All projects portfolio has no snapshot yet/,
    );
    const health = { asOf: '2026-03-01T00:00:00Z', projects: 12, changes: [], needsRefresh: false };
    expect(dryRunHealthHeadline(health)).toBe("No project's RAG would change (12 projects compared).");
    const change = {
      projectKey: 'A',
      projectName: 'A',
      from: 'green' as const,
      to: 'red' as const,
      reasons: [],
    };
    expect(dryRunHealthHeadline({ ...health, changes: [change, { ...change, projectKey: 'B' }] })).toBe(
      '2 of 12 projects would change RAG.',
    );
  });

  it('asks for a dry run only when compliance can change', () => {
    expect(needsDryRun([['standards']])).toBe(true);
    expect(needsDryRun([['engine', 'blockingLinks']])).toBe(true);
    expect(needsDryRun([['engine', 'health'], ['portfolios']])).toBe(false);
  });
});
