import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { ReactNode } from 'react';
import { TextField } from './TextFields';

type Props = {
  /** The draft has unsaved changes, which replacing the live settings would lose. */
  dirty: boolean;
  /** What replaces the live settings, as the subject of a sentence: "An import", "A restore". */
  what: string;
  comment: string;
  onComment: (comment: string) => void;
  commentTestId: string;
  onCancel: () => void;
  /** The button that confirms. */
  children: ReactNode;
};

/**
 * The last step of a change that replaces the live settings as one new version (an import, a
 * restore): a comment for the audit log and the confirm button, or, while the draft has unsaved
 * changes, why not yet.
 */
export function ReplaceLiveConfirm({
  dirty,
  what,
  comment,
  onComment,
  commentTestId,
  onCancel,
  children,
}: Props) {
  if (dirty) {
    return (
      <SectionMessage appearance="warning" title="Publish or discard your changes first">
        <p>{what} replaces the live settings; your unsaved changes would be lost.</p>
      </SectionMessage>
    );
  }
  return (
    <div className="pmo-add-row">
      <TextField
        label="Comment"
        value={comment}
        onChange={onComment}
        maxLength={1000}
        width="medium"
        testId={commentTestId}
      />
      {children}
      <Button appearance="subtle" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
