import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { RadioGroup } from '@atlaskit/radio';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import type { DraftView, SaveDraftResult, StatusUpdateView } from '@contracts/status';
import { STATED_STATUS_LABELS, StatedStatus } from '@domain/status/update';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { toInvokeError } from '../../shared/api/invoke-error';
import { useResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';
import { formatTimestamp } from '../../shared/lib/format';
import { ErrorState } from '../../shared/ui/ErrorState';
import { LoadingState } from '../../shared/ui/LoadingState';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { CommentaryText } from './CommentaryText';
import { DraftFactsView } from './DraftFactsView';
import { PublishedVersions } from './PublishedVersions';
import { StatedStatusLozenge } from './StatedStatusLozenge';
import { type EditorText, editorStartText, factsAsText } from './status-model';
import { useAutosave } from './use-autosave';

type Props = {
  portfolioId: string;
  projectKey: string;
  periodId: string;
  onClose: () => void;
  /** Told after a publication, so the board shows it. */
  onPublished: () => void;
};

/**
 * One project's status update of a period, in a panel beside the board: the facts the data gives,
 * the stated status and commentary (saved as a draft while typing), publishing, and every published
 * version. Read-only, with the reason, for someone who may not write it.
 */
export function StatusEditor(props: Props) {
  const payload = useMemo(
    () => ({ portfolioId: props.portfolioId, projectKey: props.projectKey, periodId: props.periodId }),
    [props.portfolioId, props.projectKey, props.periodId],
  );
  const update = useResolver('getStatusUpdate', payload);
  const panel = useRef<HTMLElement>(null);
  // Opened from a row far up the board: bring the panel to the reader.
  useEffect(() => {
    if (props.projectKey) panel.current?.scrollIntoView?.({ block: 'start' });
  }, [props.projectKey]);
  return (
    <section
      ref={panel}
      className="pmo-status-panel"
      aria-labelledby="status-editor-heading"
      data-testid="status-editor"
    >
      <div className="pmo-status-panel__header">
        <Heading size="medium" as="h2" id="status-editor-heading">
          {update.data
            ? `${update.data.project.name}: ${update.data.period.label}`
            : `Status of ${props.projectKey}`}
        </Heading>
        <Button onClick={props.onClose} testId="status-editor-close">
          Close
        </Button>
      </div>
      {update.status === 'loading' ? (
        <LoadingState label="Drafting the update from the portfolio's data" />
      ) : null}
      {update.status === 'error' ? (
        <ErrorState error={update.error} what="load the status update" onRetry={update.reload} />
      ) : null}
      {update.data ? (
        // Keyed by project and period: another one starts from its own saved text.
        <EditorBody
          key={`${update.data.project.key}:${update.data.period.id}`}
          view={update.data}
          reload={update.reload}
          onPublished={props.onPublished}
        />
      ) : null}
    </section>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; draft: DraftView }
  | { kind: 'failed'; message: string };

function EditorBody({
  view,
  reload,
  onPublished,
}: {
  view: StatusUpdateView;
  reload: () => void;
  onPublished: () => void;
}) {
  const commentaryId = useId();
  const limit = view.limits.maxCommentaryLength;
  const [text, setText] = useState<EditorText>(() => editorStartText(view));
  const [dirty, setDirty] = useState(false);
  const [baseRevision, setBaseRevision] = useState(view.draft?.revision ?? 0);
  const [saveState, setSaveState] = useState<SaveState>(
    view.draft ? { kind: 'saved', draft: view.draft } : { kind: 'idle' },
  );
  const [conflict, setConflict] = useState<Extract<SaveDraftResult, { outcome: 'conflict' }> | null>(null);
  const [publishError, setPublishError] = useState<string | null>(null);
  const save = useResolverAction('saveStatusDraft');
  const publish = useResolverAction('publishStatusUpdate');
  const tooLong = text.commentary.length > limit;
  const target = { portfolioId: view.portfolioId, projectKey: view.project.key, periodId: view.period.id };

  const edit = (next: Partial<EditorText>) => {
    setText((current) => ({ ...current, ...next }));
    setDirty(true);
  };

  useAutosave(text, dirty && view.canWrite && !tooLong && conflict === null, async (value) => {
    setSaveState({ kind: 'saving' });
    try {
      const result = await save.run({ ...target, baseRevision, ...value });
      if (result.outcome === 'saved') {
        setBaseRevision(result.draft.revision);
        setSaveState({ kind: 'saved', draft: result.draft });
        setDirty(false);
      } else {
        // Theirs is the draft now; the next save of this writer builds on it, once they chose.
        setBaseRevision(result.latest.revision);
        setConflict(result);
        setSaveState({ kind: 'idle' });
      }
    } catch (error) {
      setSaveState({ kind: 'failed', message: toInvokeError(error).message });
    }
  });

  const onPublish = async () => {
    if (text.status === null) return;
    setPublishError(null);
    try {
      await publish.run({
        ...target,
        expectedVersion: view.published[0]?.version ?? 0,
        status: text.status,
        commentary: text.commentary,
      });
      setDirty(false);
      onPublished();
      reload();
    } catch (error) {
      setPublishError(toInvokeError(error).message);
    }
  };

  const resolveConflict = (choice: EditorText) => {
    setText(choice);
    setConflict(null);
    setDirty(true);
  };

  const published = view.published[0];
  return (
    <div className="pmo-status-editor">
      <p className="pmo-row pmo-row--wrap pmo-gap-200">
        <span>
          Data says <RagLozenge rag={view.project.computedRag} />
        </span>
        <span className="pmo-subtle">
          Due {view.period.due} ({view.timeZone}).{' '}
          {view.state === 'published'
            ? `Published (version ${published?.version}).`
            : view.state === 'late'
              ? 'Late: not published yet.'
              : 'Not published yet.'}
        </span>
      </p>
      <div className="pmo-status-editor__columns">
        <div className="pmo-status-editor__form">
          {view.canWrite ? (
            <>
              {conflict ? (
                <SectionMessage
                  appearance="warning"
                  title="Someone else saved this draft while you were writing"
                  testId="status-conflict"
                >
                  <p>
                    {conflict.latest.savedByName} saved it at {formatTimestamp(conflict.latest.savedAt)}. Both
                    texts are kept, nothing is lost: choose one to continue from, then merge by hand if
                    needed.
                  </p>
                  <div className="pmo-status-conflict">
                    <div>
                      <Heading size="xxsmall" as="h4">
                        Their text
                      </Heading>
                      {conflict.latest.status ? (
                        <StatedStatusLozenge status={conflict.latest.status} />
                      ) : null}
                      <p className="pmo-status-quote" data-testid="status-conflict-theirs">
                        {conflict.latest.commentary || '(empty)'}
                      </p>
                      <Button
                        onClick={() =>
                          resolveConflict({
                            status: conflict.latest.status,
                            commentary: conflict.latest.commentary,
                          })
                        }
                        testId="status-conflict-use-theirs"
                      >
                        Continue from their text
                      </Button>
                    </div>
                    <div>
                      <Heading size="xxsmall" as="h4">
                        Your text
                      </Heading>
                      {conflict.yours.status ? <StatedStatusLozenge status={conflict.yours.status} /> : null}
                      <p className="pmo-status-quote" data-testid="status-conflict-yours">
                        {conflict.yours.commentary || '(empty)'}
                      </p>
                      <Button
                        onClick={() => resolveConflict(conflict.yours)}
                        testId="status-conflict-use-mine"
                      >
                        Continue from my text
                      </Button>
                    </div>
                  </div>
                </SectionMessage>
              ) : null}
              <fieldset className="pmo-status-fieldset">
                <legend>Stated status</legend>
                <RadioGroup
                  name="stated-status"
                  value={text.status ?? undefined}
                  options={StatedStatus.options.map((status) => ({
                    value: status,
                    label:
                      status === view.facts.suggested
                        ? `${STATED_STATUS_LABELS[status]} (the data suggests this)`
                        : STATED_STATUS_LABELS[status],
                    testId: `stated-${status}`,
                  }))}
                  onChange={(event) => edit({ status: event.currentTarget.value as StatedStatus })}
                />
              </fieldset>
              <label htmlFor={commentaryId} className="pmo-status-label">
                Commentary
              </label>
              {/* A wrapper: in the form's flex column Atlaskit's field would grow to the facts' height. */}
              <div>
                <TextArea
                  id={commentaryId}
                  value={text.commentary}
                  onChange={(event) => edit({ commentary: event.currentTarget.value })}
                  minimumRows={8}
                  resize="vertical"
                  isInvalid={tooLong}
                  aria-describedby={`${commentaryId}-help`}
                  testId="status-commentary"
                />
              </div>
              <p id={`${commentaryId}-help`} className="pmo-subtle" data-testid="status-commentary-help">
                {text.commentary.length.toLocaleString('en')} of {limit.toLocaleString('en')} characters.
                Plain text: links starting with https:// become clickable; HTML or Markdown shows exactly as
                typed.
              </p>
              {tooLong ? (
                <p className="pmo-status-error" role="alert" data-testid="status-too-long">
                  {(text.commentary.length - limit).toLocaleString('en')} characters over the limit: shorten
                  it to save or publish.
                </p>
              ) : null}
              <div className="pmo-row pmo-row--wrap">
                <Button
                  onClick={() =>
                    edit({
                      commentary:
                        text.commentary.trim() === ''
                          ? factsAsText(view.facts, limit)
                          : `${text.commentary}\n\n${factsAsText(view.facts, limit)}`,
                    })
                  }
                  testId="status-use-draft-text"
                >
                  Start from the data
                </Button>
                <Button
                  appearance="primary"
                  onClick={onPublish}
                  isDisabled={text.status === null || tooLong || conflict !== null}
                  isLoading={publish.pending}
                  testId="status-publish"
                >
                  {published ? 'Publish correction' : 'Publish'}
                </Button>
                <span className="pmo-subtle" role="status" data-testid="status-save-state">
                  {saveState.kind === 'saving'
                    ? 'Saving draft…'
                    : saveState.kind === 'saved' && !dirty
                      ? `Draft saved ${formatTimestamp(saveState.draft.savedAt)} by ${saveState.draft.savedByName}`
                      : saveState.kind === 'failed'
                        ? `The draft could not be saved: ${saveState.message}`
                        : dirty
                          ? 'Unsaved changes'
                          : ''}
                </span>
              </div>
              {text.status === null ? <p className="pmo-subtle">Choose a stated status to publish.</p> : null}
              {publishError ? (
                <SectionMessage appearance="error" title="Not published" testId="status-publish-error">
                  <p>{publishError}</p>
                </SectionMessage>
              ) : null}
            </>
          ) : (
            <SectionMessage
              appearance="information"
              title="You can read this update"
              testId="status-read-only"
            >
              <p>{view.writeRefusal}</p>
            </SectionMessage>
          )}
          {!view.canWrite && view.draft ? (
            <>
              <Heading size="xsmall" as="h3">
                Draft in progress
              </Heading>
              <CommentaryText text={view.draft.commentary} />
            </>
          ) : null}
          <PublishedVersions versions={view.published} />
        </div>
        <aside className="pmo-status-editor__facts" aria-label="What the data says">
          <Heading size="small" as="h3">
            What the data says
          </Heading>
          <DraftFactsView facts={view.facts} />
        </aside>
      </div>
    </div>
  );
}
