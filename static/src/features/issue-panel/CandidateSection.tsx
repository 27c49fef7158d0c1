import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { type ReactNode, useId } from 'react';
import type { UseResolver } from '../../shared/api/use-resolver';
import { LoadingState } from '../../shared/ui/LoadingState';

/** Errors the standards section above already reports for the whole panel, once. */
const PANEL_WIDE_ERRORS: ReadonlySet<string> = new Set([
  'CONFIG_UNREADABLE',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
]);

/**
 * A panel section shown only for candidates (scoring, authorisation): its heading, loading and
 * error states, and `children` with the answer once it is a candidate's.
 */
export function CandidateSection<T extends { status: string }, C extends T>({
  result,
  isCandidate,
  title,
  name,
  loadingLabel,
  errorTitle,
  children,
}: {
  result: UseResolver<T>;
  isCandidate: (data: T) => data is C;
  title: string;
  /** The section's test id and class stem: `<name>-section`, `pmo-<name>`, `<name>-error`. */
  name: string;
  loadingLabel: string;
  errorTitle: string;
  children: (data: C) => ReactNode;
}) {
  const headingId = useId();
  if (result.status === 'ready' && !isCandidate(result.data)) return null;
  if (result.status === 'error' && PANEL_WIDE_ERRORS.has(result.error.code)) return null;
  return (
    <section
      className={`pmo-panel-section pmo-${name}`}
      aria-labelledby={headingId}
      data-testid={`${name}-section`}
    >
      <h3 className="pmo-panel-section__title" id={headingId}>
        {title}
      </h3>
      {result.status === 'loading' ? <LoadingState label={loadingLabel} compact /> : null}
      {result.status === 'error' ? (
        <SectionMessage appearance="warning" title={errorTitle} testId={`${name}-error`}>
          <p>{result.error.message}</p>
          <Button onClick={result.reload}>Try again</Button>
        </SectionMessage>
      ) : null}
      {result.status === 'ready' && isCandidate(result.data) ? children(result.data) : null}
    </section>
  );
}
