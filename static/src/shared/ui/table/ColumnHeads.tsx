/**
 * The header row of a plain HTML table: one column header per label and, with `actions`, a last
 * column for row buttons whose header only screen readers hear.
 */
export function ColumnHeads({
  labels,
  actions = false,
  actionsClassName,
}: {
  labels: readonly string[];
  actions?: boolean;
  /** E.g. `pmo-no-print`: row buttons mean nothing on paper. */
  actionsClassName?: string;
}) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {actions ? (
          <th scope="col" className={actionsClassName}>
            <span className="pmo-visually-hidden">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
