import { isRestrictedKey } from '@domain/snapshot/viewer-filter';

/** `/browse/KEY`: an issue's page in Jira, relative to the site (the bridge's router opens it). */
export function issueUrl(key: string): string {
  return `/browse/${encodeURIComponent(key)}`;
}

/** Jira's issue navigator showing the issues `jql` finds: every "Open in Jira" link of an issue list. */
export function issueSearchUrl(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}

/** A JQL string literal: always quoted, so reserved words, spaces and quotes in values stay values. */
export function jqlValue(value: string): string {
  return `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** The clauses of an issue list joined with AND (empty clauses are left out). */
export function jqlAnd(...clauses: readonly (string | null | undefined)[]): string {
  return clauses.filter((clause): clause is string => Boolean(clause)).join(' AND ');
}

/** `project = "KEY"`. */
export function jqlProject(projectKey: string): string {
  return `project = ${jqlValue(projectKey)}`;
}

/**
 * `key in ("A-1", "B-2")` for a list known only by its keys; keys of restricted issues (which the
 * viewer may not see) are left out. Null when no key remains.
 */
export function jqlKeys(keys: readonly string[]): string | null {
  const visible = keys.filter((key) => !isRestrictedKey(key));
  return visible.length === 0 ? null : `key in (${visible.map(jqlValue).join(', ')})`;
}
