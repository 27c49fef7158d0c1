import type { DryRunResult } from '@contracts/settings';
import { IssueKeyLink } from '../../../shared/ui/IssueKeyLink';
import { ColumnHeads } from '../../../shared/ui/table/ColumnHeads';
import { rankingHeadline } from './ranking-impact-text';

type Ranking = NonNullable<DryRunResult['ranking']>;
type Change = Ranking['changes'][number];

const score = (value: number | null) =>
  value === null ? '–' : value.toLocaleString('en', { maximumFractionDigits: 2 });
const rank = (value: number | null) => (value === null ? 'unranked' : `#${value}`);

function Movement({ change }: { change: Change }) {
  const { rankBefore: before, rankAfter: after } = change;
  const text =
    before === null
      ? 'enters the ranking'
      : after === null
        ? 'leaves the ranking'
        : before > after
          ? `up ${before - after}`
          : `down ${after - before}`;
  return (
    <span className="pmo-rag-change">
      {rank(before)}
      <span aria-hidden="true">→</span>
      <span className="pmo-visually-hidden">to</span>
      {rank(after)} <span className="pmo-subtle">({text})</span>
    </span>
  );
}

/** Which proposals the draft's scoring settings would move in the Prioritise ranking, biggest moves first. */
export function RankingImpact({ ranking }: { ranking: Ranking }) {
  return (
    <section aria-labelledby="dry-run-ranking-heading" data-testid="dry-run-ranking">
      <h4 id="dry-run-ranking-heading" className="pmo-dry-run__subhead">
        Prioritisation ranking
      </h4>
      <p data-testid="dry-run-ranking-headline">{rankingHeadline(ranking)}</p>
      <p className="pmo-subtle">
        Ranked from the stored scores and manual ranks, without reading Jira.
        {ranking.jqlNotChecked
          ? ' The new candidate JQL is checked with Jira when you publish; candidates are kept here as their types and projects allow.'
          : ''}
      </p>
      {ranking.changes.length > 0 ? (
        <table className="pmo-table pmo-table--compact" aria-label="Candidates whose rank would change">
          <ColumnHeads labels={['Candidate', 'Rank', 'Score']} />
          <tbody>
            {ranking.changes.map((change) => (
              <tr key={change.issueKey} data-testid={`dry-run-rank-${change.issueKey}`}>
                <td>
                  <IssueKeyLink issueKey={change.issueKey} /> <span>{change.summary}</span>
                </td>
                <td>
                  <Movement change={change} />
                </td>
                <td className="pmo-numeric">
                  {score(change.scoreBefore)} → {score(change.scoreAfter)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
