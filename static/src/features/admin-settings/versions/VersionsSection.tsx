import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverOutput } from '@contracts/resolver-contract';
import type { VersionMeta } from '@contracts/settings';
import { Fragment, useMemo, useState } from 'react';
import { errorTitle, type InvokeError, toInvokeError } from '../../../shared/api/invoke-error';
import { useResolver } from '../../../shared/api/use-resolver';
import { useResolverAction } from '../../../shared/api/use-resolver-action';
import { useResolverPages } from '../../../shared/api/use-resolver-pages';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { ColumnHeads } from '../../../shared/ui/table/ColumnHeads';
import { formatDateTime, originLabel } from '../audit/audit-format';
import { ChangeList } from '../ui/ChangeList';
import { ReplaceLiveConfirm } from '../ui/ReplaceLiveConfirm';
import { SectionIntro } from '../ui/SectionIntro';

type VersionDetail = ResolverOutput<'getConfigVersion'>;

type Props = {
  liveVersion: number;
  /** Unsaved edits: a restore would replace the live configuration under them, so it waits. */
  dirty: boolean;
  canEdit: boolean;
  /** After a restore: reload the live configuration (the draft starts over from it). */
  onRestored: (version: number) => Promise<void>;
};

type Open = { version: number; mode: 'compare' | 'restore' } | null;

const VERSIONS_PAGE = 20;

function VersionPanel({
  meta,
  mode,
  liveVersion,
  dirty,
  onClose,
  onRestored,
}: {
  meta: VersionMeta;
  mode: 'compare' | 'restore';
  liveVersion: number;
  dirty: boolean;
  onClose: () => void;
  onRestored: (version: number) => Promise<void>;
}) {
  const versionPayload = useMemo(() => ({ version: meta.version }), [meta.version]);
  const read = useResolver('getConfigVersion', versionPayload);
  const restoreVersion = useResolverAction('restoreConfigVersion');
  const [restoreError, setRestoreError] = useState<InvokeError | null>(null);
  const [comment, setComment] = useState(`Restore version ${meta.version}`);
  const [restoring, setRestoring] = useState(false);
  const detail: VersionDetail | null = read.status === 'ready' ? read.data : null;
  const error = restoreError ?? (read.status === 'error' ? read.error : null);

  const restore = async () => {
    setRestoring(true);
    setRestoreError(null);
    try {
      const saved = await restoreVersion.run({
        version: meta.version,
        baseVersion: liveVersion,
        comment,
      });
      await onRestored(saved.version);
    } catch (caught) {
      setRestoreError(toInvokeError(caught));
      setRestoring(false);
    }
  };

  return (
    <div className="pmo-version-panel pmo-stack--tight" data-testid={`version-panel-${meta.version}`}>
      <h3 className="pmo-group__legend">
        {mode === 'restore'
          ? `Restore version ${meta.version}`
          : `Version ${meta.version} compared with the live one`}
      </h3>
      {error ? (
        error.code === 'CONFLICT' ? (
          <SectionMessage appearance="warning" title={errorTitle(error.code)}>
            <p>Another version went live meanwhile. Reload the list and try again.</p>
          </SectionMessage>
        ) : (
          <ErrorState
            error={error}
            what="read this version"
            onRetry={() => {
              setRestoreError(null);
              read.reload();
            }}
          />
        )
      ) : null}
      {detail === null && error === null ? <LoadingState label="Loading the version" compact /> : null}
      {detail ? (
        <>
          <p className="pmo-subtle">
            {detail.diffFromLive.length === 0
              ? `Version ${meta.version} is the same as the live version ${detail.liveVersion}.`
              : `Restoring it would make these changes to the live version ${detail.liveVersion}:`}
          </p>
          <ChangeList changes={detail.diffFromLive} testId={`version-diff-${meta.version}`} />
        </>
      ) : null}
      {mode === 'restore' ? (
        <ReplaceLiveConfirm
          dirty={dirty}
          what="A restore"
          comment={comment}
          onComment={setComment}
          commentTestId={`restore-comment-${meta.version}`}
          onCancel={onClose}
        >
          <Button
            appearance="warning"
            onClick={() => void restore()}
            isLoading={restoring}
            isDisabled={detail === null}
            testId={`restore-confirm-${meta.version}`}
          >
            {`Restore version ${meta.version}`}
          </Button>
        </ReplaceLiveConfirm>
      ) : (
        <div>
          <Button appearance="subtle" onClick={onClose}>
            Close
          </Button>
        </div>
      )}
    </div>
  );
}

