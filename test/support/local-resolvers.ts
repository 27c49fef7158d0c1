import type { LocalApp } from '../../dev/local/local-app';
import type { PortfolioReport } from '../../src/domain/portfolio';

/** What a resolver answers: data, or a typed error. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Calls the real resolver handler the way Forge does: identity in the platform's second argument. */
export function invokeAs<T>(local: LocalApp, accountId: string, functionKey: string, payload: unknown) {
  return local.app.resolver(
    { call: { functionKey, payload }, context: { moduleKey: 'pmo-portfolio-page' } },
    { principal: { accountId }, installContext: 'ari:cloud:jira::site/local' },
  ) as Promise<Answer<T>>;
}

/** The portfolio report as `accountId` sees it; a refusal fails the test with its code and message. */
export async function portfolioReportAs(
  local: LocalApp,
  accountId: string,
  portfolioId = 'all',
): Promise<PortfolioReport> {
  const answer = await invokeAs<PortfolioReport>(local, accountId, 'getPortfolioReport', { portfolioId });
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}
