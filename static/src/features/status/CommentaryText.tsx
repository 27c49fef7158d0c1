import { commentaryParts } from '@domain/status/commentary';

/** Commentary as written: plain text (markup shows as typed), web links as links. */
export function CommentaryText({ text, testId }: { text: string; testId?: string }) {
  if (text.trim() === '') return <p className="pmo-subtle">No commentary.</p>;
  return (
    <p className="pmo-status-commentary" data-testid={testId}>
      {commentaryParts(text).map((part, index) =>
        part.kind === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text never reorder
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text never reorder
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
