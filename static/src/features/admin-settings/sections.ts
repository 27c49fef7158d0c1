import type { ConfigPart } from './draft/draft-reducer';

/** The sections of the settings page, in the order of the left navigation. */
export const SETTINGS_SECTIONS = [
  { id: 'portfolios', label: 'Portfolios' },
  { id: 'standards', label: 'Standards & gates' },
  { id: 'lifecycle', label: 'Lifecycle' },
  { id: 'thresholds', label: 'Health thresholds' },
  { id: 'risk-matrix', label: 'Risk matrix' },
  { id: 'mappings', label: 'Mappings' },
  { id: 'overrides', label: 'Overrides' },
  { id: 'history', label: 'History' },
  { id: 'access', label: 'Access' },
  { id: 'versions', label: 'Versions' },
  { id: 'audit', label: 'Audit log' },
  { id: 'import-export', label: 'Import/export' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'scoring', label: 'Scoring' },
] as const;

export type SectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

export function sectionLabel(id: SectionId): string {
  return SETTINGS_SECTIONS.find((section) => section.id === id)?.label ?? id;
}

const ENGINE_SECTION: Record<string, SectionId> = {
  health: 'thresholds',
  staleDays: 'thresholds',
  riskMatrix: 'risk-matrix',
  riskFallback: 'risk-matrix',
  blockingLinks: 'mappings',
  raidTypes: 'mappings',
  riskRoamFieldId: 'mappings',
  riskOwnerFieldId: 'mappings',
  limits: 'thresholds',
  complianceHealth: 'thresholds',
};

const TOP_SECTION: Record<string, SectionId> = {
  portfolios: 'portfolios',
  access: 'access',
  history: 'history',
  standards: 'standards',
  lifecycle: 'lifecycle',
  fieldMapping: 'mappings',
  overrides: 'overrides',
  notifications: 'notifications',
  scoring: 'scoring',
};

/**
 * The section that edits the value at `path` (a config path as zod reports it), or null for
 * values no section edits (such as `schemaVersion`).
 */
export function sectionOfPath(path: readonly PropertyKey[]): SectionId | null {
  const [first, second] = path;
  if (first === 'engine') return typeof second === 'string' ? (ENGINE_SECTION[second] ?? null) : null;
  return typeof first === 'string' ? (TOP_SECTION[first] ?? null) : null;
}

export function sectionOfPart(part: ConfigPart): SectionId | null {
  return sectionOfPath(part);
}

/** The sections of `parts`, each once, in navigation order. */
export function sectionsOfParts(parts: readonly ConfigPart[]): SectionId[] {
  const found = new Set(parts.map(sectionOfPart).filter((id): id is SectionId => id !== null));
  return SETTINGS_SECTIONS.map((section) => section.id).filter((id) => found.has(id));
}
