import { z } from 'zod';
import { AppError } from '../domain/errors';
import { StatusCategoryKey } from '../domain/model';
import type { Standard } from '../domain/standards/schema';
import type { AppDeps } from './deps';
import { type LiveConfig, loadLiveConfig } from './settings/live-config';
import { readIssueFacts } from './standards/issue-facts';
import { evaluatorFor } from './standards/issue-standards';
import { loadStandardsSite } from './standards/standards-site';

/** What Jira sends a Forge workflow validator (the parts the app reads). */
export const ValidatorEventSchema = z.object({
  issue: z.object({ key: z.string(), id: z.string().optional() }),
  transition: z.object({
    from: z.object({ id: z.string() }).partial().optional(),
    to: z.object({ id: z.string() }),
  }),
});

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

/** Fail-open events are kept for the compliance report under this prefix. */
export const FAIL_OPEN_PREFIX = 'validator:fail-open:';

const ALLOW: ValidatorResult = { result: true };
/**
 * Jira gives a validator 25 s. Retries stop after this budget so a struggling Jira still gets an
 * answer (fail open or closed) in time.
 */
const VALIDATOR_BUDGET_MS = 10_000;
/** Jira shows the message under the transition dialog: keep it to a few lines. */
const MAX_MESSAGE = 1000;

/**
 * The workflow validator: evaluates the standards in `enforce` mode for the transition's target
 * status and blocks with what is missing. With no enforced standard it answers without a single
 * Jira call. When Jira or storage cannot be read it fails open (logged for the compliance report)
 * unless an enforced standard says `onError: closed`.
 */
export async function validateTransition(deps: AppDeps, event: unknown): Promise<ValidatorResult> {
  const parsed = ValidatorEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('[pmo] validator received an event of unexpected shape; allowing the transition');
    return ALLOW;
  }
  const { issue, transition } = parsed.data;

  let live: LiveConfig;
  try {
    live = await loadLiveConfig(deps.store);
  } catch (error) {
    await recordFailOpen(deps, issue.key, error);
    return ALLOW;
  }
  const enforced = live.config.standards.filter((standard) => standard.mode === 'enforce');
  if (enforced.length === 0) return ALLOW;

  try {
    const jira = deps.jira.asApp().withDeadline(VALIDATOR_BUDGET_MS);
    const site = await loadStandardsSite(jira, live.config);
    const target = site.statuses.find((status) => status.id === transition.to.id);
    const category = StatusCategoryKey.safeParse(target?.statusCategory.key);
    if (!target || !category.success) {
      throw new AppError('NOT_FOUND', `The target status ${transition.to.id} is not a status of this site`);
    }
    const { facts } = await readIssueFacts(jira, deps.store, issue.id ?? issue.key, enforced, site.mapping);
    const config = { ...live.config, standards: enforced };
    const evaluation = evaluatorFor(config, site).evaluate(facts, {
      name: target.name,
      category: category.data,
    });
    const blocking = evaluation.violations.filter((violation) => violation.mode === 'enforce');
    if (blocking.length === 0) return ALLOW;
    return { result: false, errorMessage: blockMessage(target.name, blocking) };
  } catch (error) {
    const closed = enforced.filter((standard) => standard.onError === 'closed');
    if (closed.length > 0) {
      return {
        result: false,
        errorMessage: `PMO Portfolio could not check ${namesOf(closed)} (${reasonOf(error)}), which must be checked before this transition. Try again in a moment.`,
      };
    }
    await recordFailOpen(deps, issue.key, error);
    return ALLOW;
  }
}

function blockMessage(
  statusName: string,
  violations: readonly { standardName: string; message: string }[],
): string {
  const lines = violations.map((violation) => `• ${violation.standardName}: ${violation.message}`);
  const message = `PMO standards must be met before moving to ${statusName}:\n${lines.join('\n')}`;
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

function namesOf(standards: readonly Standard[]): string {
  return standards.map((standard) => `“${standard.name}”`).join(', ');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

/** Keeps a record of a transition let through unchecked, for the compliance report. Never throws. */
async function recordFailOpen(deps: AppDeps, issueKey: string, error: unknown): Promise<void> {
  console.warn(`[pmo] validator could not check ${issueKey}; allowing the transition`, error);
  const at = deps.now().toISOString();
  try {
    await deps.store.set(`${FAIL_OPEN_PREFIX}${at}:${issueKey}`, { issueKey, at, reason: reasonOf(error) });
  } catch (storeError) {
    console.warn('[pmo] could not record the fail-open event', storeError);
  }
}
