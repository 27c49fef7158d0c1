import type { Lifecycle } from '../standards/schema';

/**
 * Where authorisation sits in the lifecycle: a candidate is decided while it is in a stage before
 * Planning (Inception), and approving it moves it into Planning's first status. Planning is the stage
 * with the id `planning` (the default lifecycle's), or else the one named "Planning".
 */
export interface InceptionGate {
  /** Index of the Planning stage in the lifecycle. */
  planningIndex: number;
  planningName: string;
  /** Planning's statuses in the admin's order: the first one Jira offers a transition into is used. */
  planningStatuses: string[];
}

export function inceptionGateOf(lifecycle: Lifecycle): InceptionGate | null {
  const index = lifecycle.stages.findIndex((stage) => stage.id === 'planning');
  const planningIndex =
    index >= 0
      ? index
      : lifecycle.stages.findIndex((stage) => stage.name.trim().toLowerCase() === 'planning');
  const stage = lifecycle.stages[planningIndex];
  if (!stage) return null;
  return { planningIndex, planningName: stage.name, planningStatuses: stage.statuses };
}

/** The candidate's status is in a stage before Planning. */
export function isBeforePlanning(gate: InceptionGate, stageIndex: number | undefined): boolean {
  return stageIndex !== undefined && stageIndex < gate.planningIndex;
}

/** The status is one of Planning's. */
export function isPlanningStatus(gate: InceptionGate, status: string): boolean {
  const name = status.trim().toLowerCase();
  return gate.planningStatuses.some((candidate) => candidate.trim().toLowerCase() === name);
}
