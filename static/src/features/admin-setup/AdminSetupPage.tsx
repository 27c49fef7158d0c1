import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { SiteSetup } from '../../../../src/resolvers/contract';
import { useResolver } from '../../shared/api/use-resolver';
import { ErrorState } from '../../shared/ui/ErrorState';
import { LoadingState } from '../../shared/ui/LoadingState';
import { FIELD_ROLE_LABEL } from './field-roles';

const NO_PAYLOAD = {};
const ROWS_PER_PAGE = 25;

const linkTypeHead: HeadType = {
  cells: [
    { key: 'name', content: 'Name', isSortable: true },
    { key: 'outward', content: 'Outward description', isSortable: true },
    { key: 'inward', content: 'Inward description', isSortable: true },
  ],
};

const fieldHead: HeadType = {
  cells: [
    { key: 'name', content: 'Name', isSortable: true, width: 30 },
    { key: 'id', content: 'Field ID', isSortable: true, width: 22 },
    { key: 'type', content: 'Type', isSortable: true, width: 28 },
    { key: 'role', content: 'Suggested role', isSortable: true, width: 20 },
  ],
};

function linkTypeRows(setup: SiteSetup): RowType[] {
  return setup.linkTypes.map((linkType) => ({
    key: linkType.id,
    testId: `link-type-${linkType.id}`,
    cells: [
      { key: linkType.name, content: linkType.name },
      { key: linkType.outward, content: linkType.outward },
      { key: linkType.inward, content: linkType.inward },
    ],
  }));
}

function fieldRows(setup: SiteSetup): RowType[] {
  return setup.customFields.map((field) => ({
    key: field.id,
    testId: `field-${field.id}`,
    cells: [
      { key: field.name, content: field.name },
      { key: field.id, content: <span className="pmo-key">{field.id}</span> },
      { key: field.type ?? '', content: field.type ?? <span className="pmo-subtle">—</span> },
      {
        key: field.role === null ? '' : FIELD_ROLE_LABEL[field.role],
        content:
          field.role === null ? (
            <span className="pmo-subtle">—</span>
          ) : (
            <Lozenge appearance="new">{FIELD_ROLE_LABEL[field.role]}</Lozenge>
          ),
      },
    ],
  }));
}

function SetupTables({ setup }: { setup: SiteSetup }) {
  return (
    <div className="pmo-stack">
      {setup.canAdminister ? null : (
        <SectionMessage
          appearance="warning"
          title="Only Jira administrators can change PMO settings"
          testId="read-only"
        >
          <p>You can look at what the app detected, but changes need a Jira administrator.</p>
        </SectionMessage>
      )}
      <section className="pmo-section" aria-labelledby="setup-heading">
        <div className="pmo-stack">
          <Heading size="medium" as="h2" id="setup-heading">
            Jira setup the app detected
          </Heading>
          <p className="pmo-subtle">
            Link types and custom fields differ from site to site. The app reads them from Jira so that you
            can choose which link types mean “blocks” and which fields hold story points, dates, teams and
            risk scores.
          </p>
          <SectionMessage appearance="information" title="Workflow validators and project types">
            <p>
              Workflow validators (which stop a transition when a gate is not met) only run in company-managed
              projects. In team-managed projects, PMO standards are shown as guidance in the issue panel and
              in reports, but transitions are not blocked.
            </p>
          </SectionMessage>
        </div>
      </section>
      <section className="pmo-section" aria-labelledby="link-types-heading">
        <Heading size="small" as="h3" id="link-types-heading">
          Issue link types
        </Heading>
        {setup.linkTypes.length === 0 ? (
          <EmptyState header="This site has no issue link types" headingLevel={4} />
        ) : (
          <div data-testid="link-type-table">
            <DynamicTable
              label="Issue link types"
              head={linkTypeHead}
              rows={linkTypeRows(setup)}
              rowsPerPage={ROWS_PER_PAGE}
              defaultSortKey="name"
              defaultSortOrder="ASC"
            />
          </div>
        )}
      </section>
      <section className="pmo-section" aria-labelledby="fields-heading">
        <Heading size="small" as="h3" id="fields-heading">
          Custom fields
        </Heading>
        {setup.customFields.length === 0 ? (
          <EmptyState header="This site has no custom fields" headingLevel={4} />
        ) : (
          <div data-testid="custom-field-table">
            <DynamicTable
              label="Custom fields"
              head={fieldHead}
              rows={fieldRows(setup)}
              rowsPerPage={ROWS_PER_PAGE}
              defaultSortKey="name"
              defaultSortOrder="ASC"
            />
          </div>
        )}
      </section>
    </div>
  );
}

/** PMO settings (admin page). For now: who may change settings, and the Jira setup the app found. */
export default function AdminSetupPage() {
  const result = useResolver('getSiteSetup', NO_PAYLOAD);
  return (
    <main className="pmo-page pmo-stack">
      <Heading size="large" as="h1">
        PMO settings
      </Heading>
      {result.status === 'loading' ? <LoadingState label="Loading the Jira setup" /> : null}
      {result.status === 'error' ? (
        <ErrorState error={result.error} what="read the Jira setup" onRetry={result.reload} />
      ) : null}
      {result.status === 'ready' ? <SetupTables setup={result.data} /> : null}
    </main>
  );
}
