import Heading from '@atlaskit/heading';
import type { ComplianceCounts, ComplianceWeight } from '@domain/settings';
import type { EditorProps } from '../editor-props';
import { RadioGroup } from '../ui/ChoiceFields';

/** One radio question: its legend and name beside the answers it offers. */
type Question<V extends string> = {
  legend: string;
  name: string;
  testId: string;
  options: readonly { value: V; label: string; help: string }[];
};

const COUNTS: Question<ComplianceCounts> = {
  legend: 'Standards the compliance indicator counts',
  name: 'compliance-counts',
  testId: 'compliance-health-counts',
  options: [
    {
      value: 'enforced',
      label: 'Enforced standards only',
      help: 'Warn-mode standards show on the compliance page as warnings but leave health alone.',
    },
    {
      value: 'all',
      label: 'Every active standard',
      help: 'Warn-mode standards count toward the compliance indicator as much as enforced ones.',
    },
  ],
};

const WEIGHTS: Question<ComplianceWeight> = {
  legend: "Weight of compliance in the project's RAG",
  name: 'compliance-weight',
  testId: 'compliance-health-weight',
  options: [
    {
      value: 'decides',
      label: 'Decides like any indicator',
      help: 'Below the red threshold, compliance alone makes the project red.',
    },
    {
      value: 'capAmber',
      label: 'Amber at most',
      help: 'Poor compliance calls for attention but never makes a project red on its own.',
    },
    {
      value: 'informs',
      label: 'Informs only',
      help: "The value and its reason show in the project's drill-down; the project's RAG ignores it.",
    },
  ],
};

/** Which standards the compliance indicator counts, and how much it weighs in a project's RAG. */
export function ComplianceHealthFields({ config, update }: Pick<EditorProps, 'config' | 'update'>) {
  const { complianceHealth } = config.engine;
  const set = (change: Partial<typeof complianceHealth>) =>
    update((draft) => ({
      ...draft,
      engine: { ...draft.engine, complianceHealth: { ...draft.engine.complianceHealth, ...change } },
    }));
  return (
    <section
      className="pmo-stack"
      aria-labelledby="compliance-health-heading"
      data-testid="compliance-health"
    >
      <div>
        <Heading size="small" as="h3" id="compliance-health-heading">
          Compliance in health
        </Heading>
        <p className="pmo-subtle">
          The compliance page always lists every standard; these choices only change the compliance indicator
          of a project's health.
        </p>
      </div>
      <RadioGroup {...COUNTS} value={complianceHealth.counts} onChange={(counts) => set({ counts })} />
      <RadioGroup {...WEIGHTS} value={complianceHealth.weight} onChange={(weight) => set({ weight })} />
    </section>
  );
}
