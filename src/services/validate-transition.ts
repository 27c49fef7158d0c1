import { z } from 'zod';
import type { AppDeps } from './deps';

/** What Jira sends a Forge workflow validator (the parts the app reads). */
export const ValidatorEventSchema = z.object({
  issue: z.object({ key: z.string() }),
  transition: z
    .object({
      from: z.object({ id: z.string() }).partial().optional(),
      to: z.object({ id: z.string() }).partial(),
    })
    .partial()
    .optional(),
});

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

/**
 * The workflow validator. Standards in `enforce` mode will block here (standards issue); until an
 * admin has any, every transition passes. Unreadable events fail open, as Jira's own validators
 * do for missing data, and are logged.
 */
export async function validateTransition(_deps: AppDeps, event: unknown): Promise<ValidatorResult> {
  const parsed = ValidatorEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('[pmo] validator received an event of unexpected shape; allowing the transition');
    return { result: true };
  }
  return { result: true };
}
