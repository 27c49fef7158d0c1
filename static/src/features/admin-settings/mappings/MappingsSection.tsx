import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { PmoConfig } from '@domain/config/schema';
import type { BlockingLinkMapping, RaidTypes } from '@domain/settings';
import { ColumnHeads } from '../../../shared/ui/table/ColumnHeads';
import { customFieldChoices, issueTypeChoices, ROLE_LABEL, ROLES, type Role } from '../catalog';
import { deepEqual } from '../draft/equal';
import { problemsAt, problemsUnder } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { ProblemText } from '../ui/FieldFrame';
import { RowButton } from '../ui/RowButton';
import { SectionIntro } from '../ui/SectionIntro';
import { SelectField } from '../ui/SelectField';
import { TagPicker } from '../ui/TagPicker';
import { blockingChoice, setBlocking, withFieldRole } from './mapping-edits';

const ROLE_HELP: Record<Role, string> = {
  storyPoints: 'Estimates for throughput and the “dated and estimated” standard.',
  startDate: 'Start of work, for the roadmap and the critical path.',
  team: 'Which team owns an issue.',
  riskProbability: 'Probability 1–5 of a risk.',
  riskImpact: 'Impact 1–5 of a risk.',
  riskOwner: 'Who owns a risk; the assignee when unmapped or empty.',
  roam: 'Resolved, Owned, Accepted or Mitigated.',
};

const RAID: { key: keyof RaidTypes; label: string }[] = [
  { key: 'risk', label: 'Risks' },
  { key: 'assumption', label: 'Assumptions' },
  { key: 'issue', label: 'Issues' },
  { key: 'decision', label: 'Decisions' },
];

