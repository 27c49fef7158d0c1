import { IconButton } from '@atlaskit/button/new';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import DeleteIcon from '@atlaskit/icon/core/delete';

const ICONS = { up: ArrowUpIcon, down: ArrowDownIcon, remove: DeleteIcon } as const;

/** Move up, move down or remove a row: an Atlaskit icon button named for screen readers and tooltips. */
export function RowButton({
  label,
  action,
  onClick,
  disabled = false,
  testId,
}: {
  label: string;
  action: keyof typeof ICONS;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <IconButton
      label={label}
      icon={ICONS[action]}
      appearance="subtle"
      spacing="compact"
      isDisabled={disabled}
      testId={testId}
      onClick={onClick}
    />
  );
}
