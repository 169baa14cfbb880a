// The search page's filters: when, where, which round, theme, equality group and sentiment.
import { SENTIMENT_LABELS, type RoundSummaryDto } from '../../../../ipc/contract';
import { SelectField, SiteSelect } from '../../components/SelectField';
import { WhoseRounds } from '../../components/WhoseRounds';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { formatDate, formatTime } from '../../lib/format';
import { EQUALITY_CATEGORY_TEXT, SENTIMENT_TEXT } from '../../lib/labels';
import type { SearchForm as Form } from '../../lib/search-params';
import type { Catalogue } from '../../lib/tag-options';

export type SearchChoices = {
  sites: readonly string[];
  rounds: readonly RoundSummaryDto[];
  areas: readonly { areaId: string; name: string }[];
  catalogue: Catalogue | null;
};

type Frameworks = Catalogue['frameworks'];
type SelectProps = {
  frameworks: Frameworks;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
};

/** Any theme, or one item of a theme framework, grouped by framework. */
function ThemeSelect({ frameworks, value, onChange, error }: SelectProps) {
  const themeFrameworks = frameworks.filter((f) => f.kind !== 'equality' && f.items.length > 0);
  return (
    <SelectField field="theme" label="Theme" value={value} onChange={onChange} error={error}>
      <option value="">Any theme</option>
      {themeFrameworks.map((framework) => (
        <optgroup key={framework.id} label={framework.name}>
          {framework.items.map((item) => (
            <option key={item.id} value={`${framework.id}/${item.id}`}>
              {item.label}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/** Any equality group, or one, grouped by its category. */
function GroupSelect({ frameworks, value, onChange, error }: SelectProps) {
  const groups = frameworks.find((f) => f.kind === 'equality');
  const categories = [...new Set(groups?.items.map((item) => item.category ?? 'other') ?? [])];
  return (
    <SelectField field="group" label="Equality group" value={value} onChange={onChange} error={error}>
      <option value="">Any group</option>
      {groups !== undefined &&
        categories.map((category) => (
          <optgroup key={category} label={EQUALITY_CATEGORY_TEXT[category] ?? category}>
            {groups.items
              .filter((item) => (item.category ?? 'other') === category)
              .map((item) => (
                <option key={item.id} value={`${groups.id}/${item.id}`}>
                  {item.label}
                </option>
              ))}
          </optgroup>
        ))}
    </SelectField>
  );
}

type Props = {
  form: Form;
  onChange: (patch: Partial<Form>) => void;
  choices: SearchChoices;
  errors: readonly FieldError[];
};

/** The filters fieldset; each filter narrows what "Search" or "Apply filters" finds. */
export function SearchFilters({ form, onChange, choices, errors }: Props) {
  const frameworks = choices.catalogue?.frameworks ?? [];
  return (
    <fieldset className="nhsuk-fieldset pxr-filters">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Filters</legend>
      <div className="pxr-filters__dates">
        <DateInput
          field="from"
          label="From"
          value={form.from}
          onChange={(from) => onChange({ from })}
          error={errorFor(errors, 'from')}
        />
        <DateInput
          field="to"
          label="To (included)"
          value={form.to}
          onChange={(to) => onChange({ to })}
          error={errorFor(errors, 'to')}
        />
      </div>
      <div className="pxr-filters__grid">
        <SiteSelect
          value={form.site}
          onChange={(site) => onChange({ site, areaId: '' })}
          sites={choices.sites}
        />
        <SelectField
          field="areaId"
          label="Area"
          value={form.areaId}
          onChange={(areaId) => onChange({ areaId })}
        >
          <option value="">All areas</option>
          {choices.areas.map((area) => (
            <option key={area.areaId} value={area.areaId}>
              {area.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          field="roundId"
          label="Round"
          value={form.roundId}
          onChange={(roundId) => onChange({ roundId })}
        >
          <option value="">All rounds</option>
          {choices.rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {round.site}, {formatDate(round.startsAt)} at {formatTime(round.startsAt)}
            </option>
          ))}
        </SelectField>
        <ThemeSelect
          frameworks={frameworks}
          value={form.theme}
          onChange={(theme) => onChange({ theme })}
          error={errorFor(errors, 'theme')}
        />
        <GroupSelect
          frameworks={frameworks}
          value={form.group}
          onChange={(group) => onChange({ group })}
          error={errorFor(errors, 'group')}
        />
        <SelectField
          field="sentiment"
          label="Sentiment (confirmed, or else suggested)"
          value={form.sentiment}
          onChange={(value) =>
            onChange({ sentiment: SENTIMENT_LABELS.find((label) => label === value) ?? '' })
          }
        >
          <option value="">Any sentiment</option>
          {SENTIMENT_LABELS.map((label) => (
            <option key={label} value={label}>
              {SENTIMENT_TEXT[label]}
            </option>
          ))}
        </SelectField>
      </div>
      <WhoseRounds value={form.whose} onChange={(whose) => onChange({ whose, roundId: '' })} />
    </fieldset>
  );
}
