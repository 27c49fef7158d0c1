import type { HeatMap as HeatMapData } from '@domain/risks/raid';
import { type KeyboardEvent, useRef, useState } from 'react';
import {
  type HeatFilter,
  heatCellLabel,
  heatMapRows,
  LEVEL_LABEL,
  levelRanges,
  levelRangeText,
  SCALE,
} from './raid-model';

type Props = {
  heatmap: HeatMapData;
  filter: HeatFilter | null;
  onFilter: (filter: HeatFilter | null) => void;
};

const clamp = (value: number) => Math.min(5, Math.max(1, value));
const cellId = ({ probability, impact }: HeatFilter) => `${probability}-${impact}`;

/** Where the arrow keys move from a cell: up is more likely, right is more severe. */
function moveFrom(from: HeatFilter, key: string): HeatFilter | null {
  switch (key) {
    case 'ArrowUp':
      return { ...from, probability: clamp(from.probability + 1) };
    case 'ArrowDown':
      return { ...from, probability: clamp(from.probability - 1) };
    case 'ArrowRight':
      return { ...from, impact: clamp(from.impact + 1) };
    case 'ArrowLeft':
      return { ...from, impact: clamp(from.impact - 1) };
    case 'Home':
      return { ...from, impact: 1 };
    case 'End':
      return { ...from, impact: 5 };
    default:
      return null;
  }
}

/**
 * The 5 x 5 probability x impact heat map of open, unresolved risks: probability 5 on top, impact 5 on
 * the right, each cell coloured by its level under the risk matrix and showing its count. A cell is a
 * toggle button that filters the register to its risks. One cell is in the tab order; arrow keys,
 * Home and End move between cells.
 */
export function HeatMap({ heatmap, filter, onFilter }: Props) {
  const rows = heatMapRows(heatmap);
  const [focusTarget, setFocusTarget] = useState<HeatFilter>(filter ?? { probability: 5, impact: 1 });
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const tabStop = filter ?? focusTarget;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, from: HeatFilter) => {
    const next = moveFrom(from, event.key);
    if (next === null) return;
    event.preventDefault();
    setFocusTarget(next);
    buttons.current.get(cellId(next))?.focus();
  };

  return (
    <div className="pmo-heatmap" data-testid="raid-heatmap" data-total={heatmap.total}>
      <div className="pmo-heatmap__body">
        <span className="pmo-heatmap__axis pmo-heatmap__axis--y" aria-hidden="true">
          Probability
        </span>
        <table className="pmo-heatmap__grid">
          <caption className="pmo-visually-hidden">
            Open risks by probability (rows, 5 is most likely) and impact (columns, 5 is most severe). Select
            a cell to list its risks.
          </caption>
          <thead>
            <tr>
              <td />
              {SCALE.map((impact) => (
                <th scope="col" key={impact} className="pmo-heatmap__head">
                  <span className="pmo-visually-hidden">Impact </span>
                  {impact}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const probability = row[0]?.probability ?? 0;
              return (
                <tr key={probability}>
                  <th scope="row" className="pmo-heatmap__head">
                    <span className="pmo-visually-hidden">Probability </span>
                    {probability}
                  </th>
                  {row.map((cell) => {
                    const at = { probability: cell.probability, impact: cell.impact };
                    const selected =
                      filter !== null &&
                      filter.probability === cell.probability &&
                      filter.impact === cell.impact;
                    const empty = cell.count === 0;
                    return (
                      <td key={cell.impact} className="pmo-heatmap__cell">
                        <button
                          type="button"
                          ref={(element) => {
                            if (element) buttons.current.set(cellId(at), element);
                            else buttons.current.delete(cellId(at));
                          }}
                          className={`pmo-heat-cell pmo-heat-cell--${cell.level}${empty ? ' pmo-heat-cell--empty' : ''}`}
                          data-testid={`heat-cell-${cell.probability}-${cell.impact}`}
                          data-count={cell.count}
                          data-level={cell.level}
                          aria-label={heatCellLabel(cell)}
                          aria-pressed={selected}
                          aria-disabled={empty ? true : undefined}
                          title={`Score ${cell.score}, ${LEVEL_LABEL[cell.level].toLowerCase()}`}
                          tabIndex={cellId(tabStop) === cellId(at) ? 0 : -1}
                          onFocus={() => setFocusTarget(at)}
                          onKeyDown={(event) => onKeyDown(event, at)}
                          onClick={() => {
                            if (empty) return;
                            onFilter(selected ? null : at);
                          }}
                        >
                          {cell.count}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <span className="pmo-heatmap__axis pmo-heatmap__axis--x" aria-hidden="true">
        Impact
      </span>
      <ul className="pmo-legend-items pmo-legend-items--roomy pmo-heatmap__legend" aria-label="Risk levels">
        {levelRanges(heatmap).map((range) => (
          <li key={range.level}>
            <span className={`pmo-heatmap__swatch pmo-heat-cell--${range.level}`} aria-hidden="true" />
            {LEVEL_LABEL[range.level]} <span className="pmo-subtle">({levelRangeText(range)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
