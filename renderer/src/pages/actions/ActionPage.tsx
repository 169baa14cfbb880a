import { useEffect, useState } from 'react';
import type { ActionDetailDto } from '../../../../ipc/contract';
import { assertNever, type AppErrorShape } from '../../../../ipc/errors';
import { LatestValueSaver } from '../../lib/latest-saver';
import { DEFAULT_DEBOUNCE_MS, type SaveStatus } from '../../lib/save-schedule';
import { api } from '../../api-client';
import { ErrorSummary, FormErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { ProvenanceNotice } from '../../components/ProvenanceNotice';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import { formatDueDate, pageField } from './action-labels';
import { changesFrom, draftOf, type ActionDraft } from './action-draft';
import { dateProblem } from '../../lib/date-parts';
import { ActionRecord } from './ActionRecord';
import { ActionTagEditor } from './ActionTagEditor';
import { ActionStatusForm, type StatusRequest } from './ActionStatusForm';
import { ActionStatusTag, OverdueTag } from './ActionTags';
import { TextField } from '../../components/TextField';
import { ActionPlanFields } from './ActionFields';

export function ActionPage({ actionId }: { actionId: string }) {
  const [action] = useLoad(() => api['actions:get']({ id: actionId }), [actionId]);
  if (action.state === 'loading') return <p aria-live="polite">Loading the action…</p>;
  if (action.state === 'failed') {
    return (
      <>
        <a className="nhsuk-back-link" href={hrefFor({ name: 'actions', query: '' })}>
          Back to actions
        </a>
        <ErrorSummary problem={action.error} />
        <PageHeading title="Action not available" hasErrors>
          This action could not be opened
        </PageHeading>
      </>
    );
  }
  return <ActionWorkspace initial={action.value} />;
}

/** A refusal from the app as errors on the page's fields, or as a problem with no field. */
function toErrors(error: AppErrorShape): { errors: FieldError[]; problem: AppErrorShape | null } {
  if (error.kind !== 'validation') return { errors: [], problem: error };
  return { errors: [{ field: pageField(error.field), message: error.message }], problem: null };
}

/** The autosave's state in words, under the heading like the other autosaved pages. */
function autosaveText(status: SaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'retrying':
      return 'Not saved yet: trying again';
    case 'failed':
      return `Not saved: ${status.error.message}`;
    default:
      return assertNever(status);
  }
}

