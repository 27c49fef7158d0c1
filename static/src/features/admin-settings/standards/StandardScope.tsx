import type { Standard } from '@domain/standards/schema';
import type { SiteCatalog } from '../catalog';
import { type ProblemPath, type Problems, problemsUnder } from '../draft/validation';
import { type ScopePicker, ScopePickers } from '../ui/ScopePickers';

const PICKERS: readonly ScopePicker<keyof Standard['scope']>[] = [
  { list: 'projectKeys', emptyText: 'All projects', testSuffix: 'projects' },
  { list: 'categoryIds', emptyText: 'All categories', testSuffix: 'categories' },
  { list: 'issueTypes', emptyText: 'All issue types', testSuffix: 'issue-types' },
];

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
        <ScopePickers
          pickers={PICKERS}
          values={standard.scope}
          onChange={setScope}
          problemsOf={(list) => problemsUnder(problems, [...path, 'scope', list]).map((p) => p.message)}
          catalog={catalog}
          testId={testId}
          readOnly={readOnly}
        />
      </div>
    </fieldset>
  );
}
