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

/** Sections that edit the draft (the others act at once or only read). */
const DRAFT_SECTIONS: ReadonlySet<SectionId> = new Set([
  'portfolios',
  'standards',
  'lifecycle',
  'thresholds',
  'risk-matrix',
  'mappings',
  'access',
  'history',
  'notifications',
  'scoring',
]);

/**
 * The section being edited when it is one that edits the draft (published later from the footer);
 * nothing for the others. Read-only viewers see it disabled.
 */
export function DraftSections({
  section,
  editor,
  accountId,
  onCheck,
  checking,
  canEditAccess,
}: {
  section: SectionId;
  editor: EditorProps;
  accountId: string | null;
  /** Checks the draft's portfolios and references with Jira. */
  onCheck: () => void;
  checking: boolean;
  canEditAccess: boolean;
}) {
  const locked = editor.readOnly && DRAFT_SECTIONS.has(section);
  return (
    <ReadOnlyContext value={locked}>
      <fieldset className="pmo-plain-fieldset" disabled={locked}>
        {section === 'portfolios' ? (
          <PortfoliosSection {...editor} accountId={accountId} onCheck={onCheck} checking={checking} />
        ) : null}
        {section === 'standards' ? <StandardsSection {...editor} /> : null}
        {section === 'lifecycle' ? <LifecycleSection {...editor} /> : null}
        {section === 'thresholds' ? <ThresholdsSection {...editor} /> : null}
        {section === 'risk-matrix' ? <RiskMatrixSection {...editor} /> : null}
        {section === 'mappings' ? <MappingsSection {...editor} /> : null}
        {section === 'history' ? <HistorySection {...editor} /> : null}
        {section === 'access' ? <AccessSection {...editor} canEditAccess={canEditAccess} /> : null}
        {section === 'notifications' ? <NotificationsSection {...editor} /> : null}
        {section === 'scoring' ? <ScoringSection {...editor} /> : null}
      </fieldset>
    </ReadOnlyContext>
  );
}
