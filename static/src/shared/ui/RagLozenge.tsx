import Lozenge from '@atlaskit/lozenge';
import type { Rag } from '@domain/health/health';
import { RAG_APPEARANCE, RAG_LABEL } from './rag';

/** A RAG as every view shows it; null reads "not recorded" (a day of history without a record). */
export function RagLozenge({ rag }: { rag: Rag | null }) {
  if (rag === null) return <Lozenge>Not recorded</Lozenge>;
  return <Lozenge appearance={RAG_APPEARANCE[rag]}>{RAG_LABEL[rag]}</Lozenge>;
}
