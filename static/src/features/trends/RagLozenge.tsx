import Lozenge from '@atlaskit/lozenge';
import type { Rag } from '@domain/health/health';
import { RAG_APPEARANCE, RAG_LABEL } from '../../shared/ui/rag';

/** A RAG as the rest of the portfolio page shows it; null reads "not recorded". */
export function RagLozenge({ rag }: { rag: Rag | null }) {
  if (rag === null) return <Lozenge>Not recorded</Lozenge>;
  return <Lozenge appearance={RAG_APPEARANCE[rag]}>{RAG_LABEL[rag]}</Lozenge>;
}
