import type { Lifecycle, Standard } from '@domain/standards/schema';

/** Site statuses (by name, case-insensitive) that no stage lists, in the given order. */
export function unmappedStatuses(lifecycle: Lifecycle, statuses: readonly string[]): string[] {
  const mapped = new Set(
    lifecycle.stages.flatMap((stage) => stage.statuses.map((status) => status.toLowerCase())),
  );
  return statuses.filter((status) => !mapped.has(status.toLowerCase()));
}

/** For each stage id, the rules that name it ("Epic stage gates › closure-gate"). */
export function stageReferences(standards: readonly Standard[]): Map<string, string[]> {
  const references = new Map<string, string[]>();
  const add = (stage: string, where: string) =>
    references.set(stage, [...(references.get(stage) ?? []), where]);
  for (const standard of standards) {
    for (const rule of standard.rules) {
      const where = `${standard.name || standard.id} › ${rule.id}`;
      if (rule.kind === 'gateChecklist') add(rule.stage, where);
      else if (rule.when.fromStage !== undefined) add(rule.when.fromStage, where);
    }
  }
  return references;
}
