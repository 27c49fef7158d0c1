import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { errorTitle, type InvokeError } from '../api/invoke-error';

type Props = {
  error: InvokeError;
  /** What failed, e.g. "load the portfolio". */
  what: string;
  onRetry: () => void;
  appearance?: 'error' | 'warning';
};

/** A failed call, in plain words, with a Retry button. Error text is rendered as text only. */
export function ErrorState({ error, what, onRetry, appearance = 'error' }: Props) {
  return (
    <div className="pmo-error" data-testid="error-state">
      <SectionMessage
        appearance={appearance}
        title={errorTitle(error.code)}
        actions={[
          <SectionMessageAction key="retry" onClick={onRetry}>
            Retry
          </SectionMessageAction>,
        ]}
      >
        <p>
          We couldn't {what}. {error.message}
        </p>
        <p className="pmo-subtle">Error code: {error.code}</p>
      </SectionMessage>
    </div>
  );
}
