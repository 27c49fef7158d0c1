import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverOutput } from '@contracts/resolver-contract';
import type { SettingsProblem } from '@contracts/settings';
import { type ChangeEvent, useId, useState } from 'react';
import { errorTitle, type InvokeError, toInvokeError } from '../../../shared/api/invoke-error';
import { useResolverAction } from '../../../shared/api/use-resolver-action';
import { problemsOfError } from '../draft/server-problems';
import { ChangeList } from '../ui/ChangeList';
import { DoneMessage } from '../ui/DoneMessage';
import { ReplaceLiveConfirm } from '../ui/ReplaceLiveConfirm';
import { SectionIntro } from '../ui/SectionIntro';
import { TextAreaField } from '../ui/TextFields';
import { precheckImport, precheckSize, safeFileName } from './import-precheck';

type Preview = ResolverOutput<'previewImport'> & { json: string };

type Failure = { title: string; message: string; problems: SettingsProblem[] };

function downloadJson(fileName: string, json: string): void {
  const blob = new Blob([json], { type: 'application/json;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function failureOf(error: InvokeError): Failure {
  const problems = problemsOfError(error);
  if (error.code === 'PAYLOAD_TOO_LARGE') {
    return { title: 'This file is too large to import', message: error.message, problems };
  }
  if (error.code === 'BAD_REQUEST') {
    return { title: "This file can't be imported", message: error.message, problems };
  }
  return { title: errorTitle(error.code), message: error.message, problems };
}

function ProblemsList({ problems }: { problems: readonly SettingsProblem[] }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 20);
  return (
    <ul className="pmo-plain-list pmo-problem-list">
      {shown.map((problem) => (
        <li key={`${problem.path}:${problem.message}`}>
          {problem.path === '' ? null : <span className="pmo-key">{problem.path}</span>}
          {problem.path === '' ? '' : ': '}
          {problem.message}
          {problem.severity === 'warning' ? <span className="pmo-subtle"> (warning)</span> : null}
        </li>
      ))}
      {problems.length > shown.length ? <li>and {problems.length - shown.length} more</li> : null}
    </ul>
  );
}

type Props = {
  liveVersion: number;
  dirty: boolean;
  canEdit: boolean;
  onImported: (version: number) => Promise<void>;
};

/** Import/export: the whole configuration as JSON; an import is previewed, then applied as one version. */
export function ImportExportSection({ liveVersion, dirty, canEdit, onImported }: Props) {
  const exportSettingsCall = useResolverAction('exportSettings');
  const previewImportCall = useResolverAction('previewImport');
  const importSettingsCall = useResolverAction('importSettings');
  const fileId = useId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'export' | 'preview' | 'apply' | null>(null);
  const [exportError, setExportError] = useState<InvokeError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A chosen file refused before it was read: Preview must keep saying why, not "choose a file".
  const [refusedFile, setRefusedFile] = useState<Failure | null>(null);

  const reset = () => {
    setFailure(null);
    setPreview(null);
    setDone(null);
  };

  const exportNow = async () => {
    setBusy('export');
    setExportError(null);
    try {
      const answer = await exportSettingsCall.run({});
      downloadJson(answer.fileName, answer.json);
    } catch (caught) {
      setExportError(toInvokeError(caught));
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    reset();
    setRefusedFile(null);
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    const size = precheckSize(file.size);
    if (!size.ok) {
      const refused = { title: 'This file is too large to import', message: size.message, problems: [] };
      setText('');
      setRefusedFile(refused);
      setFailure(refused);
      return;
    }
    setText(await file.text());
  };

  const runPreview = async () => {
    reset();
    if (refusedFile) {
      setFailure(refusedFile);
      return;
    }
    const check = precheckImport(text);
    if (!check.ok) {
      setFailure({ title: "This file can't be imported", message: check.message, problems: [] });
      return;
    }
    setBusy('preview');
    try {
      const answer = await previewImportCall.run({ json: text });
      const errors = answer.problems.filter((problem) => problem.severity === 'error');
      if (answer.config === null || errors.length > 0) {
        setFailure({
          title: "This file can't be imported",
          message: 'It does not describe valid PMO settings. Nothing was changed.',
          problems: answer.problems,
        });
      } else {
        setPreview({ ...answer, json: text });
        setComment(fileName ? `Import of ${fileName}` : 'Import');
      }
    } catch (caught) {
      setFailure(failureOf(toInvokeError(caught)));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setBusy('apply');
    setFailure(null);
    try {
      const saved = await importSettingsCall.run({
        json: preview.json,
        baseVersion: liveVersion,
        comment,
      });
      setPreview(null);
      setText('');
      setFileName(null);
      await onImported(saved.version);
      setDone(`Imported as version ${saved.version}. It is live now.`);
    } catch (caught) {
      const error = toInvokeError(caught);
      setFailure(
        error.code === 'CONFLICT'
          ? {
              title: errorTitle(error.code),
              message:
                'Another version went live after the preview. Preview the import again to see what it changes now.',
              problems: [],
            }
          : failureOf(error),
      );
      if (error.code === 'CONFLICT') setPreview(null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="pmo-stack">
      <SectionIntro section="import-export">
        Move the whole configuration between sites, or keep a copy. An import is checked and previewed first,
        then applied as one new version, or not at all.
      </SectionIntro>

      <section className="pmo-group pmo-stack--tight" aria-labelledby="export-heading">
        <h3 id="export-heading" className="pmo-group__legend">
          Export
        </h3>
        <p className="pmo-field__help">The live configuration (version {liveVersion}) as a JSON file.</p>
        {exportError ? (
          <SectionMessage appearance="error" title={errorTitle(exportError.code)}>
            <p>We couldn't export the settings. {exportError.message}</p>
          </SectionMessage>
        ) : null}
        <div>
          <Button onClick={() => void exportNow()} isLoading={busy === 'export'} testId="export-settings">
            Download JSON
          </Button>
        </div>
      </section>

      <section className="pmo-group pmo-stack--tight" aria-labelledby="import-heading">
        <h3 id="import-heading" className="pmo-group__legend">
          Import
        </h3>
        {!canEdit ? (
          <p className="pmo-subtle">Only people who can change PMO settings can import them.</p>
        ) : (
          <>
            <div className="pmo-field">
              <label htmlFor={fileId} className="pmo-field__label">
                JSON file
              </label>
              <input
                id={fileId}
                type="file"
                accept=".json,application/json"
                className="pmo-file"
                data-testid="import-file"
                onChange={(event) => void onFile(event)}
              />
            </div>
            <TextAreaField
              label="Or paste the JSON"
              value={text}
              onChange={(value) => {
                setText(value);
                setFileName(null);
                setRefusedFile(null);
                reset();
              }}
              rows={6}
              monospace
              testId="import-text"
            />
            <div>
              <Button
                onClick={() => void runPreview()}
                isLoading={busy === 'preview'}
                testId="import-preview-button"
              >
                Preview import
              </Button>
            </div>
          </>
        )}
        {failure ? (
          <div data-testid="import-error">
            <SectionMessage appearance="error" title={failure.title}>
              <p>{failure.message}</p>
              <ProblemsList problems={failure.problems} />
              <p className="pmo-subtle">Nothing was changed.</p>
            </SectionMessage>
          </div>
        ) : null}
        <DoneMessage title="Imported" message={done} />
        {preview ? (
          <div className="pmo-preview pmo-stack--tight" data-testid="import-preview">
            <h4 className="pmo-group__legend">
              {preview.diff.length === 0
                ? `The import is the same as the live version ${preview.liveVersion}`
                : `Importing changes ${preview.diff.length} setting${preview.diff.length === 1 ? '' : 's'} of the live version ${preview.liveVersion}`}
            </h4>
            <ChangeList changes={preview.diff} testId="import-diff" />
            {preview.problems.length > 0 ? (
              <SectionMessage appearance="warning" title="Worth a look">
                <ProblemsList problems={preview.problems} />
              </SectionMessage>
            ) : null}
            <ReplaceLiveConfirm
              dirty={dirty}
              what="An import"
              comment={comment}
              onComment={setComment}
              commentTestId="import-comment"
              onCancel={() => setPreview(null)}
            >
              <Button
                appearance="primary"
                onClick={() => void apply()}
                isLoading={busy === 'apply'}
                isDisabled={preview.diff.length === 0}
                testId="import-apply"
              >
                Apply import
              </Button>
            </ReplaceLiveConfirm>
          </div>
        ) : null}
      </section>
    </div>
  );
}
