import '@atlaskit/css-reset';
import 'virtual:pmo-theme-tokens.css';
import '../theme/app.css';
import '../theme/layout.css';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryProvider } from '../api/query-client';
import { enableTheme } from '../theme/theme';
import { ErrorBoundary } from './ErrorBoundary';

/** Renders an entry's root view into #root, with theming, a crash boundary and the data-fetching client. */
export function mount(view: ReactNode): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  void enableTheme();
  createRoot(container).render(
    <StrictMode>
      <ErrorBoundary>
        <QueryProvider>{view}</QueryProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
