import type { LateStatusUpdate } from '../../domain/alerts/events';
import type { AppDeps } from '../deps';

/**
 * HOOK for the status updates feature (issue #16 items 1-2): the projects of a portfolio whose
 * status update is late at `asOf`. The alert "a status update late" and the weekly digest's "Late
 * status updates" section read it. Until status updates exist it answers none; wire the status
 * updates feature's pure `lateUpdates(...)` here.
 */
export async function lateStatusUpdates(
  _deps: AppDeps,
  _portfolioId: string,
  _projectKeys: readonly string[],
  _asOf: Date,
): Promise<LateStatusUpdate[]> {
  return [];
}
