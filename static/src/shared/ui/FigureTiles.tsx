import type { ReactNode } from 'react';

export interface FigureTile {
  /** Names the tile's test id: `<testIdPrefix>-<id>`. */
  id: string;
  label: string;
  value: ReactNode;
}

/** A page's headline figures as labelled tiles (a description list, so each number keeps its label). */
export function FigureTiles({
  tiles,
  testIdPrefix,
  twoColumns = false,
}: {
  tiles: readonly FigureTile[];
  testIdPrefix: string;
  /** Two tiles a row at most (beside another block) instead of as many as fit. */
  twoColumns?: boolean;
}) {
  return (
    <dl className={twoColumns ? 'pmo-kpis pmo-kpis--two' : 'pmo-kpis'}>
      {tiles.map((tile) => (
        <div className="pmo-kpi" key={tile.id} data-testid={`${testIdPrefix}-${tile.id}`}>
          <dt>{tile.label}</dt>
          <dd className="pmo-numeric">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
