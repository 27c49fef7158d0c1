import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { DryRunResult as DryRun, SettingsProblem } from '@contracts/settings';
import type { ConfigChange } from '@domain/config/diff';
import type { PmoConfig } from '@domain/config/schema';
import { useId, useState } from 'react';
import { errorTitle, type InvokeError, toInvokeError } from '../../../shared/api/invoke-error';
import { useResolverAction } from '../../../shared/api/use-resolver-action';
import type { SiteCatalog } from '../catalog';
import { summarizeChanges } from '../draft/diff';
import type { ConfigPart } from '../draft/draft-reducer';
import { liveVersionOfConflict, problemsOfError } from '../draft/server-problems';
import { type Problems, problemCountBySection } from '../draft/validation';
import { type SectionId, sectionLabel } from '../sections';
import { ChangeList } from '../ui/ChangeList';
import { DryRunResult } from './DryRunResult';
import { needsDryRun } from './dry-run-text';

type Props = {
  draft: PmoConfig;
  baseVersion: number;
  changes: readonly ConfigChange[];
  changed: readonly ConfigPart[];
  problems: Problems;
  catalog: SiteCatalog;
  onServerProblems: (draft: PmoConfig, problems: SettingsProblem[]) => void;
  onPublished: (version: number, config: PmoConfig) => Promise<void>;
  onConflict: (liveVersion: number | null, message: string) => void;
  onDiscard: () => void;
  onGoTo: (section: SectionId) => void;
  /** True while a conflict is unresolved: publishing again would only conflict again. */
  blocked: boolean;
};

type Panel = 'none' | 'changes' | 'dry-run';

/**
 * The sticky bar of unsaved changes: what changed, a comment, Dry run, Publish, Discard. The dry
 * run's result shows above the bar; a change that can alter compliance is dry-run before it is
 * published.
 */
export function PublishBar(props: Props) {
  const { draft, baseVersion, changes, changed, problems, catalog } = props;
  const validateSettingsCall = useResolverAction('validateSettings');
  const dryRunSettingsCall = useResolverAction('dryRunSettings');
  const saveSettingsCall = useResolverAction('saveSettings');
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [panel, setPanel] = useState<Panel>('none');
  const [dryRun, setDryRun] = useState<{ draft: PmoConfig; result: DryRun } | null>(null);
  const [busy, setBusy] = useState<'dry-run' | 'publish' | null>(null);
  const [error, setError] = useState<{ what: string; error: InvokeError } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const errors = problems.errors;
  const sections = [...problemCountBySection(problems).entries()];
  const dryRunCurrent = dryRun !== null && dryRun.draft === draft;
  const wantsDryRun = needsDryRun(changed);

  const runDryRun = async (): Promise<boolean> => {
    setBusy('dry-run');
    setError(null);
    setNotice(null);
    try {
      const [checked, result] = await Promise.all([
        validateSettingsCall.run({ config: draft }),
        dryRunSettingsCall.run({ config: draft }),
      ]);
      props.onServerProblems(draft, checked.problems);
      setDryRun({ draft, result });
      setPanel('dry-run');
      return true;
    } catch (caught) {
      const failure = toInvokeError(caught);
      const found = problemsOfError(failure);
      if (found.length > 0) props.onServerProblems(draft, found);
      setError({ what: 'run the dry run', error: failure });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (wantsDryRun && !dryRunCurrent) {
      const ran = await runDryRun();
      if (ran) setNotice('Check the impact of your changes, then publish.');
      return;
    }
    setBusy('publish');
    setError(null);
    setNotice(null);
    try {
      const saved = await saveSettingsCall.run({ baseVersion, config: draft, comment });
      setComment('');
      setDryRun(null);
      setPanel('none');
      await props.onPublished(saved.version, draft);
    } catch (caught) {
      const failure = toInvokeError(caught);
      if (failure.code === 'CONFLICT') {
        props.onConflict(liveVersionOfConflict(failure), failure.message);
      } else {
        const found = problemsOfError(failure);
        if (found.length > 0) props.onServerProblems(draft, found);
        setError({ what: 'publish the settings', error: failure });
      }
    } finally {
      setBusy(null);
    }
  };

  const panelId = `${commentId}-panel`;
  return (
    <section className="pmo-publish" aria-label="Unsaved changes" data-testid="unsaved-bar">
      {panel !== 'none' || error || notice || errors > 0 ? (
        <div className="pmo-publish__panel" id={panelId}>
          {error ? (
            <SectionMessage appearance="error" title={errorTitle(error.error.code)}>
              <p>
                We couldn't {error.what}. {error.error.message}
              </p>
            </SectionMessage>
          ) : null}
          {errors > 0 ? (
            <div className="pmo-publish__problems" data-testid="publish-problems">
              <strong>
                Fix {errors} problem{errors === 1 ? '' : 's'} before publishing:
              </strong>{' '}
              {sections.map(([section, count], index) => (
                <span key={section}>
                  {index > 0 ? ', ' : null}
                  <button type="button" className="pmo-link-button" onClick={() => props.onGoTo(section)}>
                    {sectionLabel(section)} ({count})
                  </button>
                </span>
              ))}
            </div>
          ) : null}
          {notice ? (
            <p className="pmo-publish__notice" role="status">
              {notice}
            </p>
          ) : null}
          {panel === 'dry-run' && dryRun ? (
            <DryRunResult result={dryRun.result} catalog={catalog} stale={!dryRunCurrent} />
          ) : null}
          {panel === 'changes' ? <ChangeList changes={changes} testId="unsaved-changes" /> : null}
        </div>
      ) : null}
      <div className="pmo-publish__bar">
        <div className="pmo-publish__summary">
          <strong>Unsaved changes</strong>
          <span className="pmo-subtle">{summarizeChanges(changes)}</span>
          <span className="pmo-publish__toggles">
            <button
              type="button"
              className="pmo-link-button"
              aria-expanded={panel === 'changes'}
              onClick={() => setPanel(panel === 'changes' ? 'none' : 'changes')}
              data-testid="show-changes"
            >
              {panel === 'changes' ? 'Hide changes' : 'Show changes'}
            </button>
            {dryRun && panel !== 'dry-run' ? (
              <button
                type="button"
                className="pmo-link-button"
                onClick={() => setPanel('dry-run')}
                data-testid="show-dry-run"
              >
                Show dry run
              </button>
            ) : null}
          </span>
        </div>
        <div className="pmo-publish__comment">
          <label htmlFor={commentId} className="pmo-visually-hidden">
            Comment for this version
          </label>
          <input
            id={commentId}
            type="text"
            className="pmo-input"
            placeholder="What changed and why (saved with the version)"
            value={comment}
            maxLength={1000}
            data-testid="publish-comment"
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <div className="pmo-row pmo-row--wrap">
          <Button appearance="subtle" onClick={props.onDiscard} testId="discard" isDisabled={busy !== null}>
            Discard
          </Button>
          <Button
            onClick={() => void runDryRun()}
            isLoading={busy === 'dry-run'}
            isDisabled={errors > 0 || busy === 'publish'}
            testId="dry-run"
          >
            Dry run
          </Button>
          <Button
            appearance="primary"
            onClick={() => void publish()}
            isLoading={busy === 'publish'}
            isDisabled={errors > 0 || props.blocked || busy === 'dry-run'}
            testId="publish"
          >
            Publish
          </Button>
        </div>
      </div>
    </section>
  );
}
