import type { GateGap } from '../../contracts/authorisation';
import type { PmoConfig } from '../../domain/config/schema';
import { StatusCategoryKey } from '../../domain/model';
import type { JiraClient } from '../../jira/client';
import type { StoreDeps } from '../deps';
import { readIssueFacts } from '../standards/issue-facts';
import { evaluatorFor } from '../standards/issue-standards';
import { loadStandardsSite } from '../standards/standards-site';

/**
 * The mandatory items of the gates into Planning that the candidate has not ticked, evaluated as the
 * workflow validator would for a move into `planningStatus`, but in every mode: authorising is
 * passing the gate, so the panel's Approve needs them whether the standard warns or enforces (the
 * mode decides only what a move made in Jira directly meets).
 */
export async function inceptionGateGaps(
  deps: StoreDeps,
  jira: JiraClient,
  config: PmoConfig,
  issueKey: string,
  planningStatus: string,
): Promise<GateGap[]> {
  const planningStageId = config.lifecycle.stages.find((stage) =>
    stage.statuses.some((status) => status.toLowerCase() === planningStatus.toLowerCase()),
  )?.id;
  const gates = config.standards.filter(
    (standard) =>
      standard.mode !== 'off' &&
      standard.rules.some((rule) => rule.kind === 'gateChecklist' && rule.stage === planningStageId),
  );
  if (gates.length === 0) return [];
  const site = await loadStandardsSite(jira, config);
  const target = site.statuses.find((status) => status.name.toLowerCase() === planningStatus.toLowerCase());
  const category = StatusCategoryKey.safeParse(target?.statusCategory.key);
  const { facts } = await readIssueFacts(jira, deps.store, issueKey, gates, site.mapping);
  const evaluation = evaluatorFor({ ...config, standards: gates }, site).evaluate(facts, {
    name: target?.name ?? planningStatus,
    category: category.success ? category.data : 'new',
  });
  const gateRuleIds = new Set(
    gates.flatMap((standard) =>
      standard.rules
        .filter((rule) => rule.kind === 'gateChecklist' && rule.stage === planningStageId)
        .map((rule) => `${standard.id}/${rule.id}`),
    ),
  );
  return evaluation.violations
    .filter((violation) => gateRuleIds.has(`${violation.standardId}/${violation.ruleId}`))
    .map((violation) => ({
      standardName: violation.standardName,
      items: violation.items.map((item) => item.text),
    }));
}
