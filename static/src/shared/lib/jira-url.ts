/** `/browse/KEY`: an issue's page in Jira, relative to the site (the bridge's router opens it). */
export function issueUrl(key: string): string {
  return `/browse/${encodeURIComponent(key)}`;
}
