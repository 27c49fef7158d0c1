import Heading from '@atlaskit/heading';
import type { ReactNode } from 'react';
import { type SectionId, sectionLabel } from '../sections';

/**
 * How every settings section opens: its title (the h2 the editor's section is labelled by; the same
 * label as in the left navigation) and a short paragraph on what it is for. `actions` (an "Add" or "Export"
 * button) stand on the right; pass `null` to keep the layout while they are hidden (read-only).
 */
export function SectionIntro({
  section,
  children,
  actions,
}: {
  section: SectionId;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const intro = (
    <div>
      <Heading size="medium" as="h2" id="section-heading">
        {sectionLabel(section)}
      </Heading>
      <p className="pmo-subtle">{children}</p>
    </div>
  );
  if (actions === undefined) return intro;
  return (
    <div className="pmo-section-header">
      {intro}
      {actions}
    </div>
  );
}
