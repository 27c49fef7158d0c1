import { SETTINGS_LIMITS } from '@contracts/settings';

export type Precheck = { ok: true } | { ok: false; message: string };

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A file bigger than the server accepts is refused before it is even read. */
export function precheckSize(bytes: number): Precheck {
  return bytes > SETTINGS_LIMITS.maxImportBytes
    ? {
        ok: false,
        message: `This is ${formatBytes(bytes)}, more than the ${formatBytes(SETTINGS_LIMITS.maxImportBytes)} an import may be. Import a file exported from PMO settings.`,
      }
    : { ok: true };
}

/**
 * What can be said about an import without the server: it is there, not too big, JSON, and a JSON
 * object. Everything else (the schema, the content rules, the site) is the server's preview.
 */
export function precheckImport(text: string): Precheck {
  if (text.trim() === '') return { ok: false, message: 'Choose a file or paste the exported JSON first.' };
  const size = precheckSize(utf8Bytes(text));
  if (!size.ok) return size;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `This is not valid JSON (${detail}). Import a file exported from PMO settings.`,
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      message: 'This JSON is not a PMO settings export: it should be one object, as the export writes it.',
    };
  }
  return { ok: true };
}

/** A download name that is safe on every system. */
export function safeFileName(name: string, fallback = 'pmo-settings.json'): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, 120);
  return cleaned === '' ? fallback : cleaned.endsWith('.json') ? cleaned : `${cleaned}.json`;
}
