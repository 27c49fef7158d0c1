import Button from '@atlaskit/button/new';
import { DEFAULT_REFRESH_MINUTES, type PortfolioDefinition } from '@domain/config/schema';
import { categoryChoices, projectChoices, projectName, type SiteCatalog } from '../catalog';
import { uniqueId } from '../draft/ids';
import { problemsAt, problemsUnder } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { removeAt, replaceAt } from '../standards/rule-templates';
import { RadioGroup } from '../ui/ChoiceFields';
import { ProblemText } from '../ui/FieldFrame';
import { SectionIntro } from '../ui/SectionIntro';
import { SelectField } from '../ui/SelectField';
import { SettingsCard } from '../ui/SettingsCard';
import { TagPicker } from '../ui/TagPicker';
import { TextAreaField, TextField } from '../ui/TextFields';
import { RefreshHistory } from './RefreshHistory';
import { StatusUpdateSettings } from './StatusUpdateSettings';

type Scope = PortfolioDefinition['scope'];

/** Refresh cadences offered (minutes); the schedule checks every hour, so shorter ones run hourly. */
const CADENCES = [
  { value: '60', label: 'Every hour' },
  { value: '240', label: 'Every 4 hours' },
  { value: '720', label: 'Twice a day' },
  { value: '1440', label: 'Every day' },
  { value: '10080', label: 'Every week' },
] as const;
type ScopeKind = Scope['kind'];

/** A scope of `kind`, carrying over nothing (each kind has its own fields). */
function emptyScope(kind: ScopeKind, catalogFirstCategory: string | undefined): Scope {
  switch (kind) {
    case 'projects':
      return { kind, projectKeys: [] };
    case 'category':
      return { kind, categoryId: catalogFirstCategory ?? '' };
    case 'jql':
      return { kind, jql: '' };
  }
}

type Props = EditorProps & {
  /** The signed-in user's account id, offered as the owner. */
  accountId: string | null;
  /** Checks the draft on the server (JQL with Jira's parser); its problems show next to the fields. */
  onCheck: () => void;
  checking: boolean;
};

function ownerChoices(owner: string | null, accountId: string | null) {
  const choices = [] as { value: string; label: string }[];
  if (accountId !== null) choices.push({ value: accountId, label: `You (${accountId})` });
  if (owner !== null && owner !== accountId) choices.push({ value: owner, label: owner });
  return choices;
}

/** What a portfolio covers, in a few words for its card's header. */
function scopeSummary(scope: PortfolioDefinition['scope'], catalog: SiteCatalog): string {
  switch (scope.kind) {
    case 'projects':
      return `${scope.projectKeys.length} project${scope.projectKeys.length === 1 ? '' : 's'}`;
    case 'category':
      return `Category: ${catalog.categories.find((category) => category.id === scope.categoryId)?.name ?? 'none chosen'}`;
    case 'jql':
      return 'Projects of the issues a JQL query finds';
  }
}