function ActionWorkspace({ initial }: { initial: ActionDetailDto }) {
  const [action, setActionState] = useState(initial);
  const [draft, setDraftState] = useState<ActionDraft>(() => draftOf(initial));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState('');
  const [autosave, setAutosave] = useState<SaveStatus>({ state: 'idle' });
  // Every field is saved as it is typed, like every other field in the app. Each save sends
  // only what changed against the action as last stored (`last`), so a new action's empty
  // "What we will do" is not sent back and refused.
  const [{ saver, last }] = useState(() => {
    const stored = {
      action: initial,
      remember(next: ActionDetailDto) {
        stored.action = next;
      },
    };
    return {
      last: stored,
      saver: new LatestValueSaver<ActionDraft, ActionDetailDto>({
        onStatus: setAutosave,
        save: async (next) => {
          const changes = changesFrom(stored.action, next);
          if (changes === null) return { ok: true, value: stored.action };
          return api['actions:update']({ id: stored.action.id, changes });
        },
        onSaved: (saved) => {
          stored.remember(saved);
          setActionState(saved);
        },
      }),
    };
  });
  const setAction = (next: ActionDetailDto) => {
    last.remember(next);
    setActionState(next);
  };
  useEffect(() => () => void saver.flush(), [saver]);
  // A half-typed due date is not saved; what is wrong with it shows once the person leaves the
  // boxes, and goes while they are typing in them again.
  const [dateLeft, setDateLeft] = useState(false);
  const setDraft = (next: ActionDraft) => {
    if (next.dueDate !== draft.dueDate) setDateLeft(false);
    setDraftState(next);
    setSaved('');
    saver.set(next, { debounceMs: DEFAULT_DEBOUNCE_MS });
  };

  const fail = (error: AppErrorShape) => {
    const next = toErrors(error);
    setErrors(next.errors);
    setProblem(next.problem);
    setSaved('');
  };

  /** Saves what was typed; true when there was nothing to save or it saved. */
  const saveDetails = async (): Promise<boolean> => {
    await saver.flush();
    const changes = changesFrom(last.action, draft);
    if (changes === null) return true;
    const result = await api['actions:update']({ id: last.action.id, changes });
    if (!result.ok) {
      fail(result.error);
      return false;
    }
    setAction(result.value);
    setDraftState(draftOf(result.value));
    return true;
  };

  // What was typed above is saved first, so "give an owner, then start work" is one press.
  const onStatus = async (request: StatusRequest): Promise<boolean> => {
    if (!(await saveDetails())) return false;
    const result = await api['actions:set-status']({ id: action.id, ...request });
    if (!result.ok) {
      fail(result.error);
      return false;
    }
    setAction(result.value);
    setDraftState(draftOf(result.value));
    setErrors([]);
    setProblem(null);
    setSaved('The status has been changed.');
    return true;
  };

  const dueDateProblem = dateLeft ? dateProblem(draft.dueDate, 'Due date') : null;
  const fieldErrors: FieldError[] =
    dueDateProblem === null ? errors : [...errors, { field: 'dueDate', message: dueDateProblem.message }];
  const hasErrors = errors.length > 0 || problem !== null;
  const title = action.willDo.trim() === '' ? 'New action' : action.willDo;

  return (
    <>
      <a className="nhsuk-back-link" href={hrefFor({ name: 'actions', query: '' })}>
        Back to actions
      </a>
      <FormErrorSummary errors={errors} problem={problem} />
      <PageHeading title={`Action: ${title}`} hasErrors={hasErrors}>
        <span className="nhsuk-caption-l">Action</span>
        {title}
      </PageHeading>
      <p className="nhsuk-body-l">
        <ActionStatusTag status={action.status} /> <OverdueTag overdue={action.overdue} />
        {action.dueDate !== null && <> Due {formatDueDate(action.dueDate)}</>}
        {action.areaName !== null && (
          <>
            {' '}
            · {action.areaName}
            {action.site !== null && `, ${action.site}`}
          </>
        )}
      </p>
      {action.provenance !== null && <ProvenanceNotice provenance={action.provenance} what="action" />}
      <p className="pxr-save-status" role="status" aria-atomic="true">
        {saved !== '' ? saved : autosaveText(autosave)}
      </p>

      <section aria-labelledby="said-heading" className="pxr-section">
        <h2 className="nhsuk-heading-m" id="said-heading">
          What was said
        </h2>
        {/* "Said" is copied from the source when raised: shown once, with the source. */}
        {action.said.trim() !== '' && !action.sources.some((s) => s.text.trim() === action.said.trim()) && (
          <blockquote className="nhsuk-inset-text">
            <p>{action.said}</p>
          </blockquote>
        )}
        <ActionRecord action={action} part="sources" />
      </section>

      {action.provenance !== null ? (
        <ActionRecord action={action} part="plan" />
      ) : (
        <>
          {/* One way to save: every field here saves as it is typed (no button to press or forget). */}
          <section aria-labelledby="details-heading">
            <h2 className="nhsuk-heading-m" id="details-heading">
              Who does what, by when
            </h2>
            <ActionPlanFields
              draft={draft}
              onChange={(changes) => setDraft({ ...draft, ...changes })}
              errors={fieldErrors}
              optional={false}
              areaHint="Rounds that visit this area are asked about the action while it is open"
              dueDateHint="It cannot be before the day the action was raised. Saved once it is a whole date."
              onDueDateBlur={() => setDateLeft(true)}
            />
            <TextField
              bold
              checkPersonalData
              field="evidence"
              label="What we did"
              hint="In plain words, as the “You said, we did” poster will show it: what changed, for example “We put up new signs to the day unit”"
              as="textarea"
              value={draft.evidence}
              onChange={(evidence) => setDraft({ ...draft, evidence })}
              error={errorFor(errors, 'evidence')}
            />
          </section>

          <ActionStatusForm
            action={action}
            errors={errors}
            onSubmit={onStatus}
            onInvalid={(next) => {
              setErrors(next);
              setProblem(null);
              setSaved('');
            }}
          />
          <ActionTagEditor action={action} onSaved={setAction} />
        </>
      )}
      <ActionRecord action={action} part="history" />
    </>
  );
}
