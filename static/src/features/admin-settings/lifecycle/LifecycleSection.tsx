import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { Lifecycle } from '@domain/standards/schema';
import { statusChoices } from '../catalog';
import { uniqueId } from '../draft/ids';
import { problemsAt, problemsUnder } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { move, removeAt, replaceAt } from '../standards/rule-templates';
import { ProblemText } from '../ui/FieldFrame';
import { RowButton } from '../ui/RowButton';
import { SectionIntro } from '../ui/SectionIntro';
import { TagPicker } from '../ui/TagPicker';
import { TextField } from '../ui/TextFields';
import { stageReferences, unmappedStatuses } from './lifecycle-helpers';

/** Lifecycle: the PMO stages in order and the Jira statuses that belong to each. */
export function LifecycleSection({ config, update, problems, catalog, readOnly }: EditorProps) {
  const { lifecycle } = config;
  const setLifecycle = (recipe: (lifecycle: Lifecycle) => Lifecycle) =>
    update((draft) => ({ ...draft, lifecycle: recipe(draft.lifecycle) }));
  const allStatuses = statusChoices(catalog);
  const unmapped = unmappedStatuses(
    lifecycle,
    allStatuses.map((choice) => choice.value),
  );
  const references = stageReferences(config.standards);

  return (
    <div className="pmo-stack">
      <SectionIntro
        section="lifecycle"
        actions={
          readOnly ? null : (
            <Button
              onClick={() =>
                setLifecycle((current) => ({
                  stages: [
                    ...current.stages,
                    {
                      id: uniqueId(
                        'new-stage',
                        current.stages.map((stage) => stage.id),
                        'stage',
                      ),
                      name: 'New stage',
                      statuses: [],
                    },
                  ],
                }))
              }
              testId="stage-add"
            >
              Add stage
            </Button>
          )
        }
      >
        The stages work goes through, from inception to benefits realisation, in order. Each Jira status
        belongs to at most one stage; gates and “from stage on” rules use them.
      </SectionIntro>
      <ProblemText messages={problemsAt(problems, ['lifecycle', 'stages'])} />
      <ol className="pmo-stages">
        {lifecycle.stages.map((stage, index) => {
          const path = ['lifecycle', 'stages', index];
          const used = references.get(stage.id) ?? [];
          // Statuses another stage already has are not offered again.
          const taken = new Set(
            lifecycle.stages
              .filter((_, other) => other !== index)
              .flatMap((other) => other.statuses.map((status) => status.toLowerCase())),
          );
          const options = allStatuses.filter((choice) => !taken.has(choice.value.toLowerCase()));
          return (
            <li key={stage.id} className="pmo-stage" data-testid={`stage-row-${stage.id}`}>
              <span className="pmo-stage__number" aria-hidden="true">
                {index + 1}
              </span>
              <div className="pmo-stage__body">
                <div className="pmo-stage__header">
                  <TextField
                    label={`Stage ${index + 1} name`}
                    value={stage.name}
                    onChange={(name) =>
                      setLifecycle((current) => {
                        const target = current.stages[index];
                        return target
                          ? { stages: replaceAt(current.stages, index, { ...target, name }) }
                          : current;
                      })
                    }
                    problems={[
                      ...problemsAt(problems, [...path, 'name']),
                      ...problemsAt(problems, [...path, 'id']),
                    ]}
                    maxLength={100}
                    width="medium"
                    testId={`stage-name-${stage.id}`}
                  />
                  <span
                    className="pmo-subtlest pmo-key"
                    title="The stage's id, used by rules and stored ticks"
                  >
                    {stage.id}
                  </span>
                  {used.length > 0 ? (
                    <Lozenge appearance="inprogress">{`used by ${used.length} rule${used.length === 1 ? '' : 's'}`}</Lozenge>
                  ) : null}
                  {readOnly ? null : (
                    <span className="pmo-row-actions">
                      <RowButton
                        action="up"
                        label={`Move ${stage.name || stage.id} earlier`}
                        onClick={() =>
                          setLifecycle((current) => ({ stages: move(current.stages, index, -1) }))
                        }
                        disabled={index === 0}
                      />
                      <RowButton
                        action="down"
                        label={`Move ${stage.name || stage.id} later`}
                        onClick={() =>
                          setLifecycle((current) => ({ stages: move(current.stages, index, 1) }))
                        }
                        disabled={index === lifecycle.stages.length - 1}
                      />
                      <RowButton
                        action="remove"
                        label={`Remove ${stage.name || stage.id}`}
                        onClick={() =>
                          setLifecycle((current) => ({ stages: removeAt(current.stages, index) }))
                        }
                        testId={`stage-remove-${stage.id}`}
                      />
                    </span>
                  )}
                </div>
                <TagPicker
                  label="Jira statuses"
                  values={stage.statuses}
                  options={options}
                  onChange={(statuses) =>
                    setLifecycle((current) => {
                      const target = current.stages[index];
                      return target
                        ? { stages: replaceAt(current.stages, index, { ...target, statuses }) }
                        : current;
                    })
                  }
                  problems={problemsUnder(problems, [...path, 'statuses']).map((problem) => problem.message)}
                  emptyText="No statuses yet"
                  testId={`stage-statuses-${stage.id}`}
                  readOnly={readOnly}
                />
                {used.length > 0 ? <p className="pmo-subtlest">Used by: {used.join('; ')}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
      <section className="pmo-group" aria-labelledby="unmapped-heading">
        <h3 id="unmapped-heading" className="pmo-group__legend">
          Statuses in no stage
        </h3>
        {unmapped.length === 0 ? (
          <p className="pmo-subtle">Every status of this site belongs to a stage.</p>
        ) : (
          <>
            <p className="pmo-field__help">
              Issues in these statuses have no stage: “from stage on” rules do not apply to them and gates are
              not checked on the way in.
            </p>
            <ul className="pmo-chips" data-testid="unmapped-statuses">
              {unmapped.map((status) => (
                <li key={status}>
                  <Lozenge>{status}</Lozenge>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