/** Portfolios: named sets of projects (by list, category or JQL) with an owner. */
export function PortfoliosSection(props: Props) {
  const { config, update, problems, catalog, readOnly, accountId } = props;
  const setPortfolio = (index: number, recipe: (portfolio: PortfolioDefinition) => PortfolioDefinition) =>
    update((draft) => {
      const current = draft.portfolios[index];
      return current ? { ...draft, portfolios: replaceAt(draft.portfolios, index, recipe(current)) } : draft;
    });
  const addPortfolio = () =>
    update((draft) => ({
      ...draft,
      portfolios: [
        ...draft.portfolios,
        {
          id: uniqueId(
            'portfolio',
            draft.portfolios.map((portfolio) => portfolio.id),
            'portfolio',
          ),
          name: 'New portfolio',
          ownerAccountId: accountId,
          scope: { kind: 'projects', projectKeys: [] },
        },
      ],
    }));

  return (
    <div className="pmo-stack">
      <SectionIntro
        section="portfolios"
        actions={
          readOnly ? null : (
            <Button appearance="primary" onClick={addPortfolio} testId="portfolio-add">
              Add portfolio
            </Button>
          )
        }
      >
        A portfolio is the set of projects the portfolio pages show side by side. Without any, people see all
        projects and one portfolio per project category. Every portfolio uses the same lifecycle stages (see
        Lifecycle), so an issue in two portfolios passes the same gates.
      </SectionIntro>
      <ProblemText messages={problemsAt(problems, ['portfolios'])} />
      {config.portfolios.length === 0 ? (
        <p className="pmo-subtle" data-testid="portfolios-empty">
          No portfolios defined yet.
        </p>
      ) : null}
      <ul className="pmo-cards">
        {config.portfolios.map((portfolio, index) => {
          const path = ['portfolios', index];
          const scopeProblems = problemsUnder(problems, [...path, 'scope']).map((problem) => problem.message);
          const setScope = (scope: PortfolioDefinition['scope']) =>
            setPortfolio(index, (current) => ({ ...current, scope }));
          const count = problemsUnder(problems, path).length;
          const testId = `portfolio-${portfolio.id}`;
          return (
            <SettingsCard
              key={portfolio.id}
              name={portfolio.name.trim() === '' ? 'Untitled portfolio' : portfolio.name}
              summary={scopeSummary(portfolio.scope, catalog)}
              problemCount={count}
              actions={
                readOnly ? null : (
                  <Button
                    appearance="subtle"
                    onClick={() =>
                      update((draft) => ({ ...draft, portfolios: removeAt(draft.portfolios, index) }))
                    }
                    testId={`${testId}-delete`}
                    aria-label={`Delete portfolio ${portfolio.name || portfolio.id}`}
                  >
                    Delete
                  </Button>
                )
              }
              testId={`portfolio-row-${portfolio.id}`}
            >
              <div className="pmo-form-grid pmo-form-grid--2">
                <TextField
                  label="Name"
                  value={portfolio.name}
                  onChange={(name) => setPortfolio(index, (current) => ({ ...current, name }))}
                  problems={[
                    ...problemsAt(problems, [...path, 'name']),
                    ...problemsAt(problems, [...path, 'id']),
                  ]}
                  maxLength={200}
                  testId={`${testId}-name`}
                />
                <SelectField
                  label="Owner"
                  value={portfolio.ownerAccountId ?? ''}
                  options={ownerChoices(portfolio.ownerAccountId, accountId)}
                  placeholder="No owner"
                  onChange={(owner) =>
                    setPortfolio(index, (current) => ({
                      ...current,
                      ownerAccountId: owner === '' ? null : owner,
                    }))
                  }
                  problems={problemsAt(problems, [...path, 'ownerAccountId'])}
                  help="The person accountable for the portfolio."
                  testId={`${testId}-owner`}
                />
                <SelectField
                  label="Refresh from Jira"
                  value={String(portfolio.refreshMinutes ?? DEFAULT_REFRESH_MINUTES)}
                  options={CADENCES}
                  onChange={(minutes) =>
                    setPortfolio(index, (current) => ({ ...current, refreshMinutes: Number(minutes) }))
                  }
                  problems={problemsAt(problems, [...path, 'refreshMinutes'])}
                  help="The app reads what changed since the last refresh; each refresh spends Jira points."
                  testId={`${testId}-cadence`}
                />
              </div>
              <RadioGroup
                legend="Which projects"
                name={`scope-${portfolio.id}`}
                value={portfolio.scope.kind}
                options={[
                  { value: 'projects', label: 'These projects' },
                  { value: 'category', label: 'Every project in a category' },
                  { value: 'jql', label: 'The projects of the issues a JQL query finds' },
                ]}
                onChange={(kind) =>
                  setPortfolio(index, (current) => ({
                    ...current,
                    scope:
                      current.scope.kind === kind
                        ? current.scope
                        : emptyScope(kind, catalog.categories[0]?.id),
                  }))
                }
                testId={`${testId}-scope`}
              />
              {portfolio.scope.kind === 'projects' ? (
                <TagPicker
                  label="Projects"
                  values={portfolio.scope.projectKeys}
                  options={projectChoices(catalog)}
                  onChange={(projectKeys) => setScope({ kind: 'projects', projectKeys })}
                  problems={scopeProblems}
                  emptyText="No projects yet"
                  testId={`${testId}-projects`}
                  readOnly={readOnly}
                />
              ) : null}
              {portfolio.scope.kind === 'category' ? (
                <SelectField
                  label="Project category"
                  value={portfolio.scope.categoryId}
                  options={categoryChoices(catalog)}
                  onChange={(categoryId) => setScope({ kind: 'category', categoryId })}
                  problems={scopeProblems}
                  help={
                    catalog.categories.length === 0
                      ? 'This site has no project categories.'
                      : 'New projects in the category join automatically.'
                  }
                  testId={`${testId}-category`}
                />
              ) : null}
              {portfolio.scope.kind === 'jql' ? (
                <div className="pmo-stack--tight">
                  <TextAreaField
                    label="JQL"
                    value={portfolio.scope.jql}
                    onChange={(jql) => setScope({ kind: 'jql', jql })}
                    problems={scopeProblems}
                    help="Jira checks the query before it is saved. Example: labels = portfolio-2027"
                    rows={2}
                    monospace
                    maxLength={4000}
                    testId={`${testId}-jql`}
                  />
                  {readOnly ? null : (
                    <Button onClick={props.onCheck} isLoading={props.checking} testId={`${testId}-check-jql`}>
                      Check with Jira
                    </Button>
                  )}
                </div>
              ) : null}
              {portfolio.scope.kind === 'projects' && portfolio.scope.projectKeys.length > 0 ? (
                <p className="pmo-subtlest">
                  {portfolio.scope.projectKeys.map((key) => projectName(catalog, key)).join(' · ')}
                </p>
              ) : null}
              <StatusUpdateSettings
                portfolio={portfolio}
                path={path}
                problems={problems}
                onChange={(status) => setPortfolio(index, (current) => ({ ...current, status }))}
                testId={testId}
              />
              <RefreshHistory portfolioId={`p:${portfolio.id}`} testId={testId} />
            </SettingsCard>
          );
        })}
      </ul>
    </div>
  );
}
