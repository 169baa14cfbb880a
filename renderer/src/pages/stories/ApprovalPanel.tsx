import { useState } from 'react';
import { api } from '../../api-client';
import { formatCalendarDate } from './consent-dates';
import { formProblem, type FormProblem } from '../../lib/form-problem';
import { CONSENT_IDENTITY_LABELS, CONSENT_SCOPE_LABELS } from './story-labels';
import type { StoryDetailDto, StoryExportDto } from './story-types';
import { formatDate } from '../../lib/format';
import { CancelButton } from '../../components/CancelButton';

type Outcome = { ok: true; story: StoryDetailDto } | { ok: false; problem: FormProblem };

type ApproveProps = {
  story: StoryDetailDto;
  flush: () => Promise<StoryDetailDto | null>;
  onDone: (outcome: Outcome) => void;
};

/** Approval: the service says what is missing (consent, read-back) and the page shows it. */
export function ApproveSection({ story, flush, onDone }: ApproveProps) {
  const [busy, setBusy] = useState(false);
  if (story.status === 'approved') {
    return (
      <p className="nhsuk-body">
        Approved{story.approvedAt !== null && ` on ${formatDate(story.approvedAt)}`}. Changing the story, its
        quotes or its learning points will need a new read-back.
      </p>
    );
  }
  if (story.status === 'withdrawn') return null;
  const approve = async () => {
    setBusy(true);
    const latest = await flush();
    const result = latest === null ? null : await api['stories:approve']({ id: story.id });
    setBusy(false);
    if (result === null) {
      onDone({
        ok: false,
        problem: {
          errors: [
            { field: 'narrative', message: 'The story could not be saved, so it cannot be approved yet' },
          ],
          problem: null,
        },
      });
      return;
    }
    onDone(result.ok ? { ok: true, story: result.value } : { ok: false, problem: formProblem(result.error) });
  };
  return (
    <>
      <p className="nhsuk-body">
        A story can be approved once the storyteller’s consent is recorded and they have checked the text as
        it is now.
      </p>
      <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void approve()}>
        Approve story
      </button>
    </>
  );
}

function ExportList({ exports }: { exports: readonly StoryExportDto[] }) {
  if (exports.length === 0) {
    return <p className="nhsuk-body">The story was never exported, so there is nobody else to tell.</p>;
  }
  return (
    <>
      <p className="nhsuk-body">
        It was exported before in these files. Let PEIG know so copies can be removed:
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {exports.map((e) => (
          <li key={`${e.exportedAt}:${e.fileName}`}>
            {e.fileName}, {formatDate(e.exportedAt)} ({CONSENT_SCOPE_LABELS[e.scope]},{' '}
            {CONSENT_IDENTITY_LABELS[e.identity].toLowerCase()})
          </li>
        ))}
      </ul>
    </>
  );
}

type WithdrawProps = {
  story: StoryDetailDto;
  today: string;
  onDone: (outcome: Outcome) => void;
};

/** Withdrawal is final, so it takes a second, explicit step. */
export function WithdrawSection({ story, today, onDone }: WithdrawProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [priorExports, setPriorExports] = useState<StoryExportDto[] | null>(null);

  if (story.status === 'withdrawn') {
    return (
      <div className="nhsuk-inset-text" role="status">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Consent was withdrawn
          {story.withdrawnOn !== null && ` on ${formatCalendarDate(story.withdrawnOn)}`}. The story is kept
          out of everything from now on.
        </p>
        <ExportList exports={priorExports ?? story.exports} />
      </div>
    );
  }
  const withdraw = async () => {
    setBusy(true);
    const result = await api['stories:withdraw-consent']({ id: story.id, withdrawnOn: today });
    setBusy(false);
    if (result.ok) {
      setConfirming(false);
      setPriorExports(result.value.priorExports);
      onDone({ ok: true, story: result.value.story });
    } else onDone({ ok: false, problem: formProblem(result.error) });
  };
  if (!confirming) {
    return (
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => setConfirming(true)}
      >
        Withdraw consent
      </button>
    );
  }
  return (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Withdraw consent for this story?
        </span>
      </h3>
      <p>
        This cannot be undone. The story will be marked withdrawn today and kept out of every list, search and
        export. You will see where it was exported before, so PEIG can be told.
      </p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--warning"
        disabled={busy}
        onClick={() => void withdraw()}
      >
        Yes, withdraw consent
      </button>{' '}
      <CancelButton onClick={() => setConfirming(false)} />
    </div>
  );
}
