import { z } from 'zod';

/** What the app uses a custom field for. Ids differ per site, so fields are recognised by name. */
export const FieldRoleSchema = z.enum([
  'storyPoints',
  'startDate',
  'team',
  'riskProbability',
  'riskImpact',
  'riskOwner',
  'roam',
]);
export type FieldRole = z.infer<typeof FieldRoleSchema>;

const rolePatterns: [FieldRole, RegExp][] = [
  ['storyPoints', /^story ?points?( estimate)?$/i],
  ['startDate', /^start ?date$/i],
  ['team', /^team$/i],
  ['riskProbability', /^(risk )?(probability|likelihood)$/i],
  ['riskImpact', /^(risk )?(impact|severity)$/i],
  ['riskOwner', /^risk owner$/i],
  ['roam', /^(roam|roam status|risk roam)$/i],
];

/** The role a field's name suggests, or null. The admin confirms the mapping in settings. */
export function guessFieldRole(fieldName: string): FieldRole | null {
  const name = fieldName.trim();
  for (const [role, pattern] of rolePatterns) if (pattern.test(name)) return role;
  return null;
}
