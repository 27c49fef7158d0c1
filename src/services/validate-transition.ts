import { z } from 'zod';
import { AppError } from '../domain/errors';
import { StatusCategoryKey } from '../domain/model';
import type { Standard } from '../domain/standards/schema';
import { recordGateBlock } from './alerts/gate-blocks';
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
  /** The user attempting the transition, when Jira says. */
  atlassianId: z.string().min(1).max(128).optional(),
});

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

/** Fail-open events are kept for the compliance report under this prefix. */
export const FAIL_OPEN_PREFIX = 'validator:fail-open:';

const ALLOW: ValidatorResult = { result: true };
/**
 * Jira gives a validator 25 s, but a transition dialog that hangs for more than a few seconds is
 * broken for the user: the validator answers within 5 s whatever Jira and storage do.
 */
export const VALIDATOR_ANSWER_MS = 5_000;
/** Recording a fail-open event never holds up the answer longer than this. */
const RECORD_BUDGET_MS = 500;
/** Reading settings, Jira and ticks must be done by then: the rest is for recording and answering. */
const CHECK_BUDGET_MS = VALIDATOR_ANSWER_MS - RECORD_BUDGET_MS - 500;
/** Jira retries give up here, so a failing Jira is reported as such rather than cut off. */
const JIRA_RETRY_BUDGET_MS = CHECK_BUDGET_MS - 1_000;
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
    // Where the event broke only: its fields may name people.
    deps.logger.warn('validator received an event of unexpected shape; allowing the transition', {
      path: parsed.error.issues[0]?.path.map(String).join('.') ?? null,
    });
    return ALLOW;
  }
  const { issue, transition } = parsed.data;
  const budget = new TimeBudget(CHECK_BUDGET_MS);
  try {
    let live: LiveConfig;
    try {
      live = await budget.race(loadLiveConfig(deps), 'The stored PMO settings');
    } catch (error) {
      await recordFailOpen(deps, issue.key, error);
      return ALLOW;
    }
    const enforced = live.config.standards.filter((standard) => standard.mode === 'enforce');
    if (enforced.length === 0) return ALLOW;
    let verdict: Verdict;
    try {
      verdict = await budget.race(
        check(deps, live, enforced, issue, transition.to.id),
        'Jira or the app storage',
      );
    } catch (error) {
      return await failed(deps, issue.key, enforced, error);
    }
    if (verdict.blocked) await recordBlock(deps, issue.key, verdict.blocked, parsed.data.atlassianId ?? null);
    return verdict.result;
  } finally {
    budget.end();
  }
}

/** The answer, and what was not met when the transition is refused. */
interface Verdict {
  result: ValidatorResult;
  blocked: { toStatus: string; standards: { id: string; name: string }[] } | null;
}

async function check(
  deps: AppDeps,
  live: LiveConfig,
  enforced: Standard[],
  issue: { key: string; id?: string | undefined },
  targetStatusId: string,
): Promise<Verdict> {
  const jira = deps.jira.asApp().withDeadline(JIRA_RETRY_BUDGET_MS);
  const site = await loadStandardsSite(jira, live.config);
  const target = site.statuses.find((status) => status.id === targetStatusId);
  const category = StatusCategoryKey.safeParse(target?.statusCategory.key);
  if (!target || !category.success) {
    throw new AppError('NOT_FOUND', `The target status ${targetStatusId} is not a status of this site`);
  }
  const { facts } = await readIssueFacts(jira, deps.store, issue.id ?? issue.key, enforced, site.mapping);
  const config = { ...live.config, standards: enforced };
  const evaluation = evaluatorFor(config, site).evaluate(facts, {
    name: target.name,
    category: category.data,
  });
  const blocking = evaluation.violations.filter((violation) => violation.mode === 'enforce');
  if (blocking.length === 0) return { result: ALLOW, blocked: null };
  const standards = new Map(blocking.map((violation) => [violation.standardId, violation.standardName]));
  return {
    result: { result: false, errorMessage: blockMessage(target.name, blocking) },
    blocked: { toStatus: target.name, standards: [...standards].map(([id, name]) => ({ id, name })) },
  };
}

/** Keeps the refusal for alerts and "what changed"; never delays the answer much, never fails it. */
async function recordBlock(
  deps: AppDeps,
  issueKey: string,
  blocked: NonNullable<Verdict['blocked']>,
  by: string | null,
): Promise<void> {
  const budget = new TimeBudget(RECORD_BUDGET_MS);
  try {
    await budget.race(
      recordGateBlock(deps.store, { issueKey, ...blocked, by, at: deps.now().toISOString() }),
      'Storage',
    );
  } catch (error) {
    deps.logger.warn('could not record the blocked transition', { issueKey }, error);
  } finally {
    budget.end();
  }
}

/** The answer when the enforced standards could not be checked: open, unless one says closed. */
async function failed(
  deps: AppDeps,
  issueKey: string,
  enforced: readonly Standard[],
  error: unknown,
): Promise<ValidatorResult> {
  const closed = enforced.filter((standard) => standard.onError === 'closed');
  if (closed.length > 0) {
    return {
      result: false,
      errorMessage: `PMO Portfolio could not check ${namesOf(closed)} (${reasonOf(error)}), which must be checked before this transition. Try again in a moment.`,
    };
  }
  await recordFailOpen(deps, issueKey, error);
  return ALLOW;
}

/**
 * One deadline for a whole invocation: every awaited step races the same timer, so slow steps
 * cannot add up past it. A step still running when time is up is abandoned (its result ignored).
 */
class TimeBudget {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly expired: Promise<never>;

  constructor(readonly ms: number) {
    this.expired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => reject(new BudgetExpired(ms)), ms);
    });
    // Nobody may be racing when it fires; that is not an unhandled failure.
    this.expired.catch(() => {});
  }

  /** `work`'s result, or a rejection naming `what` if the budget runs out first. */
  async race<T>(work: Promise<T>, what: string): Promise<T> {
    try {
      return await Promise.race([work, this.expired]);
    } catch (error) {
      if (error instanceof BudgetExpired) {
        throw new AppError('UPSTREAM_ERROR', `${what} did not answer within ${this.ms / 1000} s`);
      }
      throw error;
    }
  }

  end(): void {
    clearTimeout(this.timer);
  }
}

class BudgetExpired extends Error {
  constructor(ms: number) {
    super(`time budget of ${ms} ms spent`);
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
  deps.logger.warn('validator could not check the issue; allowing the transition', { issueKey }, error);
  const at = deps.now().toISOString();
  const budget = new TimeBudget(RECORD_BUDGET_MS);
  try {
    await budget.race(
      deps.store.set(`${FAIL_OPEN_PREFIX}${at}:${issueKey}`, { issueKey, at, reason: reasonOf(error) }),
      'Storage',
    );
  } catch (storeError) {
    deps.logger.warn('could not record the fail-open event', { issueKey }, storeError);
  } finally {
    budget.end();
  }
}
