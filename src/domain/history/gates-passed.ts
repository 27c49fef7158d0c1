import { projectOfKey } from '../dependencies/keys';

export interface GatePassed {
  key: string;
  projectKey: string;
  /** Stage names: where the issue was (null when it was in no stage or not yet gated) and is now. */
  from: string | null;
  to: string;
}

/**
 * Gated issues in a later lifecycle stage on the later day than on the earlier one: each passed a
 * gate. An issue gated only on the later day counts when it is past the first stage (it got there
 * since). Sorted by key.
 */
export function gatesPassedBetween(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  stages: readonly { id: string; name: string }[],
): GatePassed[] {
  const index = new Map(stages.map((stage, position) => [stage.id, position]));
  const name = (id: string) => stages.find((stage) => stage.id === id)?.name ?? id;
  const passed: GatePassed[] = [];
  for (const [key, stageId] of Object.entries(after)) {
    const previous = before[key];
    const now = index.get(stageId) ?? -1;
    const then = previous === undefined ? 0 : (index.get(previous) ?? -1);
    if (now <= then) continue;
    passed.push({
      key,
      projectKey: projectOfKey(key),
      from: previous ? name(previous) : null,
      to: name(stageId),
    });
  }
  return passed.sort((a, b) => a.key.localeCompare(b.key));
}
