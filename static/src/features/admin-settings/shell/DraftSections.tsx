import type { ReactNode } from 'react';
import { AccessSection } from '../access/AccessSection';
import type { EditorProps } from '../editor-props';
import { HistorySection } from '../history/HistorySection';
import { LifecycleSection } from '../lifecycle/LifecycleSection';
import { MappingsSection } from '../mappings/MappingsSection';
import { NotificationsSection } from '../notifications/NotificationsSection';
import { PortfoliosSection } from '../portfolios/PortfoliosSection';
import { RiskMatrixSection } from '../risk-matrix/RiskMatrixSection';
import { ScoringSection } from '../scoring/ScoringSection';
import type { SectionId } from '../sections';
import { StandardsSection } from '../standards/StandardsSection';
import { ThresholdsSection } from '../thresholds/ThresholdsSection';
import { ReadOnlyContext } from '../ui/read-only';

type DraftSectionProps = {
  editor: EditorProps;
  accountId: string | null;
  /** Checks the draft's portfolios and references with Jira. */
  onCheck: () => void;
  checking: boolean;
  canEditAccess: boolean;
};

/** The sections that edit the draft, each with its view (the others act at once or only read). */
const DRAFT_SECTION_VIEWS: Partial<Record<SectionId, (props: DraftSectionProps) => ReactNode>> = {
  portfolios: ({ editor, accountId, onCheck, checking }) => (
    <PortfoliosSection {...editor} accountId={accountId} onCheck={onCheck} checking={checking} />
  ),
  standards: ({ editor }) => <StandardsSection {...editor} />,
  lifecycle: ({ editor }) => <LifecycleSection {...editor} />,
  thresholds: ({ editor }) => <ThresholdsSection {...editor} />,
  'risk-matrix': ({ editor }) => <RiskMatrixSection {...editor} />,
  mappings: ({ editor }) => <MappingsSection {...editor} />,
  history: ({ editor }) => <HistorySection {...editor} />,
  access: ({ editor, canEditAccess }) => <AccessSection {...editor} canEditAccess={canEditAccess} />,
  notifications: ({ editor }) => <NotificationsSection {...editor} />,
  scoring: ({ editor }) => <ScoringSection {...editor} />,
};

/**
 * The section being edited when it is one that edits the draft (published later from the footer);
 * nothing for the others. Read-only viewers see it disabled.
 */
export function DraftSections({ section, ...props }: DraftSectionProps & { section: SectionId }) {
  const view = DRAFT_SECTION_VIEWS[section];
  const locked = props.editor.readOnly && view !== undefined;
  return (
    <ReadOnlyContext value={locked}>
      <fieldset className="pmo-plain-fieldset" disabled={locked}>
        {view ? view(props) : null}
      </fieldset>
    </ReadOnlyContext>
  );
}
