import { RESTRICTED_PROJECT } from '@domain/snapshot/viewer-filter';

/** How a project the viewer cannot browse is named wherever a project name goes. */
export const RESTRICTED_PROJECT_NAME = 'A restricted project';

export function projectLabel(key: string, name: string): string {
  return key === RESTRICTED_PROJECT ? RESTRICTED_PROJECT_NAME : name;
}
