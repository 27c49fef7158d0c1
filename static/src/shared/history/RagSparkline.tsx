import type { Rag } from '@domain/health/health';
import { Bar, BarChart, Cell } from 'recharts';
import { RAG_FILL, RAG_OF_LETTER } from './rag-colors';
import './history.css';

/** Bar height per RAG: worse is taller, so a project getting worse reads as a rising line. */
const LEVEL: Record<Rag, number> = { none: 1, green: 1, amber: 2, red: 3 };

type Props = {
  /** One letter per day, oldest first: g, a, r, n, or "-" for a day without a record. */
  rag: string;
  /** What the days cover, for the accessible name ("12 weeks"). */
  period: string;
  /** Whose RAG it is, for the accessible name: "Health" (the default) or an indicator's name. */
  subject?: string;
  testId?: string;
};

/** Counts of days per RAG, for the sparkline's accessible name. */
export function describeRagDays(rag: string, period: string, subject = 'Health'): string {
  const counts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const letter of rag) {
    const value = RAG_OF_LETTER[letter];
    if (value) counts[value] += 1;
  }
  const recorded = counts.green + counts.amber + counts.red + counts.none;
  if (recorded === 0) return `No ${subject === 'Health' ? 'health' : subject} recorded in the last ${period}`;
  const latest = RAG_OF_LETTER[[...rag].reverse().find((letter) => letter !== '-') ?? ''] ?? 'none';
  const parts = (['red', 'amber', 'green'] as const)
    .filter((value) => counts[value] > 0)
    .map((value) => `${counts[value]} ${value}`);
  return `${subject} over the last ${period}: ${parts.join(', ') || 'no RAG'} (days recorded: ${recorded}); latest ${latest}`;
}

/** A project's health day by day as a small bar chart (taller and redder is worse). */
export function RagSparkline({ rag, period, subject, testId }: Props) {
  const data = [...rag].map((letter, index) => {
    const value = RAG_OF_LETTER[letter];
    return { index, level: value ? LEVEL[value] : 0, fill: value ? RAG_FILL[value] : 'transparent' };
  });
  const label = describeRagDays(rag, period, subject);
  return (
    <span role="img" aria-label={label} title={label} data-testid={testId} className="pmo-sparkline">
      <BarChart
        width={Math.max(42, data.length + 8)}
        height={22}
        data={data}
        barCategoryGap={0}
        margin={{ top: 1, right: 0, bottom: 1, left: 0 }}
      >
        <Bar dataKey="level" isAnimationActive={false}>
          {data.map((entry) => (
            <Cell key={entry.index} fill={entry.fill} />
          ))}
        </Bar>
      </BarChart>
    </span>
  );
}
