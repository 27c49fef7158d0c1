import Lozenge from '@atlaskit/lozenge';
import type { ReactNode } from 'react';

/**
 * One item of a settings list (a portfolio, a standard, a scoring model): a header with its name, a
 * one-line summary, how many problems it has and its actions; below, its fields when shown.
 */
export function SettingsCard({
  as: Container = 'li',
  name,
  summary,
  problemCount = 0,
  actions,
  bodyId,
  label,
  testId,
  children,
}: {
  as?: 'li' | 'section';
  name: ReactNode;
  summary: ReactNode;
  problemCount?: number;
  actions?: ReactNode;
  /** The body's id, for a header button that shows and hides it (aria-controls). */
  bodyId?: string;
  label?: string;
  testId: string;
  /** The fields; nothing while the card is collapsed. */
  children?: ReactNode;
}) {
  return (
    <Container className="pmo-card" data-testid={testId} aria-label={label}>
      <div className="pmo-card__header">
        <div className="pmo-card__title">
          <h3 className="pmo-card__name">{name}</h3>
          <p className="pmo-subtle pmo-card__summary">{summary}</p>
        </div>
        {problemCount > 0 ? <Lozenge appearance="removed">{`${problemCount} to fix`}</Lozenge> : null}
        {actions}
      </div>
      {children ? (
        <div className="pmo-card__body pmo-stack" id={bodyId}>
          {children}
        </div>
      ) : null}
    </Container>
  );
}
