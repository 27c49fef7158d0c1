/**
 * URLs that come from Jira data are only used when they are plain web addresses: a path on the
 * site ("/browse/ABC") or an absolute http(s) URL. Anything else (javascript:, data:, protocol-
 * relative "//host") answers null.
 */
export function safeJiraUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.startsWith('/')) return trimmed.startsWith('//') || trimmed.startsWith('/\\') ? null : trimmed;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
