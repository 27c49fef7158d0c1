import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import type { DecisionView } from '@contracts/authorisation';
import type { PrioritisedCandidate } from '@contracts/scoring';
import type { CapacityPlan } from '@domain/scoring/ranking';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode, useId, useMemo, useState } from 'react';
import { toInvokeError } from '../../shared/api/invoke-error';
import { resolverQueryKey } from '../../shared/api/query-client';
import { useResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';
import { latestDecisionByKey, useAuthorisationLog } from '../../shared/authorisation/use-authorisation-log';
import { CsvExportButton } from '../../shared/csv/CsvExportButton';
import { toCsv } from '../../shared/csv/csv';
import { formatTimestamp } from '../../shared/lib/format';
import { ScoreBars } from '../../shared/scoring/ScoreBars';
import { formatScore, incompleteText } from '../../shared/scoring/score-format';
import { CallState } from '../../shared/ui/CallState';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';
import { StatusLozenge } from '../../shared/ui/StatusLozenges';
import {
  cutLineIndex,
  filterRows,
  initialWhatIf,
  type PrioritiseFilter,
  type RankedRow,
  type ReadyPrioritisation,
  savedRanking,
  type WhatIf,
  whatIfChanged,
  whatIfProblem,
  whatIfRanking,
} from './prioritise-model';
import './prioritise.css';
import { DecisionCell } from './DecisionCell';

const PAYLOAD = {};

function NumberInput({
  label,
  value,
  onChange,
  testId,
  min = 0,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  testId: string;
  min?: number;
}) {
  const id = useId();
  return (
    <div className="pmo-prio-field">
      <label htmlFor={id}>{label}</label>
      <Textfield
        id={id}
        type="number"
        min={min}
        step="any"
        value={Number.isFinite(value) ? String(value) : ''}
        onChange={(event) => onChange(Number.parseFloat(event.currentTarget.value))}
        testId={testId}
        isCompact
        width="small"
      />
    </div>
  );
}

function FilterCheck({
  checked,
  onChange,
  testId,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <label className="pmo-prio-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      {children}
    </label>
  );
}

function PlanEditor({
  plan,
  onChange,
  idPrefix,
}: {
  plan: CapacityPlan;
  onChange: (plan: CapacityPlan) => void;
  idPrefix: string;
}) {
  const set = (index: number, change: Partial<CapacityPlan['periods'][number]>) =>
    onChange({ periods: plan.periods.map((period, i) => (i === index ? { ...period, ...change } : period)) });
  return (
    <div className="pmo-column pmo-gap-100 pmo-prio-plan">
      {plan.periods.map((period, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: periods are edited in place by position
        <div key={index} className="pmo-toolbar pmo-gap-150">
          <div className="pmo-prio-field">
            <label htmlFor={`${idPrefix}-label-${index}`}>Period</label>
            <Textfield
              id={`${idPrefix}-label-${index}`}
              value={period.label}
              onChange={(event) => set(index, { label: event.currentTarget.value })}
              isCompact
              width="small"
              testId={`${idPrefix}-label-${index}`}
            />
          </div>
          <NumberInput
            label="Capacity"
            value={period.capacity}
            onChange={(capacity) => set(index, { capacity })}
            testId={`${idPrefix}-capacity-${index}`}
          />
          <Button
            appearance="subtle"
            onClick={() => onChange({ periods: plan.periods.filter((_, i) => i !== index) })}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button
        onClick={() =>
          onChange({
            periods: [...plan.periods, { label: `Period ${plan.periods.length + 1}`, capacity: 0 }],
          })
        }
        testId={`${idPrefix}-add`}
      >
        Add period
      </Button>
    </div>
  );
}

function OverrideForm({
  row,
  onSave,
  onClose,
  saving,
}: {
  row: RankedRow;
  onSave: (rank: number, reason: string) => void;
  onClose: () => void;
  saving: boolean;
}) {
  const [rank, setRank] = useState(row.candidate.override?.rank ?? row.rank ?? 1);
  const [reason, setReason] = useState(row.candidate.override?.reason ?? '');
  const reasonId = useId();
  return (
    <form
      className="pmo-toolbar pmo-gap-150"
      aria-label={`Rank ${row.candidate.issueKey} by hand`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(rank, reason);
      }}
    >
      <NumberInput label="Rank" value={rank} onChange={setRank} min={1} testId="override-rank" />
      <div className="pmo-prio-field pmo-prio-field--wide">
        <label htmlFor={reasonId}>Reason (kept in the audit)</label>
        <Textfield
          id={reasonId}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          isCompact
          testId="override-reason"
          maxLength={500}
        />
      </div>
      <Button
        type="submit"
        appearance="primary"
        isDisabled={reason.trim().length < 3 || !Number.isInteger(rank) || rank < 1}
        isLoading={saving}
        testId="override-save"
      >
        Save rank
      </Button>
      <Button appearance="subtle" onClick={onClose}>
        Cancel
      </Button>
    </form>
  );
}

function RankCell({ row }: { row: RankedRow }) {
  if (row.candidate.phase === 'authorised')
    return (
      <span className="pmo-subtle">{row.candidate.status.category === 'done' ? 'Done' : 'In delivery'}</span>
    );
  if (row.rank === null) return <span className="pmo-subtle">Unranked</span>;
  const override = row.candidate.override;
  return (
    <div className="pmo-prio-rank">
      <span className="pmo-prio-rank__value" data-testid={`rank-${row.candidate.issueKey}`}>
        {row.rank}
      </span>
      {override ? (
        <span
          className="pmo-subtle pmo-prio-rank__note"
          title={`Ranked by hand by ${override.byName}: ${override.reason}`}
        >
          by hand · computed {row.computedRank ?? '–'}
          <span className="pmo-prio-summary">“{override.reason}”</span>
        </span>
      ) : null}
    </div>
  );
}

function Movement({ saved, whatIf }: { saved: number | null; whatIf: number | null }) {
  if (whatIf === null) return <span className="pmo-subtle">Unranked</span>;
  const delta = saved === null ? null : saved - whatIf;
  return (
    <span className="pmo-prio-rank__value">
      {whatIf}{' '}
      {delta === null || delta === 0 ? null : (
        <span className={delta > 0 ? 'pmo-prio-up' : 'pmo-prio-down'}>
          <span aria-hidden="true">{delta > 0 ? `▲${delta}` : `▼${-delta}`}</span>
          <span className="pmo-visually-hidden">{delta > 0 ? `up ${delta}` : `down ${-delta}`}</span>
        </span>
      )}
    </span>
  );
}

function CandidateRows({
  heading,
  rows,
  whatIfRanks,
  view,
  cutAt,
  editing,
  setEditing,
  onOverride,
  saving,
  decisions,
}: {
  /** A group heading row above the rows (the authorised group). */
  heading?: string;
  rows: RankedRow[];
  whatIfRanks: Map<string, number | null> | null;
  view: ReadyPrioritisation;
  cutAt: number | null;
  editing: string | null;
  setEditing: (key: string | null) => void;
  onOverride: (row: RankedRow, override: { rank: number; reason: string } | null) => void;
  saving: boolean;
  /** Each candidate's newest authorisation decision, by issue key. */
  decisions: ReadonlyMap<string, DecisionView>;
}) {
  const columns = 10 + (whatIfRanks ? 1 : 0);
  return (
    <tbody>
      {heading ? (
        <tr className="pmo-prio-group" data-testid="authorised-heading">
          <th scope="colgroup" colSpan={columns}>
            {heading}
          </th>
        </tr>
      ) : null}
      {rows.map((row, index) => {
        const c: PrioritisedCandidate = row.candidate;
        const incomplete = incompleteText(c.result);
        return (
          <Fragment key={c.issueId}>
            {cutAt === index ? (
              <tr className="pmo-prio-cut" data-testid="cut-line">
                <td colSpan={columns}>Cut line: what follows does not fit the capacity</td>
              </tr>
            ) : null}
            <tr data-testid={`candidate-${c.issueKey}`}>
              <td>
                <RankCell row={row} />
              </td>
              {whatIfRanks ? (
                <td data-testid={`whatif-rank-${c.issueKey}`}>
                  <Movement saved={row.rank} whatIf={whatIfRanks.get(c.issueId) ?? null} />
                </td>
              ) : null}
              <td className="pmo-prio-candidate">
                <IssueKeyLink issueKey={c.issueKey} />
                <span className="pmo-prio-summary">{c.summary}</span>
              </td>
              <td className="pmo-numeric">
                {formatScore(c.result.score, view.model.formula)}
                {incomplete ? (
                  <span className="pmo-prio-summary">
                    <Lozenge appearance="moved">{incomplete}</Lozenge>
                  </span>
                ) : null}
                {c.earlierModelVersion ? (
                  <span
                    className="pmo-prio-summary"
                    title="Some ratings were made before the model's weights or scales changed"
                  >
                    <Lozenge>Earlier model</Lozenge>
                  </span>
                ) : null}
              </td>
              <td className="pmo-prio-bars">
                <ScoreBars result={c.result} compact label={`Breakdown of ${c.issueKey}'s score`} />
              </td>
              <td className="pmo-numeric">{c.estimate ?? <span className="pmo-subtle">None</span>}</td>
              <td>{c.stage ?? <span className="pmo-subtle">Not in the lifecycle</span>}</td>
              <td>
                <StatusLozenge name={c.status.name} category={c.status.category} />
                {c.source === 'scorer' ? (
                  <span
                    className="pmo-prio-summary pmo-subtle"
                    title="Not in the portfolio snapshot yet: status, stage and estimate as its last scorer saw them"
                    data-testid={`as-scored-${c.issueKey}`}
                  >
                    as last scored
                  </span>
                ) : null}
              </td>
              <td>
                {row.period ??
                  (row.rank === null || view.plan.periods.length === 0 ? null : (
                    <span className="pmo-subtle">
                      {c.estimate === null ? 'No estimate' : 'Below the cut line'}
                    </span>
                  ))}
              </td>
              <td>
                {view.canEdit && c.phase === 'proposal' ? (
                  editing === c.issueId ? null : (
                    <div className="pmo-row pmo-row--wrap">
                      <Button
                        spacing="compact"
                        onClick={() => setEditing(c.issueId)}
                        testId={`override-${c.issueKey}`}
                      >
                        Rank by hand
                      </Button>
                      {c.override ? (
                        <Button
                          spacing="compact"
                          appearance="subtle"
                          onClick={() => onOverride(row, null)}
                          isDisabled={saving}
                        >
                          Use computed
                        </Button>
                      ) : null}
                    </div>
                  )
                ) : null}
              </td>
              <td>
                <DecisionCell decision={decisions.get(c.issueKey)} issueKey={c.issueKey} />
              </td>
            </tr>
            {editing === c.issueId ? (
              <tr>
                <td colSpan={columns}>
                  <OverrideForm
                    row={row}
                    saving={saving}
                    onClose={() => setEditing(null)}
                    onSave={(rank, reason) => onOverride(row, { rank, reason })}
                  />
                </td>
              </tr>
            ) : null}
          </Fragment>
        );
      })}
    </tbody>
  );
}

function csvOf(rows: RankedRow[], view: ReadyPrioritisation) {
  return toCsv<RankedRow>(
    [
      { header: 'rank', value: (row) => row.rank },
      { header: 'computed_rank', value: (row) => row.computedRank },
      { header: 'override_reason', value: (row) => row.candidate.override?.reason ?? '' },
      { header: 'key', value: (row) => row.candidate.issueKey },
      { header: 'summary', value: (row) => row.candidate.summary },
      { header: 'project', value: (row) => row.candidate.projectKey },
      {
        header: 'score',
        value: (row) =>
          row.candidate.result.score === null ? '' : Math.round(row.candidate.result.score * 100) / 100,
      },
      { header: 'complete', value: (row) => row.candidate.result.complete },
      ...view.model.criteria.map((criterion) => ({
        header: criterion.name,
        value: (row: RankedRow) =>
          row.candidate.result.parts.find((part) => part.criterionId === criterion.id)?.rating ?? '',
      })),
      { header: 'estimate', value: (row) => row.candidate.estimate },
      { header: 'stage', value: (row) => row.candidate.stage },
      { header: 'status', value: (row) => row.candidate.status.name },
      { header: 'period', value: (row) => row.period ?? '' },
      { header: 'phase', value: (row) => row.candidate.phase },
      { header: 'status_source', value: (row) => row.candidate.source },
    ],
    rows,
  );
}

function PrioritiseContent({ view }: { view: ReadyPrioritisation }) {
  const queryClient = useQueryClient();
  const override = useResolverAction('setRankOverride');
  const savePlan = useResolverAction('saveCapacityPlan');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [filter, setFilter] = useState<PrioritiseFilter>({
    project: '',
    text: '',
    showUnranked: true,
    showAuthorised: false,
  });
  const [whatIf, setWhatIf] = useState<WhatIf>(() => initialWhatIf(view));
  const [plan, setPlan] = useState<CapacityPlan>(view.plan);
  const log = useAuthorisationLog();
  const decisions = useMemo(
    () => latestDecisionByKey(log.status === 'ready' ? log.data.decisions : []),
    [log],
  );
  const saved = useMemo(() => savedRanking(view), [view]);
  const problem = whatIfProblem(whatIf);
  const whatIfActive = whatIfChanged(view, whatIf) && problem === null;
  const whatIfRanks = useMemo(
    () =>
      whatIfActive
        ? new Map(whatIfRanking(view, whatIf).map((row) => [row.candidate.issueId, row.rank]))
        : null,
    [view, whatIf, whatIfActive],
  );
  const visible = filterRows(saved, filter);
  const visibleProposals = visible.filter((row) => row.candidate.phase === 'proposal');
  const visibleAuthorised = visible.filter((row) => row.candidate.phase === 'authorised');
  const authorisedCount = view.candidates.filter((c) => c.phase === 'authorised').length;
  const proposalCount = view.candidates.length - authorisedCount;
  const cutAt = cutLineIndex(visibleProposals, view.plan);
  const whatIfCut = whatIfActive ? cutLineIndex(whatIfRanking(view, whatIf), whatIf.plan) : null;
  const projects = [...new Set(view.candidates.map((c) => c.projectKey))].sort();
  const accept = async <T,>(promise: Promise<T>) => {
    setError(null);
    try {
      const answer = await promise;
      queryClient.setQueryData(resolverQueryKey('getPrioritisation', PAYLOAD), answer);
      return true;
    } catch (failure) {
      setError(toInvokeError(failure).message);
      return false;
    }
  };
  const totalCapacity = view.plan.periods.reduce((sum, period) => sum + period.capacity, 0);
  const fitting = saved.filter((row) => row.period !== null);
  const used = fitting.reduce((sum, row) => sum + (row.candidate.estimate ?? 0), 0);
  return (
    <div className="pmo-stack">
      <p className="pmo-subtle" data-testid="prioritise-model">
        {proposalCount} scored {proposalCount === 1 ? 'proposal' : 'proposals'}, ranked by {view.model.name}{' '}
        (model version {view.modelVersion})
        {view.plan.periods.length > 0
          ? ` · ${fitting.length} fit the capacity (${used} of ${totalCapacity})`
          : ''}
        {authorisedCount > 0 ? ` · ${authorisedCount} authorised or in delivery` : ''}.
      </p>
      <p className="pmo-subtle" data-testid="prioritise-source">
        {view.snapshotAsOf
          ? `Status, stage and estimate as of the portfolio snapshot of ${formatTimestamp(view.snapshotAsOf) ?? view.snapshotAsOf}; candidates not in it show what their last scorer saw.`
          : 'The portfolio has no snapshot yet: status, stage and estimate are what each candidate’s last scorer saw.'}
      </p>
      {error ? (
        <SectionMessage appearance="error" title="Not saved" testId="prioritise-error">
          <p>{error}</p>
        </SectionMessage>
      ) : null}
      <div className="pmo-toolbar">
        <div className="pmo-prio-field">
          <label htmlFor="prio-project">Project</label>
          <select
            id="prio-project"
            className="pmo-prio-select"
            value={filter.project}
            onChange={(event) => setFilter({ ...filter, project: event.target.value })}
            data-testid="filter-project"
          >
            <option value="">All projects</option>
            {projects.map((key) => (
              <option key={key} value={key}>
                {key}
              </option>
            ))}
          </select>
        </div>
        <div className="pmo-prio-field">
          <label htmlFor="prio-text">Find</label>
          <Textfield
            id="prio-text"
            value={filter.text}
            onChange={(event) => setFilter({ ...filter, text: event.currentTarget.value })}
            isCompact
            width="medium"
            placeholder="Key or summary"
            testId="filter-text"
          />
        </div>
        <FilterCheck
          checked={filter.showUnranked}
          onChange={(showUnranked) => setFilter({ ...filter, showUnranked })}
          testId="filter-unranked"
        >
          Show unranked (incomplete) candidates
        </FilterCheck>
        <FilterCheck
          checked={filter.showAuthorised}
          onChange={(showAuthorised) => setFilter({ ...filter, showAuthorised })}
          testId="filter-authorised"
        >
          Include authorised / in delivery ({authorisedCount})
        </FilterCheck>
        <span className="pmo-prio-toolbar__end">
          <CsvExportButton
            noun="candidate"
            rowCount={visible.length}
            build={() => ({
              filename: `prioritisation-${new Date().toISOString().slice(0, 10)}.csv`,
              csv: csvOf(visible, view),
            })}
            testId="csv-export-prioritise"
          />
        </span>
      </div>

      <details className="pmo-prio-panel" data-testid="whatif">
        <summary>What-if: other weights or capacity (nothing is saved)</summary>
        <div className="pmo-prio-panel__body">
          <div className="pmo-toolbar pmo-gap-150">
            {view.model.criteria.map((criterion) => (
              <NumberInput
                key={criterion.id}
                label={`${criterion.name} weight`}
                value={whatIf.weights[criterion.id] ?? criterion.weight}
                onChange={(weight) =>
                  setWhatIf({ ...whatIf, weights: { ...whatIf.weights, [criterion.id]: weight } })
                }
                testId={`whatif-weight-${criterion.id}`}
              />
            ))}
          </div>
          <PlanEditor
            plan={whatIf.plan}
            onChange={(next) => setWhatIf({ ...whatIf, plan: next })}
            idPrefix="whatif-plan"
          />
          {problem ? <p className="pmo-error-note">{problem}</p> : null}
          <div className="pmo-row pmo-row--wrap">
            <Button
              onClick={() => setWhatIf(initialWhatIf(view))}
              isDisabled={!whatIfChanged(view, whatIf)}
              testId="whatif-reset"
            >
              Back to the saved weights and capacity
            </Button>
            {whatIfActive ? (
              <span className="pmo-subtle" role="status" data-testid="whatif-status">
                The “What-if rank” column shows the ranking under these weights
                {whatIfCut === null ? '' : `; the cut line would fall after rank ${whatIfCut}`}.
              </span>
            ) : null}
          </div>
        </div>
      </details>

      {view.canEdit ? (
        <details className="pmo-prio-panel" data-testid="capacity">
          <summary>Capacity per period (draws the cut line)</summary>
          <div className="pmo-prio-panel__body">
            <PlanEditor plan={plan} onChange={setPlan} idPrefix="plan" />
            <Button
              appearance="primary"
              isLoading={savePlan.pending}
              onClick={() => void accept(savePlan.run({ plan }))}
              testId="plan-save"
            >
              Save capacity
            </Button>
          </div>
        </details>
      ) : null}

      <div className="pmo-prio-table-wrap">
        <table className="pmo-prio-table" aria-label="Candidates by rank">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              {whatIfRanks ? <th scope="col">What-if rank</th> : null}
              <th scope="col">Candidate</th>
              <th scope="col">Score</th>
              <th scope="col">Breakdown</th>
              <th scope="col">Estimate</th>
              <th scope="col">Stage</th>
              <th scope="col">Status</th>
              <th scope="col">Fits in</th>
              <th scope="col">
                <span className="pmo-visually-hidden">Actions</span>
              </th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <CandidateRows
            rows={visibleProposals}
            whatIfRanks={whatIfRanks}
            view={view}
            cutAt={cutAt}
            editing={editing}
            setEditing={setEditing}
            saving={override.pending}
            decisions={decisions}
            onOverride={(row, next) =>
              void accept(override.run({ issueKey: row.candidate.issueKey, override: next })).then((ok) => {
                if (ok) setEditing(null);
              })
            }
          />
          {filter.showAuthorised && visibleAuthorised.length > 0 ? (
            <CandidateRows
              heading={`Authorised / in delivery (${visibleAuthorised.length}): past Inception or done, not ranked`}
              rows={visibleAuthorised}
              whatIfRanks={whatIfRanks}
              view={view}
              cutAt={null}
              editing={null}
              setEditing={setEditing}
              saving={false}
              decisions={decisions}
              onOverride={() => undefined}
            />
          ) : null}
        </table>
        {visibleProposals.length === 0 ? (
          <p className="pmo-subtle">No proposal matches these filters.</p>
        ) : null}
        {filter.showAuthorised && visibleAuthorised.length === 0 ? (
          <p className="pmo-subtle">No candidate past Inception matches these filters.</p>
        ) : null}
      </div>
    </div>
  );
}

/** Prioritise: the scored candidates ranked, with what-if weights and capacity beside the saved ranking. */
export default function PrioritisePage() {
  const result = useResolver('getPrioritisation', PAYLOAD);
  return (
    <div className="pmo-stack" data-testid="prioritise">
      <Heading size="large" as="h1">
        Prioritise
      </Heading>
      <CallState call={result} loading="Loading the candidates" what="load the candidates" />
      {result.status === 'ready' && result.data.status === 'off' ? (
        <EmptyState
          header="Scoring is not switched on"
          headingLevel={2}
          description="A Jira admin or the PMO switches scoring on and chooses a model and the candidates in the PMO settings (Scoring). Candidates are then rated in their issue panel and ranked here."
          testId="prioritise-off"
        />
      ) : null}
      {result.status === 'ready' && result.data.status === 'ready' ? (
        result.data.candidates.length === 0 ? (
          <EmptyState
            header="No candidate has been scored yet"
            headingLevel={2}
            description="Rate candidates in the Scoring section of their issue panel; they are ranked here as soon as they have a score."
            testId="prioritise-empty"
          />
        ) : (
          <PrioritiseContent view={result.data} />
        )
      ) : null}
    </div>
  );
}
