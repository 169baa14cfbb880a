import { useState, type FormEvent } from 'react';
import { ACTION_STATUSES as STATUSES } from '../../../../ipc/vocabulary';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { fieldId } from '../../lib/field-ids';
import { hrefFor } from '../../lib/routes';
import { plural } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { navigate } from '../../router';
import { ACTION_STATUS_LABELS } from './action-labels';
import { ActionsTable } from './ActionsTable';
import { AreaSelect } from './AreaSelect';
import { BoardPagination } from './BoardPagination';
import {
  boardQuery,
  emptyBoardText,
  parseBoardQuery,
  toListRequest,
  type BoardFilters,
} from './board-params';
import { Checkbox } from '../../components/Checkbox';
import { TextField } from '../../components/TextField';
import { WhoseRounds } from '../../components/WhoseRounds';

/** "You said, we did": every action, filtered and sorted by due date, overdue ones marked. */
export function ActionsBoardPage({ query }: { query: string }) {
  const applied = parseBoardQuery(query);
  const [form, setForm] = useState<BoardFilters>(applied);
  // New filters in the address (Show, Back, paging): the form follows them, during render.
  const [formQuery, setFormQuery] = useState(query);
  if (formQuery !== query) {
    setFormQuery(query);
    setForm(applied);
  }
  const [board] = useLoad(() => api['actions:list'](toListRequest(applied)), [query]);
  const [catalogue] = useLoad(() => api['tagging:frameworks']({}), []);
  const themes =
    catalogue.state === 'ready'
      ? catalogue.value.frameworks
          .filter((f) => f.kind === 'theme')
          .flatMap((f) => f.items.map((item) => ({ key: `${f.id}:${item.id}`, label: item.label })))
      : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate({ name: 'actions', query: boardQuery({ ...form, page: 1 }) });
  };

  return (
    <>
      <PageHeading title="Actions">Actions: you said, we did</PageHeading>
      <p className="nhsuk-body">
        What people told us and what we are doing about it. To act on an observation, tick “Needs follow-up”
        on it in its round; to act on a story, raise the action from the story’s page.
      </p>
      <a className="nhsuk-button nhsuk-button--secondary" href={hrefFor({ name: 'new-action' })}>
        New action
      </a>

      {board.state === 'ready' && (
        <section aria-labelledby="counts-heading" className="pxr-section">
          <h2 className="nhsuk-heading-m" id="counts-heading">
            How many actions are at each stage
          </h2>
          <dl className="nhsuk-summary-list">
            {STATUSES.map((status) => (
              <div className="nhsuk-summary-list__row" key={status}>
                <dt className="nhsuk-summary-list__key">{ACTION_STATUS_LABELS[status]}</dt>
                <dd className="nhsuk-summary-list__value">{board.value.counts[status]}</dd>
              </div>
            ))}
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Overdue</dt>
              <dd className="nhsuk-summary-list__value">{board.value.counts.overdue}</dd>
            </div>
          </dl>
        </section>
      )}

      <form onSubmit={submit} noValidate aria-labelledby="filters-heading">
        <h2 className="nhsuk-heading-m" id="filters-heading">
          Filter actions
        </h2>
        <div className="pxr-inline-fields pxr-inline-fields--top">
          <SelectField
            field="board.status"
            label="Status"
            value={form.status}
            onChange={(status) => setForm({ ...form, status: STATUSES.find((s) => s === status) ?? '' })}
          >
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {ACTION_STATUS_LABELS[status]}
              </option>
            ))}
          </SelectField>
          <AreaSelect
            field="board.area"
            label="Area"
            value={form.areaId}
            onChange={(areaId) => setForm({ ...form, areaId })}
            emptyLabel="Any area"
          />
          <TextField
            field="board.owner"
            label="Owner"
            value={form.owner}
            onChange={(owner) => setForm({ ...form, owner })}
            width="nhsuk-input--width-20"
          />
          <SelectField
            field="board.theme"
            label="Theme"
            value={form.theme}
            onChange={(theme) => setForm({ ...form, theme })}
          >
            <option value="">Any theme</option>
            {themes.map((theme) => (
              <option key={theme.key} value={theme.key}>
                {theme.label}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="nhsuk-form-group">
          <Checkbox
            id={fieldId('board.overdue')}
            label="Overdue only"
            checked={form.overdue}
            onChange={(overdue) => setForm({ ...form, overdue })}
            small
          />
        </div>
        <WhoseRounds
          legend="Whose actions"
          value={form.whose}
          onChange={(whose) => setForm({ ...form, whose })}
        />
        <button className="nhsuk-button" type="submit">
          Show actions
        </button>
      </form>

      {board.state === 'loading' && <p aria-live="polite">Loading actions…</p>}
      {board.state === 'failed' && <ErrorSummary problem={board.error} />}
      {board.state === 'ready' && (
        <section aria-labelledby="results-heading" className="pxr-section">
          <h2 className="nhsuk-heading-m" id="results-heading">
            {plural(board.value.total, 'action', 'actions')}
          </h2>
          <p className="nhsuk-body" aria-live="polite">
            {board.value.total === 0
              ? emptyBoardText(applied)
              : 'Sorted by due date, soonest first; actions with no due date come last.'}
          </p>
          {board.value.items.length > 0 && <ActionsTable items={board.value.items} />}
          <BoardPagination filters={applied} total={board.value.total} />
        </section>
      )}
    </>
  );
}
