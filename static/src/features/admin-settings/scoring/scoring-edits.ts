import type { PmoConfig } from '@domain/config/schema';
import { scoringPresets } from '@domain/scoring/presets';
import type { Criterion, CriterionInput, ScoringModel, ScoringSettings } from '@domain/scoring/schema';

export type PresetId = keyof typeof scoringPresets;

export const PRESET_CHOICES: readonly { value: PresetId; label: string }[] = [
  { value: 'wsjf', label: 'WSJF' },
  { value: 'rice', label: 'RICE' },
  { value: 'strategicFit', label: 'Weighted with strategic themes' },
];

/** An id not yet taken among `taken`: `base`, then `base-2`, `base-3`... */
export function freeId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** The scoring settings with one section changed. */
export function withScoring(
  draft: PmoConfig,
  change: (scoring: ScoringSettings) => ScoringSettings,
): PmoConfig {
  return { ...draft, scoring: change(draft.scoring) };
}

/** Adds a model copied from a preset; it becomes the active model when none is. */
export function addPresetModel(scoring: ScoringSettings, preset: PresetId): ScoringSettings {
  const source = scoringPresets[preset];
  const id = freeId(
    source.id,
    scoring.models.map((model) => model.id),
  );
  const name = id === source.id ? source.name : `${source.name} (${id})`;
  return {
    ...scoring,
    models: [...scoring.models, { ...source, id, name }],
    activeModelId: scoring.activeModelId ?? id,
  };
}

export function removeModel(scoring: ScoringSettings, modelId: string): ScoringSettings {
  const models = scoring.models.filter((model) => model.id !== modelId);
  const activeModelId = scoring.activeModelId === modelId ? (models[0]?.id ?? null) : scoring.activeModelId;
  return { ...scoring, models, activeModelId };
}

export function replaceModel(scoring: ScoringSettings, model: ScoringModel, index: number): ScoringSettings {
  return { ...scoring, models: scoring.models.map((existing, i) => (i === index ? model : existing)) };
}

export const DEFAULT_SCALE: CriterionInput = {
  kind: 'scale',
  levels: ['Very low', 'Low', 'Medium', 'High', 'Very high'].map((label, index) => ({
    label,
    value: index + 1,
  })),
};

export function newCriterion(model: ScoringModel): Criterion {
  const id = freeId(
    'criterion',
    model.criteria.map((criterion) => criterion.id),
  );
  return {
    id,
    name: 'New criterion',
    description: '',
    weight: 1,
    direction: 'higherIsBetter',
    input: DEFAULT_SCALE,
  };
}

/** The criterion's input when the admin switches its kind (a scale keeps its levels if it had them). */
export function inputOfKind(kind: CriterionInput['kind'], current: CriterionInput): CriterionInput {
  if (kind === current.kind) return current;
  switch (kind) {
    case 'scale':
      return DEFAULT_SCALE;
    case 'theme':
      return { kind: 'theme' };
    case 'field':
      return { kind: 'field', field: { kind: 'role', role: 'storyPoints' }, min: 0, max: 100 };
  }
}
