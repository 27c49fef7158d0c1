import type { Lifecycle } from './schema';

/** Where statuses and stage ids sit in the lifecycle's order (statuses matched case-insensitively). */
export interface StageLookup {
  indexOfStatus(name: string): number | undefined;
  stage(id: string): { index: number; name: string } | undefined;
}

export function stageLookup(lifecycle: Lifecycle): StageLookup {
  const byStatus = new Map<string, number>();
  const byId = new Map<string, { index: number; name: string }>();
  lifecycle.stages.forEach((stage, index) => {
    byId.set(stage.id, { index, name: stage.name });
    for (const status of stage.statuses) byStatus.set(status.toLowerCase(), index);
  });
  return {
    indexOfStatus: (name) => byStatus.get(name.toLowerCase()),
    stage: (id) => byId.get(id),
  };
}
