import { z } from 'zod';
import { SETTINGS_LIMITS, type SettingsProblem } from '../../contracts/settings';
import { type PmoConfig, PmoConfigSchema } from '../../domain/config/schema';
import { AppError, describeZodIssues } from '../../domain/errors';
import { untrustedShapeProblem } from '../../domain/untrusted';
import { contentErrors, structuralErrors } from './candidate';

/**
 * The JSON file of an export, and how an import reads it: size first (before any parsing), then
 * JSON, then the same strict zod schema a save uses (unknown keys and unknown rule kinds rejected),
 * then the content rules. Nothing in the file is ever evaluated; strings stay data.
 */

export const EXPORT_FORMAT = 'pmo-portfolio-settings';

const EnvelopeSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    formatVersion: z.literal(1),
    exportedAt: z.string().max(100).optional(),
    exportedFrom: z
      .object({ version: z.number().int().min(0), savedAt: z.string().max(100).nullable() })
      .strict()
      .optional(),
    config: z.unknown(),
  })
  .strict();

export function exportDocument(
  config: PmoConfig,
  version: number,
  savedAt: string | null,
  now: Date,
): string {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      formatVersion: 1,
      exportedAt: now.toISOString(),
      exportedFrom: { version, savedAt },
      config,
    },
    null,
    2,
  );
}

export interface ParsedImport {
  /** Null when the file does not validate. */
  config: PmoConfig | null;
  /** Errors only (site warnings are added by the preview). */
  problems: SettingsProblem[];
}

/**
 * Reads an import. PAYLOAD_TOO_LARGE (thrown) for text over the limit; every other problem is
 * listed with its path (paths are relative to the configuration).
 */
export function parseImport(text: string): ParsedImport {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > SETTINGS_LIMITS.maxImportBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; settings files can be at most ${SETTINGS_LIMITS.maxImportBytes / 1024 / 1024} MB`,
      { bytes, limit: SETTINGS_LIMITS.maxImportBytes },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('(root)', `The file is not valid JSON${jsonErrorDetail(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('(root)', 'The file must contain a JSON object: an export of PMO settings');
  }
  const shape = untrustedShapeProblem(value);
  if (shape) return fail(shape.path.replace(/^\(root\)\.(config\.)?/, ''), shape.message);
  let candidate: unknown = value;
  if ('format' in value) {
    const envelope = EnvelopeSchema.safeParse(value);
    if (!envelope.success) {
      const issue = describeZodIssues(envelope.error)[0];
      return fail(
        issue?.path ?? '(root)',
        `Not a PMO settings export: ${issue?.message ?? 'unexpected shape'}`,
      );
    }
    candidate = envelope.data.config;
  }
  const parsed = PmoConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      config: null,
      problems: describeZodIssues(parsed.error)
        .slice(0, 100)
        .map((issue) => ({ ...issue, severity: 'error' as const })),
    };
  }
  const problems = [...structuralErrors(parsed.data), ...contentErrors(parsed.data)];
  return problems.length > 0 ? { config: null, problems } : { config: parsed.data, problems: [] };
}

function fail(path: string, message: string): ParsedImport {
  return { config: null, problems: [{ path, message, severity: 'error' }] };
}

/** The parser's reason without the quoted excerpt of the file (which may hold anything). */
function jsonErrorDetail(error: unknown): string {
  if (!(error instanceof SyntaxError)) return '';
  const reason = error.message.replace(/,\s*".*"\s+is not valid JSON\s*$/s, '').slice(0, 200);
  return reason ? ` (${reason})` : '';
}
