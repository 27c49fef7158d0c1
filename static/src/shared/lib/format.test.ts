import { formatCount, formatDataAge } from './format';

describe('formatDataAge', () => {
  const now = new Date('2025-03-10T12:00:00Z');

  it('reads "just now" for fresh data and for timestamps slightly in the future (clock skew)', () => {
    expect(formatDataAge('2025-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatDataAge('2025-03-10T12:00:20Z', now)).toBe('just now');
  });

  it('rounds down, so data is never reported fresher than it is old', () => {
    expect(formatDataAge('2025-03-10T11:53:00Z', now)).toBe('7 minutes ago');
    expect(formatDataAge('2025-03-10T10:01:00Z', now)).toBe('1 hour ago');
    expect(formatDataAge('2025-03-07T11:00:00Z', now)).toBe('3 days ago');
  });

  it('answers null for something that is not a timestamp', () => {
    expect(formatDataAge('yesterday', now)).toBeNull();
    expect(formatDataAge('', now)).toBeNull();
  });
});

describe('formatCount', () => {
  it('groups thousands and shows unknown counts as an em dash', () => {
    expect(formatCount(1302)).toBe('1,302');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
  });
});
