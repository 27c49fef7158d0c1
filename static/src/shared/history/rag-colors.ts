import { token } from '@atlaskit/tokens';
import type { Rag } from '@domain/health/health';

/** Chart fills of a RAG, from the design tokens so light and dark themes both read. */
export const RAG_FILL: Record<Rag, string> = {
  red: token('color.background.danger.bold'),
  amber: token('color.background.warning.bold'),
  green: token('color.background.success.bold'),
  none: token('color.background.neutral'),
};

/** The one-letter codes of the history's RAG strings. */
export const RAG_OF_LETTER: Record<string, Rag | undefined> = { g: 'green', a: 'amber', r: 'red', n: 'none' };
