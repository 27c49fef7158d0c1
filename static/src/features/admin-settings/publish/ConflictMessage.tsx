import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { diffConfigs } from '@domain/config/diff';
import type { PmoConfig } from '@domain/config/schema';
import { useState } from 'react';
import type { LiveSettings } from '../AdminSettingsTypes';
import { formatDateTime } from '../audit/audit-format';
import { type Conflict, mergeDraft, overlappingParts } from '../draft/draft-reducer';
import { sectionLabel, sectionsOfParts } from '../sections';
import { ChangeList } from '../ui/ChangeList';

type Props = {
  conflict: Conflict;
  base: { version: number; config: PmoConfig };
  draft: PmoConfig;
  /** Reads the live configuration now. */
  fetchLive: () => Promise<LiveSettings>;
  /** Moves the draft onto `live`, keeping the admin's edits. */
  onKeepMine: (live: LiveSettings) => void;
  /** Drops the draft and loads `live`. */
  onTakeTheirs: (live: LiveSettings) => void;
};

type SettleAction = {
  label: string;
  appearance: 'default' | 'primary' | 'subtle';
  /** What to do with the live version once read. */
  withFresh: (live: LiveSettings) => void;
  loading?: boolean;
  testId: string;
};

/**
 * A publish was refused because someone else published first. Nothing is lost: the draft stays on
 * screen; the admin can compare, put their edits on top of the new live version, or take theirs.
 */
export function ConflictMessage({ conflict, base, draft, fetchLive, onKeepMine, onTakeTheirs }: Props) {
  const [live, setLive] = useState<LiveSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const withLive = async (then: (live: LiveSettings) => void) => {
    setBusy(true);
    setError(null);
    try {
      const fresh = await fetchLive();
      setLive(fresh);
      then(fresh);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  /** Each way to settle reads the live version first; comparing only shows it. */
  const settleActions: readonly SettleAction[] = [
    {
      label: 'Compare with the live version',
      appearance: 'default',
      withFresh: () => undefined,
      loading: busy && live === null,
      testId: 'conflict-compare',
    },
    {
      label: 'Keep my changes on top of it',
      appearance: 'primary',
      withFresh: onKeepMine,
      testId: 'conflict-keep-mine',
    },
    {
      label: 'Discard mine and load the live version',
      appearance: 'subtle',
      withFresh: onTakeTheirs,
      testId: 'conflict-take-theirs',
    },
  ];

  const theirs = live ? diffConfigs(base.config, live.config) : [];
  const mineOnTop = live ? diffConfigs(live.config, mergeDraft(base.config, draft, live.config)) : [];
  const overlap = live ? sectionsOfParts(overlappingParts(base.config, draft, live.config)) : [];

  return (
    <div data-testid="conflict-message">
      <SectionMessage appearance="warning" title="Someone else published while you were editing">
        <div className="pmo-stack--tight">
          <p>
            {conflict.liveVersion === null
              ? 'A newer version of the settings is live.'
              : `Version ${conflict.liveVersion} is live now; your changes were based on version ${base.version}.`}{' '}
            Nothing was saved, and your changes are still here.
          </p>
          <div className="pmo-row pmo-row--wrap">
            {settleActions.map((action) => (
              <Button
                key={action.testId}
                appearance={action.appearance}
                onClick={() => void withLive(action.withFresh)}
                isLoading={action.loading}
                testId={action.testId}
              >
                {action.label}
              </Button>
            ))}
          </div>
          {error ? <p className="pmo-field__problem">We couldn't read the live settings: {error}</p> : null}
          {live ? (
            <div className="pmo-conflict-compare pmo-stack--tight" data-testid="conflict-compare-result">
              <p>
                Version {live.version}, published {formatDateTime(live.savedAt)} by{' '}
                <span>{live.author === null ? 'someone' : (live.authorName ?? 'Unknown user')}</span>,
                changed:
              </p>
              <ChangeList changes={theirs} emptyText="Nothing that differs from your starting point." />
              {overlap.length > 0 ? (
                <p className="pmo-field__problem">
                  You both changed {overlap.map(sectionLabel).join(', ')}. Keeping your changes replaces
                  theirs there.
                </p>
              ) : null}
              <p>Publishing your changes on top of it would change:</p>
              <ChangeList
                changes={mineOnTop}
                emptyText="Nothing: the live version already has your changes."
              />
            </div>
          ) : null}
        </div>
      </SectionMessage>
    </div>
  );
}
