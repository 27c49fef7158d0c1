import type { LocalApp } from '../../dev/local/local-app';
import type { PortfolioReport } from '../../src/domain/portfolio';

/** What a resolver answers: data, or a typed error. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * Calls the real resolver handler the way Forge does: identity in the platform's second argument.
 * `moduleKey` names the page that calls (the portfolio page unless told).
 */
export function invokeAs<T>(
  local: LocalApp,
  accountId: string,
  functionKey: string,
  payload: unknown,
  moduleKey = 'pmo-portfolio-page',
) {
  return local.app.resolver(
    { call: { functionKey, payload }, context: { moduleKey } },
    { principal: { accountId }, installContext: 'ari:cloud:jira::site/local' },
  ) as Promise<Answer<T>>;
}

/** The answer's data; a refusal fails the test with its code and message. */
export function dataOf<T>(answer: Answer<T>): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

/** Calls a resolver as `accountId` and returns its data; a refusal fails the test. */
export async function dataAs<T>(local: LocalApp, accountId: string, functionKey: string, payload: unknown) {
  return dataOf(await invokeAs<T>(local, accountId, functionKey, payload));
}

/** The portfolio report as `accountId` sees it; a refusal fails the test with its code and message. */
export function portfolioReportAs(
  local: LocalApp,
  accountId: string,
  portfolioId = 'all',
): Promise<PortfolioReport> {
  return dataAs<PortfolioReport>(local, accountId, 'getPortfolioReport', { portfolioId });
}
