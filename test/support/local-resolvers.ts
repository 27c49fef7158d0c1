import type { LocalApp } from '../../dev/local/local-app';
import type {
  ResolverInput,
  ResolverKey,
  ResolverOutput,
  ResolverResult,
} from '../../src/contracts/resolver-contract';
import type { AppErrorShape } from '../../src/domain/errors';
import type { PortfolioReport } from '../../src/domain/portfolio';
import { LOCAL_SITE } from './service-sim';

/** What resolver `K` answers, typed by its contract: a contract change breaks the tests that read it. */
export type Answer<K extends ResolverKey> = ResolverResult<ResolverOutput<K>>;

interface CallContext {
  /** The page that calls (the portfolio page unless told). */
  moduleKey?: string;
  /** The site the call comes from (the local host's unless told). */
  installation?: string;
}

/**
 * Calls the real resolver handler the way Forge does: identity in the platform's second argument.
 * The payload is whatever a client might send, so refusals of malformed payloads can be tested.
 */
export function invokeAs<K extends ResolverKey>(
  local: LocalApp,
  accountId: string,
  functionKey: K,
  payload: unknown,
  { moduleKey = 'pmo-portfolio-page', installation = LOCAL_SITE }: CallContext = {},
) {
  return local.app.resolver(
    { call: { functionKey, payload }, context: { moduleKey } },
    { principal: { accountId }, installContext: installation },
  ) as Promise<Answer<K>>;
}

/** The answer's data; a refusal fails the test with its code and message. */
export function dataOf<T>(answer: ResolverResult<T>): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

/** The refusal's code and message; an answer with data fails the test. */
export function refusalOf<T>(answer: ResolverResult<T>): AppErrorShape {
  if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`);
  return answer.error;
}

/** Calls a resolver as `accountId` with a payload its contract accepts and returns its data; a refusal fails the test. */
export async function dataAs<K extends ResolverKey>(
  local: LocalApp,
  accountId: string,
  functionKey: K,
  payload: ResolverInput<K>,
  context: CallContext = {},
): Promise<ResolverOutput<K>> {
  return dataOf(await invokeAs(local, accountId, functionKey, payload, context));
}

/** The portfolio report as `accountId` sees it; a refusal fails the test with its code and message. */
export function portfolioReportAs(
  local: LocalApp,
  accountId: string,
  portfolioId = 'all',
): Promise<PortfolioReport> {
  return dataAs(local, accountId, 'getPortfolioReport', { portfolioId });
}
