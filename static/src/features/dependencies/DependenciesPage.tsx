import './dependencies.css';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { formatCount } from '../../shared/lib/format';
import { ReportPage } from '../../shared/portfolio/ReportPage';
import { useViewQuery } from '../../shared/portfolio/use-route-query';
import { DependencyGraph, type Highlight } from './DependencyGraph';
import { DependencyList } from './DependencyList';
import { DependencySections } from './DependencySections';
import { filterDependencyModel, MAX_HOPS, searchProjects } from './dependency-filter';
import {
  buildDependencyModel,
  type DependencyModel,
  linksBetween,
  type ProjectNodeModel,
  pairRows,
} from './dependency-model';
import { flatGraph, groupedGraph } from './graph-model';
import { LinkDrilldown } from './LinkDrilldown';
import {
  type DependenciesQuery,
  type DependenciesView,
  formatDependenciesQuery,
  type ProjectPair,
  parseDependenciesQuery,
} from './query';

/** Two or more buttons of which one is on (aria-pressed), in a labelled group. */
function ToggleGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  testIdPrefix,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  testIdPrefix: string;
}) {
  return (
    <fieldset className="pmo-deps-toggle">
      <legend className="pmo-deps-toggle__legend">{label}</legend>
      <div className="pmo-deps-toggle__buttons">
        {options.map((option) => (
          <Button
            key={option.value}
            isSelected={option.value === value}
            aria-pressed={option.value === value}
            onClick={() => onChange(option.value)}
            testId={`${testIdPrefix}-${option.value}`}
          >
            {option.label}
          </Button>
        ))}
      </div>
    </fieldset>
  );
}

const VIEW_OPTIONS = [
  { value: 'graph', label: 'Graph' },
  { value: 'list', label: 'List' },
] as const satisfies readonly { value: DependenciesView; label: string }[];

const HIGHLIGHT_OPTIONS = [
  { value: 'none', label: 'Nothing' },
  { value: 'cycles', label: 'Cycles' },
  { value: 'critical', label: 'Critical path' },
] as const satisfies readonly { value: Highlight; label: string }[];

