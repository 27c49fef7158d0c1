import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { type ReactNode, useId } from 'react';

/** What a control needs to be wired to its label, help and problems. */
export type ControlIds = { id: string; describedBy: string | undefined; invalid: boolean };

/** A field's problems as Atlaskit error messages; `field-problem` lets tests find them. */
export function ProblemText({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="pmo-field__problems" id={id} data-testid="field-problem">
      {messages.map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
    </div>
  );
}

/** What every field takes besides its value: label, help and problems around the control. */
export type FieldProps = {
  label: string;
  help?: ReactNode;
  problems?: readonly string[];
  /** Visually hide the label (still read by screen readers), for controls inside table cells. */
  hideLabel?: boolean;
  className?: string;
};

export type FieldFrameProps = FieldProps & { children: (ids: ControlIds) => ReactNode };

/**
 * Atlaskit's label, helper and error messages around one control. The form's state is the settings
 * draft (a reducer), so the controls are controlled and Atlaskit's final-form `Form` is not used;
 * the messages are wrapped in elements with our own ids because Atlaskit only sets theirs inside it.
 */
export function FieldFrame({
  label,
  help,
  problems = [],
  hideLabel = false,
  className,
  children,
}: FieldFrameProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problems`;
  const describedBy =
    [help ? helpId : null, problems.length > 0 ? problemId : null].filter(Boolean).join(' ') || undefined;
  const labelElement = <Label htmlFor={id}>{label}</Label>;
  return (
    <div className={['pmo-field', className].filter(Boolean).join(' ')}>
      {hideLabel ? <VisuallyHidden>{labelElement}</VisuallyHidden> : labelElement}
      {/* A block of its own: Atlaskit's text field grows (flex 1 1 100%) inside a flex column. */}
      <div>{children({ id, describedBy, invalid: problems.length > 0 })}</div>
      {help ? (
        <div id={helpId}>
          <HelperMessage>{help}</HelperMessage>
        </div>
      ) : null}
      <ProblemText id={problemId} messages={problems} />
    </div>
  );
}
