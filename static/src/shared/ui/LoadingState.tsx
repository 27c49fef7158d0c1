import Spinner from '@atlaskit/spinner';

/** A centred spinner that screen readers announce as "<label>". */
export function LoadingState({ label, compact = false }: { label: string; compact?: boolean }) {
  return (
    <div className={compact ? 'pmo-loading pmo-loading--compact' : 'pmo-loading'} role="status">
      <Spinner size={compact ? 'medium' : 'large'} label={label} />
      <span className="pmo-visually-hidden">{label}</span>
    </div>
  );
}
