import {
  isQuotaReason,
  parseRateLimitHeaders,
  parseRateLimitReset,
  parseRetryAfter,
  type QuotaReading,
  QuotaReadingSchema,
  quotaAllowance,
  shouldDefer,
} from './quota';

const NOW = Date.UTC(2026, 2, 26, 16, 24, 52);

/** A header lookup over a plain record, case-insensitive like fetch's Headers. */
function headers(values: Record<string, string>): (name: string) => string | null {
  const lower = Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => lower[name.toLowerCase()] ?? null;
}

describe('parseRateLimitHeaders', () => {
  it('reads the quota, what remains and when it resets, as Jira sends them', () => {
    const reading = parseRateLimitHeaders(
      headers({
        'Beta-RateLimit-Policy': '"tenant-app-quota";q=100100;w=3600',
        'Beta-RateLimit': '"tenant-app-quota";r=17842;t=2107',
      }),
      NOW,
    );
    expect(reading).toEqual({ limit: 100100, remaining: 17842, resetAt: NOW + 2_107_000 });
    expect(QuotaReadingSchema.parse(reading)).toEqual(reading);
  });

  it('reads the unprefixed IETF form, spaces, unquoted names and several policies', () => {
    expect(
      parseRateLimitHeaders(
        headers({
          'RateLimit-Policy': 'burst;q=100;w=1, "tenant-app-quota" ; q=65000 ; w=3600',
          RateLimit: 'burst;r=99;t=1, tenant-app-quota; r=120; t=30.5',
          'X-Beta-RateLimit-Reason': 'jira-quota-tenant-based',
        }),
        NOW,
      ),
    ).toEqual({ limit: 65000, remaining: 120, resetAt: NOW + 30_500, reason: 'jira-quota-tenant-based' });
  });

  it('keeps a reading without a policy header (Jira drops it once the quota is spent)', () => {
    expect(
      parseRateLimitHeaders(
        headers({
          'Beta-RateLimit': '"tenant-app-quota";r=0;t=2788',
          'RateLimit-Reason': 'jira-quota-tenant-based',
        }),
        NOW,
      ),
    ).toEqual({ limit: null, remaining: 0, resetAt: NOW + 2_788_000, reason: 'jira-quota-tenant-based' });
  });

  it('a quota 429 with only Retry-After or X-RateLimit-Reset still says the quota is spent', () => {
    expect(
      parseRateLimitHeaders(
        headers({ 'RateLimit-Reason': 'jira-quota-global-based', 'Retry-After': '600' }),
        NOW,
      ),
    ).toEqual({ limit: null, remaining: 0, resetAt: NOW + 600_000, reason: 'jira-quota-global-based' });
    expect(
      parseRateLimitHeaders(
        headers({ 'RateLimit-Reason': 'jira-quota-tenant-based', 'X-RateLimit-Reset': '2026-03-26T17:00Z' }),
        NOW,
      ),
    ).toMatchObject({ remaining: 0, resetAt: Date.UTC(2026, 2, 26, 17, 0) });
    expect(
      parseRateLimitHeaders(
        headers({
          'X-Beta-RateLimit-Reason': 'jira-quota-tenant-based',
          'X-Beta-RateLimit-Reset': '2026-03-26T17:00Z',
        }),
        NOW,
      ),
    ).toMatchObject({
      remaining: 0,
      resetAt: Date.UTC(2026, 2, 26, 17, 0),
      reason: 'jira-quota-tenant-based',
    });
    // a burst 429 says nothing about the quota
    expect(
      parseRateLimitHeaders(headers({ 'RateLimit-Reason': 'jira-burst-based', 'Retry-After': '1' }), NOW),
    ).toBeNull();
  });

  it.each([
    ['no headers at all', {}],
    ['remaining is not a number', { 'Beta-RateLimit': '"tenant-app-quota";r=lots;t=10' }],
    ['remaining is negative', { 'Beta-RateLimit': '"tenant-app-quota";r=-5;t=10' }],
    ['remaining in exponent form', { 'Beta-RateLimit': '"tenant-app-quota";r=1e400;t=10' }],
    ['reset is missing', { 'Beta-RateLimit': '"tenant-app-quota";r=10' }],
    ['reset is empty', { 'Beta-RateLimit': '"tenant-app-quota";r=10;t=' }],
    ['no parameters', { 'Beta-RateLimit': 'tenant-app-quota' }],
    ['garbage', { 'Beta-RateLimit': ';;;==,,' }],
    ['an unterminated quote', { 'Beta-RateLimit': '"tenant-app-quota;r=5;t=9' }],
    ['absurdly long', { 'Beta-RateLimit': `"tenant-app-quota";r=5;t=9${';x=1'.repeat(500)}` }],
    [
      'a quota reason with an unreadable Retry-After',
      { 'RateLimit-Reason': 'jira-quota-tenant-based', 'Retry-After': 'soon' },
    ],
  ])('ignores malformed headers: %s', (_name, values) => {
    expect(parseRateLimitHeaders(headers(values), NOW)).toBeNull();
  });

  it('ignores a malformed policy or reason but keeps what is readable', () => {
    expect(
      parseRateLimitHeaders(
        headers({
          'Beta-RateLimit-Policy': '"tenant-app-quota";q=-1;w=3600',
          'Beta-RateLimit': '"tenant-app-quota";r=7;t=60',
          'RateLimit-Reason': 'jira quota <script>',
        }),
        NOW,
      ),
    ).toEqual({ limit: null, remaining: 7, resetAt: NOW + 60_000 });
  });

  it('never throws, even when the header lookup does', () => {
    const throwing = () => {
      throw new Error('headers are gone');
    };
    expect(parseRateLimitHeaders(throwing, NOW)).toBeNull();
  });
});

