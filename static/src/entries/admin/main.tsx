import '../../shared/theme/feature-flags';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../../shared/ui/LoadingState';
import { mount } from '../../shared/ui/mount';

const AdminSetupPage = lazy(() => import('../../features/admin-setup/AdminSetupPage'));

mount(
  <Suspense fallback={<LoadingState label="Loading PMO settings" />}>
    <AdminSetupPage />
  </Suspense>,
);
