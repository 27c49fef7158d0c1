import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { error: Error | null };

/** Last line of defence: a render error shows a message and a way to try again, not a blank frame. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('PMO Portfolio view crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <main className="pmo-page">
        <SectionMessage
          appearance="error"
          title="This view stopped working"
          actions={[
            <SectionMessageAction key="retry" onClick={() => this.setState({ error: null })}>
              Retry
            </SectionMessageAction>,
          ]}
        >
          <p>{this.state.error.message}</p>
        </SectionMessage>
      </main>
    );
  }
}
