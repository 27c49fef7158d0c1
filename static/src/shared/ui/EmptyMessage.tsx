import EmptyState from '@atlaskit/empty-state';
import type { ComponentProps } from 'react';

type EmptyStateProps = ComponentProps<typeof EmptyState>;

type Props = {
  testId: string;
  header: string;
  description: EmptyStateProps['description'];
  /** 2 for a whole page with nothing to show, 3 for an empty section. */
  headingLevel: 2 | 3;
  headingSize?: EmptyStateProps['headingSize'];
  /** Set where the place of a table says how many rows it shows (`data-rows`, 0). */
  rows?: 0;
};

/** What a page or section shows instead of its content when there is nothing to list: what and why. */
export function EmptyMessage({ testId, header, description, headingLevel, headingSize, rows }: Props) {
  return (
    <div className="pmo-empty" data-testid={testId} {...(rows === undefined ? {} : { 'data-rows': rows })}>
      <EmptyState
        header={header}
        headingLevel={headingLevel}
        description={description}
        {...(headingSize === undefined ? {} : { headingSize })}
      />
    </div>
  );
}
