import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import { problemsAt, problemsUnder } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { ProblemText } from '../ui/FieldFrame';
import { SectionIntro } from '../ui/SectionIntro';
import { newStandard } from './rule-templates';
import { StandardCard } from './StandardCard';

/** Standards & gates: what issues must carry, when, and how strictly. */
export function StandardsSection(props: EditorProps) {
  const { config, update, problems, readOnly } = props;
  // Open: the admin opened it, or it has something to fix (until the admin closes it).
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const isOpen = (id: string, index: number) =>
    opened.has(id) ||
    (!closed.has(id) && problemsUnder(problems, ['standards', index]).some((p) => p.severity !== 'warning'));
  const toggle = (id: string, open: boolean) => {
    const without = (set: ReadonlySet<string>) => new Set([...set].filter((other) => other !== id));
    setOpened((current) => (open ? without(current) : new Set([...current, id])));
    setClosed((current) => (open ? new Set([...current, id]) : without(current)));
  };
  const counts = {
    enforce: config.standards.filter((s) => s.mode === 'enforce').length,
    warn: config.standards.filter((s) => s.mode === 'warn').length,
  };
  return (
    <div className="pmo-stack">
      <SectionIntro
        section="standards"
        actions={
          readOnly ? null : (
            <Button
              appearance="primary"
              onClick={() => {
                const created = newStandard(config.standards, config.lifecycle);
                update((draft) => ({ ...draft, standards: [...draft.standards, created] }));
                setOpened((current) => new Set([...current, created.id]));
              }}
              testId="standard-add"
            >
              Add standard
            </Button>
          )
        }
      >
        {config.standards.length} standards: {counts.enforce} enforced, {counts.warn} warning only. A
        directive PMO enforces; a supportive one warns.
      </SectionIntro>
      <SectionMessage
        appearance="information"
        title="Workflow validators run only in company-managed projects"
      >
        <p>
          Enforced standards block transitions through the PMO gate validator, which Jira runs only in
          company-managed projects. In team-managed projects they are shown as guidance in the issue panel and
          in reports, and nothing is blocked.
        </p>
      </SectionMessage>
      <ProblemText messages={problemsAt(problems, ['standards'])} />
      {config.standards.length === 0 ? (
        <p className="pmo-subtle">No standards yet. Teams see no guidance and nothing is blocked.</p>
      ) : (
        <ul className="pmo-cards">
          {config.standards.map((standard, index) => (
            <StandardCard
              key={standard.id}
              standard={standard}
              index={index}
              expanded={isOpen(standard.id, index)}
              onToggle={() => toggle(standard.id, isOpen(standard.id, index))}
              props={props}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
