import Heading from '@atlaskit/heading';
import type { ReactNode } from 'react';

/**
 * How every settings section opens: its title (the h2 the editor's section is labelled by, so one
 * section shows at a time) and a short paragraph on what it is for. `actions` (an "Add" or "Export"
 * button) stand on the right; pass `null` to keep the layout while they are hidden (read-only).
 */
export function SectionIntro({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const intro = (
    <div>
      <Heading size="medium" as="h2" id="section-heading">
        {title}
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
