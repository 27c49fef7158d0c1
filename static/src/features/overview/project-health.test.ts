import type { HealthIndicator, ProjectHealth } from '@domain/health/health';
import { healthByProjectKey, healthReason, healthSortValue, projectHealth } from './project-health';

function indicator(name: HealthIndicator['name'], rag: HealthIndicator['rag']): HealthIndicator {
  return { name, value: 0, rag, reason: `${name} is ${rag}` };
}

function health(
  rag: ProjectHealth['rag'],
  indicators: HealthIndicator[],
  extra: Partial<ProjectHealth> = {},
) {
  return { rag, computedRag: rag, indicators, override: null, ...extra } satisfies ProjectHealth;
}

describe('healthReason', () => {
  it("is the reason of the indicator whose RAG is the project's", () => {
    const h = health('red', [indicator('schedule', 'amber'), indicator('blockers', 'red')]);
    expect(healthReason(h)).toBe('blockers is red');
  });

  it("is the override's reason when a manual override decided the RAG", () => {
    const h = health('green', [indicator('schedule', 'red')], {
      computedRag: 'red',
      override: { rag: 'green', reason: 'Agreed new dates', expiresAt: '2099-01-01T00:00:00Z', by: 'a' },
    });
    expect(healthReason(h)).toBe('Set by the PMO: Agreed new dates');
  });

  it('is null when no indicator explains the RAG', () => {
    expect(healthReason(health('none', []))).toBeNull();
  });
});

describe('healthSortValue', () => {
  it('sorts red first, then amber, green, no data, and unknown health last', () => {
    const byKey = healthByProjectKey({
      projects: (['red', 'amber', 'green', 'none'] as const).map((rag) => ({
        key: rag.toUpperCase(),
        health: health(rag, [indicator('schedule', rag)]),
      })),
    });
    const ready = { status: 'ready', byKey } as const;
    const values = ['RED', 'AMBER', 'GREEN', 'NONE', 'MISSING'].map((key) => healthSortValue(ready, key));
    expect(values).toEqual([0, 1, 2, 3, 3]);
    expect(healthSortValue({ status: 'loading' }, 'RED')).toBe(4);
    expect(healthSortValue({ status: 'error' }, 'RED')).toBe(4);
    expect(projectHealth(ready, 'MISSING')).toEqual({ rag: 'none', reason: null });
  });
});
