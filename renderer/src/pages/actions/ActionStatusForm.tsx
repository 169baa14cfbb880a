import { useState, type FormEvent } from 'react';
import {
  FEEDBACK_CHANNELS,
  type ActionDetailDto,
  type ActionStatus,
  type FeedbackChannel,
} from '../../../../ipc/contract';
import { Radios } from '../../components/Radios';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { londonDateOf, toDateInput } from '../../lib/london-dates';
import { FEEDBACK_CHANNEL_LABELS, nextSteps, stepLabel } from './action-labels';
import { TextField } from '../../components/TextField';
import { DateInput } from '../../components/DateInput';
import { dateErrors } from '../../lib/date-parts';

export type StatusRequest = {
  status: ActionStatus;
  reason: string;
  feedback: { channel: FeedbackChannel; on: string; note: string } | null;
};

type Props = {
  action: ActionDetailDto;
  errors: readonly FieldError[];
  /** Resolves true when the change was made (the form then starts afresh). */
  onSubmit: (request: StatusRequest) => Promise<boolean>;
  onInvalid: (errors: FieldError[]) => void;
};

/**
 * Offers only the moves the loop allows from here. Moving back asks why (so a closed concern
 * cannot quietly reopen); "fed back" asks how and when the ward or patient was told.
 */
export function ActionStatusForm({ action, errors, onSubmit, onInvalid }: Props) {
  const steps = nextSteps(action.status);
  const [to, setTo] = useState<ActionStatus | null>(null);
  const [reason, setReason] = useState('');
  const [channel, setChannel] = useState<FeedbackChannel | null>(null);
  // "When" starts as today on the trust's calendar: most people record it the day they told.
  const [on, setOn] = useState(() => toDateInput(londonDateOf(new Date())));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const step = steps.find((s) => s.status === to) ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: FieldError[] = [];
    if (step === null) problems.push({ field: 'status', message: 'Choose what happens next' });
    if (step?.backwards === true && reason.trim() === '') {
      problems.push({ field: 'reason', message: 'Give a reason for moving the action back' });
    }
    if (step?.status === 'fed_back') {
      if (channel === null) problems.push({ field: 'feedback', message: 'Choose how people were told' });
      problems.push(
        ...dateErrors([
          {
            field: 'feedback.on',
            value: on,
            name: 'The date people were told',
            required: 'Enter the date people were told',
          },
        ]),
      );
    }
    if (step === null || problems.length > 0) {
      onInvalid(problems);
      return;
    }
    setBusy(true);
    const done = await onSubmit({
      status: step.status,
      reason: step.backwards ? reason : '',
      feedback: step.status === 'fed_back' && channel !== null ? { channel, on, note } : null,
    });
    setBusy(false);
    if (done) {
      setTo(null);
      setReason('');
      setChannel(null);
      setNote('');
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        // Enter on a radio submits its form in a browser; with no move chosen yet that would only
        // answer with an error, so it is taken as "not yet" (Space chooses, the button submits).
        if (event.key === 'Enter' && to === null && isRadio(event.target)) event.preventDefault();
      }}
      aria-labelledby="status-heading"
      className="pxr-section"
    >
      <h2 className="nhsuk-heading-m" id="status-heading">
        Status
      </h2>
      <Radios
        field="status"
        legend="What happens next?"
        options={steps.map((s) => ({ value: s.status, label: stepLabel(s) }))}
        value={to}
        onChange={setTo}
        error={errorFor(errors, 'status')}
      />
      {step?.backwards === true && (
        <TextField
          bold
          field="reason"
          label="Why is it moving back?"
          hint="This is kept in the action’s history"
          as="textarea"
          value={reason}
          onChange={setReason}
          error={errorFor(errors, 'reason')}
        />
      )}
      {step?.status === 'fed_back' && (
        <>
          <Radios
            field="feedback"
            legend="How were people told?"
            options={FEEDBACK_CHANNELS.map((value) => ({ value, label: FEEDBACK_CHANNEL_LABELS[value] }))}
            value={channel}
            onChange={setChannel}
            error={errorFor(errors, 'feedback')}
          />
          <DateInput
            bold
            field="feedback.on"
            label="When were they told?"
            value={on}
            onChange={setOn}
            error={errorFor(errors, 'feedback.on')}
          />
          <TextField
            bold
            field="feedback.note"
            label="Anything to add (optional)"
            as="textarea"
            value={note}
            onChange={setNote}
            error={errorFor(errors, 'feedback.note')}
          />
        </>
      )}
      <button className="nhsuk-button" type="submit" aria-disabled={busy}>
        Change status
      </button>
    </form>
  );
}

function isRadio(target: EventTarget): boolean {
  return target instanceof HTMLInputElement && target.type === 'radio';
}
