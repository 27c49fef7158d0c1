/**
 * Reading raw Jira field values the way people think of them: is it filled in, what text or number
 * does it hold. Jira sends strings, numbers, option objects (`{ value }`), users (`{ accountId }`),
 * named objects (`{ name }`), arrays of those, and Atlassian Document Format for rich text.
 */

/** Longest text a pattern condition is run against; longer values are cut (keeps regexes fast). */
export const MAX_PATTERN_INPUT = 10_000;

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'boolean') return false;
  if (Array.isArray(value)) return value.every(isEmptyValue);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'doc') return adfText(record).trim() === '';
    for (const key of ['value', 'name', 'displayName', 'accountId', 'key', 'id'] as const) {
      if (key in record) return isEmptyValue(record[key]);
    }
    return Object.keys(record).length === 0;
  }
  return false;
}

/** The text values a field holds (options by value, users by name, objects by name/key). */
export function textValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(textValues);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'doc') {
      const text = adfText(record);
      return text.trim() === '' ? [] : [text];
    }
    for (const key of ['value', 'name', 'displayName', 'key'] as const) {
      const inner = record[key];
      if (typeof inner === 'string' || typeof inner === 'number') return textValues(inner);
    }
  }
  return [];
}

/** A number held by the field (numbers, numeric strings, options like "4 - Likely"); null otherwise. */
export function numberValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const [text] = textValues(value);
  if (text === undefined) return null;
  const match = /^\s*(-?\d+(?:\.\d+)?)/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Plain text of an Atlassian Document Format node. */
export function adfText(node: unknown): string {
  if (node === null || typeof node !== 'object') return '';
  const record = node as { text?: unknown; content?: unknown };
  const own = typeof record.text === 'string' ? record.text : '';
  const children = Array.isArray(record.content) ? record.content.map(adfText).join(' ') : '';
  return own + children;
}
