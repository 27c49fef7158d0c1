import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { contentProblems } from '@domain/config/content';
import { ManualOverrideSchema } from '@domain/health/health';
import { useState } from 'react';
import { errorTitle, type InvokeError, toInvokeError } from '../../../shared/api/invoke-error';
import { useResolverAction } from '../../../shared/api/use-resolver-action';
import { RagLozenge } from '../../../shared/ui/RagLozenge';
import { ColumnHeads } from '../../../shared/ui/table/ColumnHeads';
import { formatDateTime } from '../audit/audit-format';
import { projectChoices, projectName, type SiteCatalog } from '../catalog';
import type { BaseConfig } from '../draft/draft-reducer';
import { friendlyMessage, sentence } from '../draft/validation';
import { RadioGroup } from '../ui/ChoiceFields';
import { DoneMessage } from '../ui/DoneMessage';
import { FieldFrame } from '../ui/FieldFrame';
import { SectionIntro } from '../ui/SectionIntro';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextFields';
import { endOfLocalDay, isoDate, overrideRows } from './override-helpers';

const _RAG_APPEARANCE = { green: 'success', amber: 'moved', red: 'removed' } as const;
const RAG_LABEL = { green: 'Green', amber: 'Amber', red: 'Red' } as const;
type Rag = keyof typeof RAG_LABEL;

const OverrideInput = ManualOverrideSchema.omit({ by: true, setAt: true }).strict();

type Props = {
  /** The live configuration: overrides are saved straight away, each as a new version. */
  live: BaseConfig;
  /** Display names of the people who set the overrides, by account id. */
  names: Readonly<Record<string, string>>;
  catalog: SiteCatalog;
  readOnly: boolean;
  /** Called after an override was set or cleared (or the live version was found stale): reload it. */
  onChanged: () => Promise<void>;
};

