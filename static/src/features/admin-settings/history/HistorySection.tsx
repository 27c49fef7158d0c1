import { problemsAt } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { SectionIntro } from '../ui/SectionIntro';
import { NumberField, OptionalTextField } from '../ui/TextFields';

/** History: whose calendar days the portfolio history follows, and how long it is kept. */
export function HistorySection({ config, update, problems }: EditorProps) {
  const { timeZone, retentionDays } = config.history;
  return (
    <div className="pmo-stack">
      <SectionIntro section="history">
        Every completed refresh records the day's health of each project. Trends, "what changed" and baselines
        read this history.
      </SectionIntro>
      <OptionalTextField
        label="Time zone of the history's days"
        value={timeZone}
        onChange={(zone) => update((draft) => ({ ...draft, history: { ...draft.history, timeZone: zone } }))}
        problems={problemsAt(problems, ['history', 'timeZone'])}
        placeholder="The site's time zone"
        help="An IANA time zone such as Europe/Paris or America/New_York. Leave empty to follow the site's default time zone."
        maxLength={64}
        testId="history-time-zone"
      />
      <NumberField
        label="Keep the history for"
        value={retentionDays}
        onChange={(days) =>
          update((draft) => ({ ...draft, history: { ...draft.history, retentionDays: days } }))
        }
        problems={problemsAt(problems, ['history', 'retentionDays'])}
        min={90}
        max={1100}
        suffix="days"
        help="Between 90 and 1,100 days. Older days are deleted when a new day is recorded."
        testId="history-retention"
      />
    </div>
  );
}
