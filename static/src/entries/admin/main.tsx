import '../../shared/theme/feature-flags';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../../shared/ui/LoadingState';
import { mount } from '../../shared/ui/mount';

const AdminSettingsApp = lazy(() => import('../../features/admin-settings/AdminSettingsApp'));

mount(
  <Suspense fallback={<LoadingState label="Loading PMO settings" />}>
    <AdminSettingsApp />
  </Suspense>,
);
