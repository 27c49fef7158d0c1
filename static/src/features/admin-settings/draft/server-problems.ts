import type { SettingsProblem } from '@contracts/settings';
import { z } from 'zod';
import type { InvokeError } from '../../../shared/api/invoke-error';
import { type Problem, type Problems, toProblems } from './validation';

/**
 * What the server says about a configuration (validateSettings, a refused save or import), turned
 * into the editor's problems so that each shows next to its field like the client's own.
 */

/** `standards[0].rules[1]` or `standards/0/rules/1` as the editor's `standards.0.rules.1`. */
export function normalizePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\[([^\]]*)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^\(root\)$/, '');
}

/** Client problems plus the server's; warnings are marked as such and never block a publish. */
export function mergeProblems(client: Problems, server: readonly SettingsProblem[]): Problems {
  if (server.length === 0) return client;
  const list: Problem[] = [
    ...client.list,
    ...server.map((problem) => ({
      path: normalizePath(problem.path),
      message: problem.message,
      severity: problem.severity,
    })),
  ];
  return toProblems(list);
}

const ProblemsDetails = z.object({
  problems: z.array(
    z.object({
      path: z.string(),
      message: z.string(),
      severity: z.enum(['error', 'warning']).default('error'),
    }),
  ),
});

/** The problems a BAD_REQUEST answer carries in `details.problems`, or none. */
export function problemsOfError(error: InvokeError): SettingsProblem[] {
  const parsed = ProblemsDetails.safeParse(error.details);
  return parsed.success ? parsed.data.problems : [];
}

const ConflictDetails = z.object({ liveVersion: z.number().int().nonnegative() });

/** The live version a CONFLICT answer names, or null. */
export function liveVersionOfConflict(error: InvokeError): number | null {
  const parsed = ConflictDetails.safeParse(error.details);
  return parsed.success ? parsed.data.liveVersion : null;
}