describe('Retry-After and X-RateLimit-Reset', () => {
  it('reads seconds, HTTP dates, ISO timestamps and epoch seconds; ignores the rest', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(new Date(NOW + 10_000).toUTCString(), NOW)).toBe(10_000);
    expect(parseRetryAfter('-3', NOW)).toBeNull();
    expect(parseRetryAfter('12345678901234', NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRateLimitReset('2026-03-26T16:30Z', NOW)).toBe(Date.UTC(2026, 2, 26, 16, 30) - NOW);
    expect(parseRateLimitReset('2026-03-26T16:25:02.000Z', NOW)).toBe(10_000);
    expect(parseRateLimitReset(String((NOW + 5_000) / 1000), NOW)).toBe(5_000);
    expect(parseRateLimitReset('2020-01-01T00:00Z', NOW)).toBe(0);
    expect(parseRateLimitReset('tomorrow', NOW)).toBeNull();
    expect(parseRateLimitReset('2026-13-45T99:99Z', NOW)).toBeNull();
  });

  it('tells quota reasons from the others', () => {
    expect(isQuotaReason('jira-quota-tenant-based')).toBe(true);
    expect(isQuotaReason('jira-quota-global-based')).toBe(true);
    expect(isQuotaReason('jira-burst-based')).toBe(false);
    expect(isQuotaReason('jira-per-issue-on-write')).toBe(false);
    expect(isQuotaReason(null)).toBe(false);
  });
});

describe('quotaAllowance', () => {
  const reading: QuotaReading = { limit: 65_000, remaining: 10_001, resetAt: NOW + 600_000 };

  it('lets a run spend at most half of what remains by default, or what the reserve leaves', () => {
    expect(quotaAllowance(reading)).toBe(5000);
    expect(quotaAllowance(reading, 0.8)).toBe(2000);
    expect(quotaAllowance(reading, 0)).toBe(10_001);
    expect(quotaAllowance(reading, 1)).toBe(0);
    expect(quotaAllowance({ ...reading, remaining: 0 })).toBe(0);
  });

  it('is unlimited without a reading and a fresh window once the reading has expired', () => {
    expect(quotaAllowance(null)).toBe(Number.POSITIVE_INFINITY);
    expect(quotaAllowance(reading, 0.5, NOW + 600_000)).toBe(32_500);
    expect(quotaAllowance({ ...reading, limit: null }, 0.5, NOW + 600_000)).toBe(Number.POSITIVE_INFINITY);
    expect(quotaAllowance(reading, 0.5, NOW)).toBe(5000);
  });

  it('refuses a reserve share outside 0..1 with a typed error', () => {
    expect(() => quotaAllowance(reading, 1.5)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => quotaAllowance(reading, Number.NaN)).toThrow(/between 0 and 1/);
  });
});

describe('shouldDefer', () => {
  const at = (remaining: number): QuotaReading => ({ limit: 65_000, remaining, resetAt: NOW + 600_000 });

  it('defers once the next step would leave less than the reserve of what remained at the start', () => {
    const meter = { quotaBaseline: at(1000), quota: at(700) };
    expect(shouldDefer(meter, 200)).toBe(false); // leaves 500 of 1000: exactly the reserve
    expect(shouldDefer(meter, 201)).toBe(true);
    expect(shouldDefer(meter, 101, 0.6)).toBe(true);
    expect(shouldDefer({ ...meter, quota: at(0) }, 1, 0)).toBe(true);
  });

  it('never defers without a reading or after the window has reset', () => {
    expect(shouldDefer({ quota: null, quotaBaseline: null }, 1_000_000)).toBe(false);
    expect(shouldDefer({ quotaBaseline: at(1000), quota: at(10) }, 100, 0.5, NOW + 600_000)).toBe(false);
  });

  it('measures against the latest reading when the baseline belongs to an earlier window', () => {
    const old = { ...at(50), resetAt: NOW - 3_000_000 };
    expect(shouldDefer({ quotaBaseline: old, quota: at(1000) }, 400)).toBe(false);
    expect(shouldDefer({ quotaBaseline: old, quota: at(1000) }, 501)).toBe(true);
  });
});
