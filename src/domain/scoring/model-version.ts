import type { ScoringModel } from './schema';

/**
 * A short fingerprint of what a model computes with (formula, criteria, weights, directions, scales),
 * not its names: stored with every score so a score made before the scale or weights changed is shown
 * as made on an earlier version of the model.
 */
export function modelVersion(model: ScoringModel): string {
  const meaning = JSON.stringify([
    model.formula,
    model.criteria.map((criterion) => [criterion.id, criterion.weight, criterion.direction, criterion.input]),
  ]);
  // FNV-1a, 32 bits: stable across runs and platforms, enough to tell versions of one model apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < meaning.length; i++) {
    hash ^= meaning.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
