import Heading from '@atlaskit/heading';
import type { ReactNode } from 'react';
import './report-page.css';

/**
 * The header of a section of a portfolio view: its title (an h2 the section is labelled by), what
 * sits under it (a count, a note), and the section's actions on the right (export, toggles).
 */
export function SectionHeader({
  headingId,
  title,
  children,
  actions,
}: {
  headingId: string;
  title: string;
  children?: ReactNode;
  actions: ReactNode;
}) {
  return (
    <div className="pmo-section-header">
      <div className="pmo-stack--tight">
        <Heading size="medium" as="h2" id={headingId}>
          {title}
        </Heading>
        {children}
      </div>
      {actions}
    </div>
  );
}

/**
 * A section of a portfolio view under a {@link SectionHeader}: labelled by the header's title, with
 * `header` under the title (a count, a filter) and the section's content after it.
 */
export function ReportSection({
  headingId,
  title,
  actions,
  header,
  children,
}: {
  headingId: string;
  title: string;
  actions: ReactNode;
  header?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="pmo-section" aria-labelledby={headingId}>
      <SectionHeader headingId={headingId} title={title} actions={actions}>
        {header}
      </SectionHeader>
      {children}
    </section>
  );
}
