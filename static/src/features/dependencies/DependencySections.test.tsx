/** @jest-environment jsdom */
import '../../shared/theme/feature-flags';
import type { DependencyReport } from '@domain/dependencies/graph';
import { render, screen, within } from '@testing-library/react';
import { DependencySections } from './DependencySections';

jest.mock('@forge/bridge', () => ({ router: { open: jest.fn() } }));

function report(overrides: Partial<DependencyReport> = {}): DependencyReport {
  return {
    cycles: [],
    criticalPath: [],
    criticalPathLength: 0,
    blockedChains: [],
    conflicts: [],
    projectMatrix: [],
    crossProjectLinks: { total: 0, items: [] },
    totals: { links: 0, openLinks: 0, blockedIssues: 0, conflicts: 0, cycles: 0, blockedChains: 0 },
    ...overrides,
  };
}

const conflict = {
  blocker: { key: 'ATLAS-1', projectKey: 'ATLAS', due: '2026-12-20' },
  blocked: { key: 'BEACON-2', projectKey: 'BEACON', due: '2026-12-10' },
  daysLate: 10,
  crossProject: true,
};

describe('DependencySections', () => {
  it('says what it means when there are no blocked chains and no date conflicts', () => {
    render(<DependencySections dependencies={report()} />);
    expect(screen.getByTestId('dependency-blocked-chains').textContent).toContain(
      'No open issue waits on an open blocker.',
    );
    expect(screen.getByTestId('dependency-conflicts').textContent).toContain(
      'No open blocker is due after the issue it blocks.',
    );
  });

  it('lists blocked chains and date conflicts, and says when the report capped them', () => {
    const chain = {
      key: 'BEACON-2',
      projectKey: 'BEACON',
      depth: 1,
      chain: ['ATLAS-1', 'BEACON-2'],
      projects: ['ATLAS', 'BEACON'],
    };
    render(
      <DependencySections
        dependencies={report({
          blockedChains: [chain],
          conflicts: [conflict],
          totals: { links: 1, openLinks: 1, blockedIssues: 1, conflicts: 3, cycles: 0, blockedChains: 1 },
        })}
      />,
    );
    const chains = screen.getByTestId('dependency-blocked-chains');
    expect(within(chains).getByTestId('blocked-chain-BEACON-2')).toBeTruthy();
    expect(within(chains).queryByTestId('capped-blocked-chains')).toBeNull();

    const conflicts = screen.getByTestId('dependency-conflicts');
    expect(conflicts.textContent).toContain(
      'Open blockers due after the issue they block, the latest first.',
    );
    expect(within(conflicts).getByTestId('date-conflict-ATLAS-1-BEACON-2').textContent).toContain('10 days');
    expect(within(conflicts).getByTestId('capped-date-conflicts').textContent).toContain(
      'Showing the first 1 of 3 date conflicts',
    );
  });
});
