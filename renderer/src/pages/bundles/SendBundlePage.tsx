import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { DateInput } from '../../components/DateInput';
import { usePerson } from '../../lib/use-person';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { Radios } from '../../components/Radios';
import { base64DataUrl, countsText } from '../../lib/bundle-text';
import { dateErrors } from '../../lib/date-parts';
import { errorFor, fieldId } from '../../lib/field-ids';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { formatDateTime } from '../../lib/format';
import { fromDateInput, periodToInstants } from '../../lib/london-dates';
import { useAnnouncer } from '../../lib/use-announcer';
import { useLoad } from '../../lib/use-load';
import { TextField } from '../../components/TextField';
import { BundlesNav } from './BundlesNav';

type Preview = ResponseOf<'bundles:preview'>;
type Sent = ResponseOf<'bundles:send'>;
type Scope = 'since-last' | 'period';
const FIELDS = [
  'recipientKeyId',
  'period',
  'period.to',
  'contributorName',
  'contributorRole',
  'from',
  'to',
  'content',
];

/** Exports → Send to PEIG: a contributor's signed-off work, as one file only PEIG can open. */
export function SendBundlePage() {
  const [keys, setKeys] = useLoad(() => api['bundles:recipients']({}), []);
  const [recipient, setRecipient] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('since-last');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  usePerson((me) => {
    setName((current) => (current === '' ? me.name : current));
    setRole((current) => (current === '' ? me.role : current));
  });
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, announce] = useAnnouncer();

  const list = keys.state === 'ready' ? keys.value.keys : [];
  const chosen = recipient ?? (list.length === 1 ? list[0]!.keyId : null);

  const period = (): { from: string; to: string } | null | 'invalid' => {
    if (scope === 'since-last') return null;
    const first = fromDateInput(from);
    const last = fromDateInput(to);
    if (first === null || last === null) return 'invalid';
    return periodToInstants(first, last);
  };

  const check = (): { recipientKeyId: string; period: { from: string; to: string } | null } | null => {
    if (chosen === null) {
      setProblem({
        errors: [{ field: 'recipientKeyId', message: 'Choose the collection key to send to' }],
        problem: null,
      });
      return null;
    }
    const p = period();
    if (p === 'invalid') {
      setProblem({
        errors: dateErrors([
          {
            field: 'from',
            value: from,
            name: 'The first day',
            required: 'Enter the first day of the period',
          },
          { field: 'to', value: to, name: 'The last day', required: 'Enter the last day of the period' },
        ]),
        problem: null,
      });
      return null;
    }
    return { recipientKeyId: chosen, period: p };
  };

  const showPreview = async () => {
    const request = check();
    if (request === null) return;
    const result = await api['bundles:preview'](request);
    if (!result.ok) return setProblem(formProblem(result.error, FIELDS));
    setProblem(NO_PROBLEM);
    setPreview(result.value);
    announce(`The bundle would hold ${countsText(result.value.counts)}.`);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const request = check();
    if (request === null) return;
    setBusy(true);
    const result = await api['bundles:send']({ ...request, contributorName: name, contributorRole: role });
    setBusy(false);
    if (!result.ok) return setProblem(formProblem(result.error, FIELDS));
    setProblem(NO_PROBLEM);
    setSent(result.value);
    setPreview(null);
    announce(`Bundle saved: ${result.value.fileName}`);
  };

  const addKey = async (file: File | undefined) => {
    if (file === undefined) return;
    const content = await file.text();
    const result = await api['bundles:add-recipient']({ fileName: file.name, content });
    if (!result.ok) return setProblem(formProblem(result.error, FIELDS));
    setProblem(NO_PROBLEM);
    const refreshed = await api['bundles:recipients']({});
    if (refreshed.ok) setKeys(refreshed.value);
    announce(`Added ${result.value.name}, fingerprint ${result.value.fingerprint}.`);
  };

  const hasErrors = problem.errors.length > 0 || problem.problem !== null;
  const keyInput = fieldId('content');
  return (
    <>
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <PageHeading title="Send to PEIG" hasErrors={hasErrors}>
        Send to PEIG
      </PageHeading>
      <BundlesNav current="bundle-send" />
      <p className="nhsuk-u-visually-hidden" role="status">
        {message}
      </p>
      <p className="nhsuk-body">
        Make one file of your signed-off rounds and stories, the actions raised and what happened to them, for
        the PEIG lead. It is signed with your key and locked to PEIG’s collection key, so only the PEIG lead’s
        laptop can open it. Send it by secure email or put it on the shared drive.
      </p>

      <section aria-labelledby="keys-heading" className="pxr-section">
        <h2 className="nhsuk-heading-m" id="keys-heading">
          Collection keys
        </h2>
        {list.length === 0 ? (
          <p className="nhsuk-body">No collection key yet. Ask the PEIG lead for theirs (a .json file).</p>
        ) : (
          <dl className="nhsuk-summary-list">
            {list.map((k) => (
              <div className="nhsuk-summary-list__row" key={k.keyId}>
                <dt className="nhsuk-summary-list__key">{k.name}</dt>
                <dd className="nhsuk-summary-list__value pxr-fingerprint">{k.fingerprint}</dd>
              </div>
            ))}
          </dl>
        )}
        <div
          className={`nhsuk-form-group${errorFor(problem.errors, 'content') ? ' nhsuk-form-group--error' : ''}`}
        >
          <label className="nhsuk-label nhsuk-label--s" htmlFor={keyInput}>
            Add a collection key file
          </label>
          <div className="nhsuk-hint" id={`${keyInput}-hint`}>
            Then check the fingerprint shown here with the PEIG lead, by phone or in person.
          </div>
          <ErrorMessage id={`${keyInput}-error`} message={errorFor(problem.errors, 'content')} />
          <input
            className="nhsuk-file-upload__input"
            id={keyInput}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${keyInput}-hint`}
            onChange={(event) => void addKey(event.target.files?.[0])}
          />
        </div>
      </section>

      {list.length > 0 && (
        <form noValidate onSubmit={(event) => void send(event)} aria-label="Send to PEIG">
          {list.length > 1 && (
            <Radios
              field="recipientKeyId"
              legend="Send to"
              options={list.map((k) => ({ value: k.keyId, label: k.name, hint: k.fingerprint }))}
              value={chosen}
              onChange={setRecipient}
              error={errorFor(problem.errors, 'recipientKeyId')}
            />
          )}
          <Radios
            field="scope"
            legend="What to send"
            options={[
              { value: 'since-last', label: 'Everything signed off since the last bundle' },
              { value: 'period', label: 'Everything signed off in a period I choose' },
            ]}
            value={scope}
            onChange={setScope}
          />
          {scope === 'period' && (
            <div className="pxr-inline-fields pxr-inline-fields--top">
              <DateInput
                bold
                field="from"
                label="First day"
                value={from}
                onChange={setFrom}
                error={errorFor(problem.errors, 'from')}
              />
              <DateInput
                bold
                field="to"
                label="Last day"
                value={to}
                onChange={setTo}
                error={errorFor(problem.errors, 'to') ?? errorFor(problem.errors, 'period.to')}
              />
            </div>
          )}
          <TextField
            field="contributorName"
            label="Your name"
            value={name}
            onChange={setName}
            error={errorFor(problem.errors, 'contributorName')}
          />
          <TextField
            field="contributorRole"
            label="Your role"
            hint="For example Governor or Non-Executive Director"
            value={role}
            onChange={setRole}
            error={errorFor(problem.errors, 'contributorRole')}
          />
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => void showPreview()}
            >
              Check what will be sent
            </button>
            <button type="submit" className="nhsuk-button" disabled={busy}>
              {busy ? 'Making the bundle…' : 'Send to PEIG'}
            </button>
          </div>
        </form>
      )}

      {preview !== null && <PreviewPanel preview={preview} />}
      {sent !== null && (
        <section aria-labelledby="sent-heading" className="pxr-section">
          <div className="nhsuk-panel">
            <h2 className="nhsuk-panel__heading" id="sent-heading">
              Bundle saved
            </h2>
            <div className="nhsuk-panel__body pxr-break">{sent.fileName}</div>
          </div>
          <p className="nhsuk-body">It holds {countsText(sent.counts)}.</p>
          <p className="nhsuk-body pxr-break">Saved in {sent.path}</p>
          <a
            className="nhsuk-button nhsuk-button--secondary"
            href={base64DataUrl(sent.contentBase64)}
            download={sent.fileName}
          >
            Download the bundle
          </a>
          {sent.leftOut.length > 0 && <LeftOut items={sent.leftOut} />}
        </section>
      )}
    </>
  );
}

function PreviewPanel({ preview }: { preview: Preview }) {
  return (
    <section aria-labelledby="preview-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="preview-heading">
        What will be sent
      </h2>
      <p className="nhsuk-body">
        {preview.since === null
          ? 'Everything signed off so far'
          : `Signed off since ${formatDateTime(preview.since)}`}
        : {countsText(preview.counts)}.
      </p>
      {preview.leftOut.length > 0 && <LeftOut items={preview.leftOut} />}
    </section>
  );
}

function LeftOut({ items }: { items: Preview['leftOut'] }) {
  return (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {items.length === 1 ? '1 record is left out' : `${items.length} records are left out`}
        </span>
      </h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {items.map((item) => (
          <li key={item.id}>
            {item.kind === 'story' ? 'Story' : 'Round'} “{item.title}”: {item.reason}.
          </li>
        ))}
      </ul>
    </div>
  );
}
