import type { ThemeAppearance } from '@atlaskit/lozenge';
import type { Rag } from '@domain/health/health';

/** Lozenge colours of a RAG: red and amber as Jira shows problems, "none" neutral. */
export const RAG_APPEARANCE: Record<Rag, ThemeAppearance> = {
  red: 'removed',
  amber: 'moved',
  green: 'success',
  none: 'default',
};

export const RAG_LABEL: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'No data',
};
