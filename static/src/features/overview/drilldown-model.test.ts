import { thresholdRagNote } from './drilldown-model';

describe('an indicator whose weight setting made it milder than its thresholds', () => {
  const compliance = { name: 'compliance' as const, value: 60, reason: '…' };

  it('says what its thresholds say and what it counts as', () => {
    expect(thresholdRagNote({ ...compliance, rag: 'amber', thresholdRag: 'red' })).toBe(
      'Red by its thresholds; counts as amber',
    );
    expect(thresholdRagNote({ ...compliance, rag: 'none', thresholdRag: 'red' })).toBe(
      'Red by its thresholds; informs only',
    );
  });

  it('adds nothing when the thresholds decided', () => {
    expect(thresholdRagNote({ ...compliance, rag: 'red' })).toBeNull();
  });
});
