import type { HealthIndicator, ProjectHealth } from '@domain/health/health';
import {
  healthByProjectKey,
  healthReason,
  healthSortValue,
  projectHealth,
  projectHealthView,
} from './project-health';

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

  it('keeps the computed RAG and its reason beside an override (the override used to hide them)', () => {
    const override = {
      rag: 'amber',
      reason: 'Supplier late',
      expiresAt: '2099-01-01T00:00:00Z',
      by: 'pmo-lead',
      setAt: '2026-12-01T10:00:00Z',
    } as const;
    const h = health('amber', [indicator('schedule', 'red'), indicator('risk', 'amber')], {
      computedRag: 'red',
      override,
    });
    expect(projectHealthView(h)).toEqual({
      rag: 'amber',
      reason: 'Set by the PMO: Supplier late',
      computed: { rag: 'red', reason: 'schedule is red' },
      override,
      variance: null,
      scope: null,
    });
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
    expect(projectHealth(ready, 'MISSING')).toMatchObject({ rag: 'none', reason: null, override: null });
  });
});
