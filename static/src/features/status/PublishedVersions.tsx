import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { PublishedView } from '@contracts/status';
import { formatTimestamp } from '../../shared/lib/format';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { CommentaryText } from './CommentaryText';
import { StatedStatusLozenge } from './StatedStatusLozenge';

/** Every published version of the period, newest first, as published: a correction never hides the original. */
export function PublishedVersions({ versions }: { versions: readonly PublishedView[] }) {
  if (versions.length === 0) return null;
  return (
    <section
      className="pmo-status-versions"
      aria-labelledby="status-versions-heading"
      data-testid="status-versions"
    >
      <Heading size="xsmall" as="h3" id="status-versions-heading">
        Published
      </Heading>
      <ol className="pmo-status-versions__list">
        {versions.map((version, index) => (
          <li key={version.version} data-testid={`status-version-${version.version}`}>
            <div className="pmo-row pmo-row--wrap">
              <strong>Version {version.version}</strong>
              {index > 0 ? <Lozenge>Corrected</Lozenge> : null}
              <StatedStatusLozenge status={version.status} />
              <span className="pmo-subtle">
                data then: <RagLozenge rag={version.computedRag} />
              </span>
              {version.disagreementText ? (
                <Lozenge appearance="removed">{version.disagreementText}</Lozenge>
              ) : null}
            </div>
            <p className="pmo-subtle">
              {version.publishedByName}, {formatTimestamp(version.publishedAt)}
            </p>
            <CommentaryText
              text={version.commentary}
              testId={`status-version-${version.version}-commentary`}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
