import { useEffect, useState } from 'react';
import { formatDataAge, formatTimestamp } from '../lib/format';

type Props = {
  generatedAt: string;
  /** What the time is of, e.g. "Health as of"; "Data as of" by default. */
  label?: string;
  testId?: string;
};

/** "Data as of 5 minutes ago", kept current while the page stays open; the exact time on hover. */
export function DataFreshness({ generatedAt, label = 'Data as of', testId = 'data-freshness' }: Props) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const age = formatDataAge(generatedAt, now);
  const exact = formatTimestamp(generatedAt);
  return (
    <p className="pmo-subtle" data-testid={testId}>
      {label}{' '}
      <time dateTime={generatedAt} title={exact ?? undefined}>
        {age ?? 'an unknown time'}
      </time>
    </p>
  );
}
