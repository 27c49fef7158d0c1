import type { SiteSetup } from '../../../../src/resolvers/contract';

export type FieldRole = NonNullable<SiteSetup['customFields'][number]['role']>;

/** How the app would use a custom field, in the words a PMO uses. */
export const FIELD_ROLE_LABEL: Record<FieldRole, string> = {
  storyPoints: 'Story points',
  startDate: 'Start date',
  team: 'Team',
  riskProbability: 'Risk probability',
  riskImpact: 'Risk impact',
  riskOwner: 'Risk owner',
  roam: 'ROAM status',
};