/** Overrides: a manual RAG for a project, with a reason and an expiry, set and cleared at once. */
export function OverridesSection({ live, names, catalog, readOnly, onChanged }: Props) {
  const setProjectOverrideCall = useResolverAction('setProjectOverride');
  const [projectKey, setProjectKey] = useState('');
  const [rag, setRag] = useState<Rag>('amber');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(() => isoDate(new Date(Date.now() + 14 * 86_400_000)));
  const [fieldProblems, setFieldProblems] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<InvokeError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const now = Date.now();
  // A field's problem is about the value it had at submit: editing the field answers it.
  const edited =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setFieldProblems(({ [field]: _answered, ...rest }) => rest);
    };
  const rows = overrideRows(live.config.overrides, now);

  async function send(key: string, override: { rag: Rag; reason: string; expiresAt: string } | null) {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      const saved = await setProjectOverrideCall.run({
        projectKey: key,
        override,
        baseVersion: live.version,
      });
      await onChanged();
      setDone(
        override === null
          ? `Override of ${projectName(catalog, key)} cleared (version ${saved.version}).`
          : `${projectName(catalog, key)} shows ${RAG_LABEL[override.rag]} until ${formatDateTime(override.expiresAt)} (version ${saved.version}).`,
      );
      if (override !== null) {
        setProjectKey('');
        setReason('');
      }
    } catch (caught) {
      const failure = toInvokeError(caught);
      setError(failure);
      if (failure.code === 'CONFLICT') await onChanged().catch(() => undefined);
    } finally {
      setBusy(null);
    }
  }

  function submit() {
    const problems: Record<string, string[]> = {};
    if (projectKey === '') problems.project = ['Choose a project.'];
    const expiresAt = expires === '' ? '' : endOfLocalDay(expires);
    const parsed = OverrideInput.safeParse({ rag, reason: reason.trim(), expiresAt });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        problems[key] = [...(problems[key] ?? []), friendlyMessage(issue)];
      }
    } else if (Date.parse(parsed.data.expiresAt) <= Date.now()) {
      problems.expiresAt = ['Choose a date in the future.'];
    }
    // The same content rules as every other setting: plain text only.
    for (const problem of contentProblems({ reason })) {
      problems.reason = [...(problems.reason ?? []), sentence(problem.message)];
    }
    setFieldProblems(problems);
    if (Object.keys(problems).length > 0 || !parsed.success) return;
    void send(projectKey, parsed.data);
  }

  return (
    <div className="pmo-stack">
      <SectionIntro section="overrides">
        When the computed health misses something the PMO knows, set a project's RAG by hand. The computed RAG
        stays visible next to it, and the override ends on its expiry date. Overrides are saved at once, each
        as a new version.
      </SectionIntro>
      {error ? (
        <SectionMessage
          appearance={error.code === 'CONFLICT' ? 'warning' : 'error'}
          title={errorTitle(error.code)}
        >
          <p>
            {error.code === 'CONFLICT'
              ? 'The settings changed while you were here. They have been reloaded: check the override and try again.'
              : error.message}
          </p>
        </SectionMessage>
      ) : null}
      <DoneMessage title="Saved" message={done} />
      {rows.length === 0 ? (
        <p className="pmo-subtle" data-testid="overrides-empty">
          No project has a manual RAG.
        </p>
      ) : (
        <table className="pmo-table" aria-label="Manual RAG overrides" data-testid="override-table">
          <ColumnHeads labels={['Project', 'RAG', 'Reason', 'Until', 'Set by']} actions={!readOnly} />
          <tbody>
            {rows.map(({ projectKey: key, override, active }) => (
              <tr key={key} data-testid={`override-row-${key}`}>
                <td>
                  {projectName(catalog, key)} <span className="pmo-subtlest pmo-key">{key}</span>
                </td>
                <td>
                  <RagLozenge rag={override.rag} />
                </td>
                <td className="pmo-wrap">{override.reason}</td>
                <td>
                  {formatDateTime(override.expiresAt)} {active ? null : <Lozenge>expired</Lozenge>}
                </td>
                <td>{names[override.by] ?? 'Unknown user'}</td>
                {readOnly ? null : (
                  <td>
                    <Button
                      appearance="subtle"
                      isLoading={busy === key}
                      onClick={() => void send(key, null)}
                      testId={`override-clear-${key}`}
                      aria-label={`Clear the override of ${projectName(catalog, key)}`}
                    >
                      Clear
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {readOnly ? null : (
        <form
          className="pmo-group pmo-stack--tight"
          aria-labelledby="override-form-heading"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h3 id="override-form-heading" className="pmo-group__legend">
            Set an override
          </h3>
          <div className="pmo-form-grid pmo-form-grid--2">
            <SelectField
              label="Project"
              value={projectKey}
              options={projectChoices(catalog)}
              placeholder="Choose a project"
              onChange={edited('project', setProjectKey)}
              problems={fieldProblems.project}
              testId="override-project"
            />
            <FieldFrame label="Until (end of day)" problems={fieldProblems.expiresAt}>
              {({ id, describedBy, invalid }) => (
                <Textfield
                  id={id}
                  type="date"
                  width="medium"
                  value={expires}
                  min={isoDate(new Date())}
                  aria-describedby={describedBy}
                  isInvalid={invalid}
                  testId="override-expires"
                  onChange={(event) => edited('expiresAt', setExpires)(event.currentTarget.value)}
                />
              )}
            </FieldFrame>
          </div>
          <RadioGroup
            legend="RAG to show"
            name="override-rag"
            value={rag}
            options={[
              { value: 'green', label: 'Green' },
              { value: 'amber', label: 'Amber' },
              { value: 'red', label: 'Red' },
            ]}
            onChange={edited('rag', setRag)}
            testId="override-rag"
          />
          <TextAreaField
            label="Reason"
            value={reason}
            onChange={edited('reason', setReason)}
            problems={fieldProblems.reason}
            help="Shown with the RAG on the portfolio pages."
            maxLength={1000}
            rows={2}
            testId="override-reason"
          />
          <div>
            <Button
              type="submit"
              appearance="primary"
              isLoading={busy !== null && projectKey === busy}
              testId="override-save"
            >
              Set override
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
