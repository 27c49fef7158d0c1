/**
 * The header row of a plain HTML table: one column header per label and, with `actions`, a last
 * column for row buttons whose header only screen readers hear.
 */
export function ColumnHeads({ labels, actions = false }: { labels: readonly string[]; actions?: boolean }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {actions ? (
          <th scope="col">
            <span className="pmo-visually-hidden">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