/** Mappings: which link types mean "blocks", which custom fields hold what, which issue types are RAID items. */
export function MappingsSection({ config, update, problems, catalog, readOnly }: EditorProps) {
  const { blockingLinks, raidTypes } = config.engine;
  const siteTypes = new Set(catalog.linkTypes.map((type) => type.name.toLowerCase()));
  const missingTypes = blockingLinks.filter((mapping) => !siteTypes.has(mapping.type.toLowerCase()));
  const setLinks = (recipe: (links: BlockingLinkMapping[]) => BlockingLinkMapping[]) =>
    update((draft) => ({
      ...draft,
      engine: { ...draft.engine, blockingLinks: recipe(draft.engine.blockingLinks) },
    }));
  const fieldChoices = customFieldChoices(catalog);
  const fieldName = (id: string | undefined) =>
    id === undefined ? undefined : (catalog.fields.find((field) => field.id === id)?.name ?? id);
  const suggestionsDiffer =
    !deepEqual(
      [...blockingLinks].sort((a, b) => a.type.localeCompare(b.type)),
      [...catalog.suggestedBlockingLinks].sort((a, b) => a.type.localeCompare(b.type)),
    ) && catalog.suggestedBlockingLinks.length > 0;
  const unmappedSuggestions = ROLES.filter(
    (role) => config.fieldMapping[role] === undefined && catalog.suggestedFieldMapping[role] !== undefined,
  );

  return (
    <div className="pmo-stack">
      <SectionIntro section="mappings">
        Link types and custom fields differ from site to site. Tell the app which link types mean “blocks”,
        which fields hold story points, dates and risk scores, and which issue types are RAID items.
      </SectionIntro>

      <section className="pmo-group" aria-labelledby="links-heading">
        <div className="pmo-section-header">
          <h3 id="links-heading" className="pmo-group__legend">
            Which links mean “blocks”
          </h3>
          {readOnly || !suggestionsDiffer ? null : (
            <Button
              onClick={() => setLinks(() => [...catalog.suggestedBlockingLinks])}
              testId="links-use-suggested"
            >
              Use the suggested mapping
            </Button>
          )}
        </div>
        <p className="pmo-field__help">
          Dependencies, blocked chains, the critical path and the “no open blockers” standard follow these.
          Pick the sentence that is true for the link type.
        </p>
        <ProblemText messages={problemsAt(problems, ['engine', 'blockingLinks'])} />
        {catalog.linkTypes.length === 0 ? (
          <p className="pmo-subtle">This site has no issue link types.</p>
        ) : (
          <table className="pmo-table" aria-label="Issue link types" data-testid="link-type-table">
            <ColumnHeads labels={['Name', 'Outward description', 'Inward description', 'Means “blocks”']} />
            <tbody>
              {[...catalog.linkTypes]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((type) => (
                  <tr key={type.id} data-testid={`link-type-${type.id}`}>
                    <td>{type.name}</td>
                    <td>{type.outward}</td>
                    <td>{type.inward}</td>
                    <td>
                      <SelectField
                        label={`Does ${type.name} mean blocks?`}
                        hideLabel
                        value={blockingChoice(blockingLinks, type.name)}
                        options={[
                          { value: 'none', label: 'No' },
                          { value: 'outward', label: `Yes: “A ${type.outward} B” means B waits for A` },
                          { value: 'inward', label: `Yes: “A ${type.inward} B” means B waits for A` },
                        ]}
                        onChange={(choice) => setLinks((links) => setBlocking(links, type.name, choice))}
                        testId={`link-blocks-${type.id}`}
                      />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
        {missingTypes.length > 0 ? (
          <div className="pmo-stack--tight">
            <p className="pmo-field__help">
              Mapped link types this site does not have (ignored until they exist):
            </p>
            <ul className="pmo-chips">
              {missingTypes.map((mapping) => (
                <li key={mapping.type} className="pmo-tag pmo-tag--unknown">
                  <span>{mapping.type}</span>
                  {readOnly ? null : (
                    <RowButton
                      action="remove"
                      label={`Remove ${mapping.type}`}
                      onClick={() => setLinks((links) => links.filter((link) => link.type !== mapping.type))}
                    />
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="pmo-group" aria-labelledby="fields-heading">
        <div className="pmo-section-header">
          <h3 id="fields-heading" className="pmo-group__legend">
            Custom fields
          </h3>
          {readOnly || unmappedSuggestions.length === 0 ? null : (
            <Button
              onClick={() =>
                update((draft) =>
                  unmappedSuggestions.reduce<PmoConfig>(
                    (next, role) =>
                      withFieldRole(next, role, catalog.suggestedFieldMapping[role] ?? null, catalog),
                    draft,
                  ),
                )
              }
              testId="fields-use-suggested"
            >
              Use the suggested fields
            </Button>
          )}
        </div>
        <p className="pmo-field__help">
          A role left on “Find by name” uses the custom field whose name fits it, if there is one.
        </p>
        <table className="pmo-table" aria-label="Custom field mapping">
          <ColumnHeads labels={['Used for', 'Custom field', 'Suggested by name']} />
          <tbody>
            {ROLES.map((role) => {
              const suggested = catalog.suggestedFieldMapping[role];
              const mapped = config.fieldMapping[role];
              return (
                <tr key={role} data-testid={`field-role-${role}`}>
                  <th scope="row">
                    <span className="pmo-table__strong">{ROLE_LABEL[role]}</span>
                    <span className="pmo-subtlest pmo-block">{ROLE_HELP[role]}</span>
                  </th>
                  <td>
                    <SelectField
                      label={`Custom field for ${ROLE_LABEL[role]}`}
                      hideLabel
                      value={mapped ?? ''}
                      options={fieldChoices}
                      placeholder="Find by name"
                      onChange={(id) =>
                        update((draft) => withFieldRole(draft, role, id === '' ? null : id, catalog))
                      }
                      problems={problemsAt(problems, ['fieldMapping', role])}
                      testId={`field-map-${role}`}
                    />
                  </td>
                  <td>
                    {suggested === undefined ? (
                      <span className="pmo-subtle">None found</span>
                    ) : (
                      <span>
                        {fieldName(suggested)} <span className="pmo-subtlest pmo-key">{suggested}</span>{' '}
                        {mapped === suggested ? <Lozenge appearance="success">in use</Lozenge> : null}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <ProblemText messages={problemsUnder(problems, ['fieldMapping']).map((problem) => problem.message)} />
      </section>

      <section className="pmo-group" aria-labelledby="raid-heading">
        <h3 id="raid-heading" className="pmo-group__legend">
          RAID issue types
        </h3>
        <p className="pmo-field__help">Issues of these types make up the RAID log of each portfolio.</p>
        <div className="pmo-form-grid pmo-form-grid--2">
          {RAID.map(({ key, label }) => (
            <TagPicker
              key={key}
              label={label}
              values={raidTypes[key]}
              options={issueTypeChoices(catalog)}
              onChange={(values) =>
                update((draft) => ({
                  ...draft,
                  engine: { ...draft.engine, raidTypes: { ...draft.engine.raidTypes, [key]: values } },
                }))
              }
              problems={problemsUnder(problems, ['engine', 'raidTypes', key]).map(
                (problem) => problem.message,
              )}
              emptyText="No issue types"
              testId={`raid-${key}`}
              readOnly={readOnly}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