/** Versions: every saved configuration, newest first; compare one with the live one, restore it. */
export function VersionsSection({ liveVersion, dirty, canEdit, onRestored }: Props) {
  const list = useResolverPages('listConfigVersions', {
    payload: (cursor) => (cursor === null ? { limit: VERSIONS_PAGE } : { cursor, limit: VERSIONS_PAGE }),
    itemsOf: (page) => page.versions,
    enabled: canEdit,
  });
  const [open, setOpen] = useState<Open>(null);
  if (!canEdit) {
    return (
      <div className="pmo-stack">
        <SectionIntro section="versions">
          Only people who can change PMO settings can see earlier versions.
        </SectionIntro>
      </div>
    );
  }
  return (
    <div className="pmo-stack">
      <SectionIntro section="versions">
        Every publish, restore, import and override is a new version; none is ever changed. Restoring an
        earlier version makes it live again as a new version.
      </SectionIntro>
      {list.status === 'loading' ? <LoadingState label="Loading versions" /> : null}
      {list.status === 'error' && list.error ? (
        <ErrorState error={list.error} what="list the versions" onRetry={list.reload} />
      ) : null}
      {list.status === 'ready' ? (
        <table className="pmo-table" aria-label="Configuration versions" data-testid="version-table">
          <ColumnHeads labels={['Version', 'When', 'Who', 'What', 'Comment']} actions />
          <tbody>
            {list.items.map((meta) => {
              const isLive = meta.version === liveVersion;
              const isOpen = open?.version === meta.version;
              return (
                <Fragment key={meta.version}>
                  <tr data-testid={`version-row-${meta.version}`}>
                    <td className="pmo-numeric">
                      {meta.version} {isLive ? <Lozenge appearance="success">live</Lozenge> : null}
                    </td>
                    <td>{formatDateTime(meta.savedAt)}</td>
                    <td>{meta.author === null ? '—' : (meta.authorName ?? 'Unknown user')}</td>
                    <td>{originLabel(meta.origin)}</td>
                    <td className="pmo-wrap">{meta.comment || <span className="pmo-subtle">—</span>}</td>
                    <td className="pmo-actions-cell">
                      {isLive ? null : (
                        <>
                          <Button
                            appearance="subtle"
                            onClick={() =>
                              setOpen(
                                isOpen && open?.mode === 'compare'
                                  ? null
                                  : { version: meta.version, mode: 'compare' },
                              )
                            }
                            testId={`compare-${meta.version}`}
                            aria-label={`Compare version ${meta.version} with the live version`}
                          >
                            Compare
                          </Button>
                          <Button
                            onClick={() => setOpen({ version: meta.version, mode: 'restore' })}
                            testId={`restore-${meta.version}`}
                            aria-label={`Restore version ${meta.version}`}
                          >
                            Restore
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                  {isOpen && open ? (
                    <tr className="pmo-table__detail">
                      <td colSpan={6}>
                        <VersionPanel
                          meta={meta}
                          mode={open.mode}
                          liveVersion={liveVersion}
                          dirty={dirty}
                          onClose={() => setOpen(null)}
                          onRestored={async (version) => {
                            setOpen(null);
                            await onRestored(version);
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {list.status === 'ready' && list.hasMore ? (
        <Button onClick={list.more} isLoading={list.loadingMore} testId="versions-more">
          Show older versions
        </Button>
      ) : null}
    </div>
  );
}
