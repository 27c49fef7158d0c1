import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';

export type RoadmapPageId = 'dependencies' | 'raid' | 'compliance' | 'gates';

/** What each page will show, said plainly. No sample data: these pages come with the portfolio engine. */
const PAGES: Record<RoadmapPageId, { title: string; header: string; description: string }> = {
  dependencies: {
    title: 'Dependencies',
    header: 'The cross-project dependency map comes with the portfolio engine',
    description:
      'This page will draw how issues in different projects block each other, and point out blocked chains, dependency cycles, due dates that conflict with the work they depend on, and the critical path.',
  },
  raid: {
    title: 'RAID log',
    header: 'The RAID log comes with the portfolio engine',
    description:
      'This page will list the risks, assumptions, issues and decisions across the portfolio, with a probability × impact heat map, each risk’s owner and ROAM status.',
  },
  compliance: {
    title: 'Compliance',
    header: 'The compliance report comes with the portfolio engine',
    description:
      'This page will show which projects break which PMO standard (for example a required field missing at a status), with a drill-down to the issues concerned.',
  },
  gates: {
    title: 'Stage gates',
    header: 'The stage-gate view comes with the portfolio engine',
    description:
      'This page will show where each project stands in its lifecycle, from inception to benefits realisation, and whether the checklist for its next gate is complete.',
  },
};

/** A portfolio sub-page that is not built yet: it says what it will show, without sample data. */
export default function RoadmapPage({ page }: { page: RoadmapPageId }) {
  const copy = PAGES[page];
  return (
    <div className="pmo-stack" data-testid={`roadmap-${page}`}>
      <Heading size="large" as="h1">
        {copy.title}
      </Heading>
      <EmptyState header={copy.header} headingLevel={2} description={copy.description} />
    </div>
  );
}
