import type { Standard } from '@domain/standards/schema';
import { categoryChoices, issueTypeChoices, projectChoices, type SiteCatalog } from '../catalog';
import { type ProblemPath, type Problems, problemsUnder } from '../draft/validation';
import { TagPicker } from '../ui/TagPicker';

/** Which projects, categories and issue types a standard covers. */
export function StandardScope({
  standard,
  path,
  problems,
  catalog,
  readOnly,
  testId,
  setScope,
}: {
  standard: Standard;
  path: ProblemPath;
  problems: Problems;
  catalog: SiteCatalog;
  readOnly: boolean;
  testId: string;
  setScope: (key: keyof Standard['scope'], values: string[]) => void;
}) {
  return (
    <fieldset className="pmo-group">
      <legend className="pmo-group__legend">Scope</legend>
      <p className="pmo-field__help">Every list you fill must match; empty lists cover everything.</p>
      <div className="pmo-form-grid pmo-form-grid--3">
        <TagPicker
          label="Projects"
          values={standard.scope.projectKeys ?? []}
          options={projectChoices(catalog)}
          onChange={(values) => setScope('projectKeys', values)}
          problems={problemsUnder(problems, [...path, 'scope', 'projectKeys']).map((p) => p.message)}
          emptyText="All projects"
          testId={`${testId}-projects`}
          readOnly={readOnly}
        />
        <TagPicker
          label="Project categories"
          values={standard.scope.categoryIds ?? []}
          options={categoryChoices(catalog)}
          onChange={(values) => setScope('categoryIds', values)}
          problems={problemsUnder(problems, [...path, 'scope', 'categoryIds']).map((p) => p.message)}
          emptyText="All categories"
          testId={`${testId}-categories`}
          readOnly={readOnly}
        />
        <TagPicker
          label="Issue types"
          values={standard.scope.issueTypes ?? []}
          options={issueTypeChoices(catalog)}
          onChange={(values) => setScope('issueTypes', values)}
          problems={problemsUnder(problems, [...path, 'scope', 'issueTypes']).map((p) => p.message)}
          emptyText="All issue types"
          testId={`${testId}-issue-types`}
          readOnly={readOnly}
        />
      </div>
    </fieldset>
  );
}
