import './filters.css';

export interface ActiveFilter {
  /** What the filter keeps, e.g. "Atlas · Definition of ready"; the chip's text. */
  name: string;
  onClear: () => void;
  clearTestId: string;
}

/**
 * The line above a filtered list: how many rows it shows (announced as a status), and while a filter
 * is set, a chip naming the filter that clears it.
 */
export function FilterStatus({
  text,
  filter,
  testId,
}: {
  text: string;
  filter: ActiveFilter | null;
  testId: string;
}) {
  return (
    <div className="pmo-filter-status" role="status" data-testid={testId}>
      <span>{text}</span>
      {filter ? (
        <button
          type="button"
          className="pmo-filter-chip"
          onClick={filter.onClear}
          data-testid={filter.clearTestId}
          aria-label={`Clear the filter ${filter.name}`}
        >
          <span>{filter.name}</span>
          <span aria-hidden="true" className="pmo-filter-chip__x">
            ×
          </span>
        </button>
      ) : null}
    </div>
  );
}