function Tiles({ report, model }: { report: PortfolioReport; model: DependencyModel }) {
  const { totals, criticalPath } = report.dependencies;
  const tiles = [
    { id: 'links', label: 'Open links between projects', value: model.links.total },
    { id: 'blocked', label: 'Blocked issues', value: totals.blockedIssues },
    { id: 'conflicts', label: 'Date conflicts', value: totals.conflicts },
    { id: 'cycles', label: 'Cycles', value: totals.cycles },
    { id: 'critical', label: 'Issues on the critical path', value: criticalPath.length },
  ];
  return (
    <dl className="pmo-kpis" data-testid="dependency-totals">
      {tiles.map((tile) => (
        <div key={tile.id} className="pmo-kpi" data-testid={`dependency-total-${tile.id}`}>
          <dt>{tile.label}</dt>
          <dd className="pmo-numeric">{formatCount(tile.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Legend() {
  return (
    <ul
      className="pmo-bare-list pmo-legend-items pmo-legend-items--roomy pmo-deps-legend"
      aria-label="Legend"
    >
      <li>
        <span className="pmo-deps-legend__line" aria-hidden="true" /> open links (thicker: more)
      </li>
      <li>
        <span className="pmo-deps-legend__line pmo-deps-legend__line--danger" aria-hidden="true" /> late or in
        a cycle
      </li>
      <li>
        <span className="pmo-deps-legend__line pmo-deps-legend__line--critical" aria-hidden="true" /> critical
        path (when highlighted)
      </li>
      <li>
        <span className="pmo-deps-legend__swatch" aria-hidden="true" /> left edge of a project: its health
      </li>
    </ul>
  );
}

/** "Pick two projects": the keyboard route to a drill-down, and the way to ask about any pair. */
function PairPicker({
  model,
  selected,
  onPick,
}: {
  model: DependencyModel;
  selected: ProjectPair | null;
  onPick: (pair: ProjectPair) => void;
}) {
  const [from, setFrom] = useState(selected?.from ?? '');
  const [to, setTo] = useState(selected?.to ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to && from !== to) onPick({ from, to });
  };
  const options = model.nodes.map((node) => (
    <option key={node.key} value={node.key}>
      {node.key === node.name ? node.key : `${node.key} – ${node.name}`}
    </option>
  ));
  const ends = [
    { end: 'from', label: 'Blocking project', value: from, onChange: setFrom },
    { end: 'to', label: 'Blocked project', value: to, onChange: setTo },
  ];
  return (
    <form className="pmo-toolbar pmo-gap-100 pmo-deps-picker" onSubmit={submit} data-testid="pair-picker">
      {ends.map(({ end, label, value, onChange }) => (
        <label key={end}>
          <span>{label}</span>
          <select
            className="pmo-native-select"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={`pair-picker-${end}`}
          >
            <option value="">Choose…</option>
            {options}
          </select>
        </label>
      ))}
      <Button type="submit" isDisabled={!from || !to || from === to} testId="pair-picker-show">
        Show links
      </Button>
    </form>
  );
}

function EmptyDependencies({ noProjects }: { noProjects: boolean }) {
  return (
    <div className="pmo-empty" data-testid="dependencies-empty">
      {noProjects ? (
        <EmptyState
          header="You can't browse any projects in this portfolio"
          headingLevel={2}
          description="Dependencies appear here for the projects you have the Browse projects permission for. Ask a Jira admin to give you access to the projects you need."
        />
      ) : (
        <EmptyState
          header="No open dependencies between projects"
          headingLevel={2}
          description="No open issue in this portfolio blocks an open issue in another project. Only issue links of the blocking link types count: by default Jira’s “Blocks” and “Dependency”. If your teams link dependencies with another type (for example “Depends”), ask a Jira admin to add it to the blocking link types under Mappings in the PMO Portfolio settings."
        />
      )}
    </div>
  );
}

const FLAG_FILTERS = [
  { flag: 'late', label: 'Late only' },
  { flag: 'cycles', label: 'Cycles only' },
  { flag: 'critical', label: 'Critical path only' },
] as const;

/** Filters, focus, grouping and search: what narrows the graph and the list alike. */
function FilterControls({
  model,
  query,
  update,
}: {
  model: DependencyModel;
  query: DependenciesQuery;
  update: (patch: Partial<DependenciesQuery>) => void;
}) {
  const [search, setSearch] = useState(query.search);
  useEffect(() => setSearch(query.search), [query.search]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ search: search.trim() });
  };
  return (
    <div className="pmo-toolbar pmo-gap-300" data-testid="dependency-filters">
      <fieldset className="pmo-deps-toggle">
        <legend className="pmo-deps-toggle__legend">Filter</legend>
        <div className="pmo-deps-toggle__buttons">
          {FLAG_FILTERS.map(({ flag, label }) => (
            <Button
              key={flag}
              isSelected={query[flag]}
              aria-pressed={query[flag]}
              onClick={() => update({ [flag]: !query[flag] })}
              testId={`filter-${flag}`}
            >
              {label}
            </Button>
          ))}
        </div>
      </fieldset>
      <div className="pmo-toolbar pmo-gap-100 pmo-deps-picker">
        <label>
          <span>Focus on</span>
          <select
            className="pmo-native-select"
            value={query.focus ?? ''}
            onChange={(e) => update({ focus: e.target.value === '' ? null : e.target.value })}
            data-testid="focus-project"
          >
            <option value="">All projects</option>
            {model.nodes.map((node) => (
              <option key={node.key} value={node.key}>
                {node.key === node.name ? node.key : `${node.key} – ${node.name}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Links away</span>
          <select
            className="pmo-native-select"
            value={query.hops}
            onChange={(e) => update({ hops: Number(e.target.value) })}
            disabled={query.focus === null}
            data-testid="focus-hops"
          >
            {Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((hops) => (
              <option key={hops} value={hops}>
                {hops}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.view === 'graph' ? (
        <fieldset className="pmo-deps-toggle">
          <legend className="pmo-deps-toggle__legend">Layout</legend>
          <div className="pmo-deps-toggle__buttons">
            <Button
              isSelected={query.group}
              aria-pressed={query.group}
              onClick={() => update({ group: !query.group, collapsed: [] })}
              testId="group-by-category"
            >
              Group by category
            </Button>
          </div>
        </fieldset>
      ) : null}
      <search>
        <form
          className="pmo-toolbar pmo-gap-100 pmo-deps-picker"
          onSubmit={submit}
          data-testid="dependency-search"
        >
          <label>
            <span>Find a project or issue</span>
            <input
              type="search"
              className="pmo-native-input"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Key, name or issue key"
              maxLength={100}
              data-testid="dependency-search-input"
            />
          </label>
          <Button type="submit" testId="dependency-search-submit">
            Find
          </Button>
        </form>
      </search>
    </div>
  );
}

function SearchResult({
  text,
  matches,
  shown,
  onClear,
}: {
  text: string;
  matches: readonly ProjectNodeModel[];
  shown: DependencyModel;
  onClear: () => void;
}) {
  if (text.length === 0) return null;
  const hidden = matches.filter((node) => !shown.nodeByKey.has(node.key));
  const names = (nodes: readonly ProjectNodeModel[]) =>
    nodes.map((node) => (node.key === node.name ? node.key : `${node.key} (${node.name})`)).join(', ');
  return (
    <p
      className="pmo-subtle"
      role="status"
      data-testid="dependency-search-result"
      data-matches={matches.length}
    >
      {matches.length === 0
        ? `No project with open links matches “${text}”.`
        : `“${text}”: ${names(matches)}${hidden.length > 0 ? `; not shown with these filters: ${names(hidden)}` : ''}.`}{' '}
      <Button appearance="subtle" spacing="compact" onClick={onClear} testId="dependency-search-clear">
        Clear search
      </Button>
    </p>
  );
}

function DependenciesContent({
  report,
  portfolioId,
  query,
  setQuery,
}: {
  report: PortfolioReport;
  portfolioId: string;
  query: DependenciesQuery;
  setQuery: (next: DependenciesQuery) => void;
}) {
  const model = useMemo(() => buildDependencyModel(report), [report]);
  const [highlight, setHighlight] = useState<Highlight>('none');
  const { pair, view } = query;
  const update = useCallback(
    (patch: Partial<DependenciesQuery>) => setQuery({ ...query, ...patch }),
    [setQuery, query],
  );

  const filter = useMemo(
    () => ({
      late: query.late,
      cycles: query.cycles,
      critical: query.critical,
      focus: query.focus,
      hops: query.hops,
    }),
    [query.late, query.cycles, query.critical, query.focus, query.hops],
  );
  const shown = useMemo(() => filterDependencyModel(model, filter), [model, filter]);
  const rows = useMemo(() => pairRows(shown), [shown]);
  const categories = useMemo(() => new Map(report.projects.map((p) => [p.key, p.category])), [report]);
  const collapsedKey = query.collapsed.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: collapsedKey stands for query.collapsed
  const graph = useMemo(
    () =>
      query.group
        ? groupedGraph(shown, (key) => categories.get(key) ?? null, new Set(query.collapsed))
        : flatGraph(shown),
    [shown, query.group, collapsedKey, categories],
  );
  const matchedNodes = useMemo(() => searchProjects(model.nodes, query.search), [model, query.search]);
  const matches = useMemo(() => new Set(matchedNodes.map((node) => node.key)), [matchedNodes]);

  const selectPair = useCallback((next: ProjectPair) => update({ pair: next }), [update]);
  const closePair = useCallback(() => update({ pair: null }), [update]);
  const setView = useCallback((next: DependenciesView) => update({ view: next }), [update]);
  const toggleGroup = useCallback(
    (name: string) =>
      update({
        collapsed: query.collapsed.includes(name)
          ? query.collapsed.filter((other) => other !== name)
          : [...query.collapsed, name],
      }),
    [update, query.collapsed],
  );
  const links = useMemo(
    () => (pair === null ? [] : linksBetween(report, pair.from, pair.to)),
    [report, pair],
  );
  const capped = model.links.listed < model.links.total;
  const filtered = shown !== model;

  return (
    <>
      <Tiles report={report} model={model} />
      {model.edges.length === 0 ? (
        <EmptyDependencies noProjects={report.projects.length === 0} />
      ) : (
        <section className="pmo-stack" aria-labelledby="deps-map-heading">
          <h2 id="deps-map-heading" className="pmo-visually-hidden">
            Dependencies between projects
          </h2>
          <div className="pmo-toolbar pmo-gap-300">
            <ToggleGroup
              label="Show as"
              options={VIEW_OPTIONS}
              value={view}
              onChange={setView}
              testIdPrefix="view-toggle"
            />
            {view === 'graph' ? (
              <ToggleGroup
                label="Highlight"
                options={HIGHLIGHT_OPTIONS}
                value={highlight}
                onChange={setHighlight}
                testIdPrefix="highlight"
              />
            ) : null}
            <PairPicker
              key={pair ? `${pair.from}-${pair.to}` : 'none'}
              model={model}
              selected={pair}
              onPick={selectPair}
            />
          </div>
          <FilterControls model={model} query={query} update={update} />
          <p
            className="pmo-subtle"
            data-testid="dependencies-shown"
            data-pairs={shown.edges.length}
            data-projects={shown.nodes.length}
          >
            {filtered
              ? `Showing ${formatCount(shown.edges.length)} of ${formatCount(model.edges.length)} project pairs and ${formatCount(shown.nodes.length)} of ${formatCount(model.nodes.length)} projects.`
              : `Showing all ${formatCount(model.edges.length)} project pairs with open links.`}
            {filtered ? (
              <>
                {' '}
                <Button
                  appearance="subtle"
                  spacing="compact"
                  onClick={() =>
                    update({ late: false, cycles: false, critical: false, focus: null, hops: 1 })
                  }
                  testId="filters-clear"
                >
                  Clear filters
                </Button>
              </>
            ) : null}
          </p>
          <SearchResult
            text={query.search}
            matches={matchedNodes}
            shown={shown}
            onClear={() => update({ search: '' })}
          />
          {shown.edges.length === 0 && shown.nodes.length <= 1 ? (
            <p className="pmo-subtle" data-testid="dependencies-filtered-empty">
              No project pair has open links that match these filters.
            </p>
          ) : view === 'graph' ? (
            <>
              <Legend />
              <DependencyGraph
                graph={graph}
                highlight={highlight}
                selected={pair}
                onSelectPair={selectPair}
                matches={matches}
                onToggleGroup={toggleGroup}
              />
              <p className="pmo-subtlest">
                {formatCount(model.nodes.length)} projects with open links to or from another project
                {model.unconnected.length > 0
                  ? `; ${formatCount(model.unconnected.length)} without any ${model.unconnected.length === 1 ? 'is' : 'are'} not drawn`
                  : ''}
                . Click a line (or Tab to it and press Enter) to list its issue links; click a project to fade
                what is not linked to it. Drag to pan, scroll or use the buttons to zoom.
              </p>
            </>
          ) : (
            <DependencyList
              rows={rows}
              onShow={selectPair}
              portfolioId={portfolioId}
              generatedAt={report.meta.generatedAt}
              sort={query.sort}
              onSort={(sort) => update({ sort })}
              matches={matches}
            />
          )}
          {pair !== null ? (
            <LinkDrilldown
              pair={pair}
              edge={model.edgeById.get(`${pair.from}-${pair.to}`)}
              links={links}
              cap={capped ? model.links.listed : null}
              fromName={model.nodeByKey.get(pair.from)?.name ?? pair.from}
              toName={model.nodeByKey.get(pair.to)?.name ?? pair.to}
              portfolioId={portfolioId}
              generatedAt={report.meta.generatedAt}
              onClose={closePair}
            />
          ) : null}
        </section>
      )}
      {report.dependencies.totals.openLinks > 0 ? (
        <DependencySections dependencies={report.dependencies} />
      ) : null}
    </>
  );
}

/**
 * Cross-project dependencies of the selected portfolio: a graph of projects (or the same as a table), a
 * drill-down to the issue links between two projects, and the cycles, critical path, blocked chains and
 * date conflicts. Reads the report the portfolio shell shares between views.
 */
export default function DependenciesPage() {
  const location = useViewQuery('dependencies', parseDependenciesQuery, formatDependenciesQuery);
  return (
    <ReportPage
      title="Dependencies"
      routeId="dependencies"
      subject="the dependencies"
      staleSubject="the dependencies below are"
      pageTestId="dependencies-page"
      viewReady={location.status === 'ready'}
      notices={(report) =>
        report.meta.partial ? (
          <SectionMessage
            appearance="warning"
            title="Some projects could not be read completely"
            testId="partial-warning"
          >
            <p>
              Links of these projects may be missing:{' '}
              {report.meta.staleProjects.join(', ') || 'unknown projects'}. Refresh to try again.
            </p>
          </SectionMessage>
        ) : null
      }
    >
      {(report, portfolioId) =>
        location.status === 'ready' ? (
          <DependenciesContent
            report={report}
            portfolioId={portfolioId}
            query={location.query}
            setQuery={location.setQuery}
          />
        ) : null
      }
    </ReportPage>
  );
}
