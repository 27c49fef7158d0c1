import type { DecisionView, IssueAuthorisation } from '../../contracts/authorisation';
import { activeModel } from '../../domain/scoring/candidate-score';
import { compareDecisions, type DecisionRecord } from '../../domain/scoring/decision';
import { type InceptionGate, inceptionGateOf, isBeforePlanning } from '../../domain/scoring/inception';
import type { ScoringModel } from '../../domain/scoring/schema';
import { stageLookup } from '../../domain/standards/lifecycle';
import type { Actor, AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';
import { type LiveConfig, loadLiveConfig } from '../settings/live-config';
import { type CandidateIssue, readCandidateIssue } from './candidate-issue';
import { readIssueDecisions } from './decision-store';
import { inceptionGateGaps } from './inception-gate-check';
import { authoriserRightFor, type ScoringRight } from './scoring-rights';

/** What deciding on one candidate needs: read as the acting user, the right asked of Jira as them. */
export interface AuthorisationContext {
  live: LiveConfig;
  model: ScoringModel;
  candidate: CandidateIssue;
  gate: InceptionGate | null;
  stageName: string | null;
  inInception: boolean;
  right: ScoringRight;
}

/** Null when scoring is off or the issue is not a candidate. */
export async function loadAuthorisationContext(
  deps: AppDeps,
  actor: Actor,
  issueKey: string,
): Promise<AuthorisationContext | null> {
  const live = await loadLiveConfig(deps);
  const model = activeModel(live.config.scoring);
  if (!model) return null;
  const candidate = await readCandidateIssue(deps.jira.asUser(actor.accountId), live.config, model, issueKey);
  if (!candidate.candidate) return null;
  const gate = inceptionGateOf(live.config.lifecycle);
  const stageIndex = stageLookup(live.config.lifecycle).indexOfStatus(candidate.status.name);
  const right = await authoriserRightFor(
    deps,
    actor,
    candidate,
    live.config.scoring.authorisers,
    live.config.access.pmoGroupName,
  );
  return {
    live,
    model,
    candidate,
    gate,
    stageName: stageIndex === undefined ? null : (live.config.lifecycle.stages[stageIndex]?.name ?? null),
    inInception: gate !== null && isBeforePlanning(gate, stageIndex),
    right,
  };
}

/** The panel's view: the candidate's place at the gate, what the gate still needs, the decisions. */
export async function describeAuthorisation(
  deps: AppDeps,
  actor: Actor,
  context: AuthorisationContext,
): Promise<IssueAuthorisation> {
  const { live, candidate, gate, right } = context;
  const planningStatus = gate?.planningStatuses[0] ?? null;
  const [gateGaps, records] = await Promise.all([
    context.inInception && planningStatus
      ? inceptionGateGaps(deps, deps.jira.asUser(actor.accountId), live.config, candidate.key, planningStatus)
      : Promise.resolve([]),
    readIssueDecisions(deps, candidate.id),
  ]);
  return {
    status: 'candidate',
    issueKey: candidate.key,
    inInception: context.inInception,
    stageName: context.stageName,
    planningStatus,
    gateGaps,
    canDecide: right.allowed,
    notAllowedReason: right.reason,
    authorisersAudience: right.audience,
    decisions: await namedDecisions(deps, actor, records),
  };
}

/** Decisions newest first, each with its decider's name (asked of Jira as the app, cached). */
export async function namedDecisions(
  deps: AppDeps,
  actor: Actor,
  records: readonly DecisionRecord[],
): Promise<DecisionView[]> {
  const names = await userNames(
    deps,
    actor.installation,
    records.map((record) => record.by),
  );
  return [...records]
    .sort(compareDecisions)
    .map((record) => ({ ...record, byName: nameOf(names, record.by) ?? record.by }));
}
