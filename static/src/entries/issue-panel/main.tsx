import '../../shared/theme/feature-flags';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../../shared/ui/LoadingState';
import { mount } from '../../shared/ui/mount';

const IssuePanel = lazy(() =>
  import('../../features/issue-panel/IssuePanel').then((module) => ({ default: module.IssuePanel })),
);

mount(
  <Suspense fallback={<LoadingState label="Loading PMO details" compact />}>
    <IssuePanel />
  </Suspense>,
);
