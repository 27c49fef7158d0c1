import type { DryRunResult } from '@contracts/settings';

type Ranking = NonNullable<DryRunResult['ranking']>;

const candidates = (count: number) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? 'candidate' : 'candidates'}`;

/** "3 of 12 candidates would change rank (top 3 listed)", with the model switch when there is one. */
export function rankingHeadline(ranking: Ranking): string {
  const model =
    ranking.modelBefore === ranking.modelAfter
      ? ''
      : ranking.modelAfter === null
        ? ' Scoring would be switched off: nothing would be ranked.'
        : ranking.modelBefore === null
          ? ` Scoring would be switched on with ${ranking.modelAfter}.`
          : ` The model would change from ${ranking.modelBefore} to ${ranking.modelAfter}; candidates not yet rated under it leave the ranking.`;
  if (ranking.moved === 0)
    return `No candidate would change rank (${candidates(ranking.compared)} compared).${model}`;
  const listed =
    ranking.changes.length < ranking.moved ? ` (the ${ranking.changes.length} biggest moves listed)` : '';
  return `${ranking.moved.toLocaleString('en-GB')} of ${candidates(ranking.compared)} would change rank${listed}.${model}`;
}
