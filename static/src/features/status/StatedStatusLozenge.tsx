import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { STATED_STATUS_LABELS, type StatedStatus } from '@domain/status/update';

const APPEARANCE: Record<StatedStatus, ThemeAppearance> = {
  'on-track': 'success',
  'at-risk': 'moved',
  'off-track': 'removed',
};

/** The status a writer stated, in the colours of the RAG it corresponds to. */
export function StatedStatusLozenge({ status }: { status: StatedStatus }) {
  return (
    <Lozenge appearance={APPEARANCE[status]} isBold>
      {STATED_STATUS_LABELS[status]}
    </Lozenge>
  );
}
