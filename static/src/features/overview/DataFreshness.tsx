import { useEffect, useState } from 'react';
import { formatDataAge, formatTimestamp } from '../../shared/lib/format';

/** "Data as of 5 minutes ago", kept current while the page stays open; the exact time on hover. */
export function DataFreshness({ generatedAt }: { generatedAt: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const age = formatDataAge(generatedAt, now);
  const exact = formatTimestamp(generatedAt);
  return (
    <p className="pmo-subtle" data-testid="data-freshness">
      Data as of{' '}
      <time dateTime={generatedAt} title={exact ?? undefined}>
        {age ?? 'an unknown time'}
      </time>
    </p>
  );
}
