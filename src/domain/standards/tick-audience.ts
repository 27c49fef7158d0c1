import type { TickAudience } from './schema';

/** Who may tick an item, said to people (admin form, issue panel, refusals). */
export function describeTickAudience(audience: TickAudience | undefined): string {
  switch (audience?.kind) {
    case 'group':
      return `members of the Jira group "${audience.group}"`;
    case 'projectRole':
      return `people in the project role "${audience.role}"`;
    case 'pmo':
      return 'the PMO (Jira administrators and the PMO group)';
    default:
      return 'anyone who can edit the issue';
  }
}
