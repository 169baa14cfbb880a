import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { isLoopbackHost } from '../../../../ipc/hub-schemas';
import { api } from '../../api-client';
import { FormErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { errorFor, fieldId } from '../../lib/field-ids';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { FieldFrame, describedByFor } from '../../components/FieldFrame';

type HubStatus = ResponseOf<'hub:status'>;
const FIELDS = ['host', 'port', 'database', 'user', 'password', 'caCertificate'];

/**
 * Where the trust hub is. The password is sent once and kept wrapped on this computer; it is
 * never shown again, so the box stays empty and "leave blank to keep it" says why.
 */
export function HubConnectionForm({
  status,
  onSaved,
}: {
  status: HubStatus;
  onSaved: (s: HubStatus) => void;
}) {
  const saved = status.connection;
  const [host, setHost] = useState(saved?.host ?? '');
  const [port, setPort] = useState(saved ? String(saved.port) : '5432');
  const [database, setDatabase] = useState(saved?.database ?? '');
  const [user, setUser] = useState(saved?.user ?? '');
  const [password, setPassword] = useState('');
  const [ca, setCa] = useState('');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage('');
    const keepCa = ca.trim() === '' && saved?.hasCaCertificate === true && !isLoopbackHost(host.trim());
    const result = await api['hub:save-connection']({
      host,
      port: Number(port),
      database,
      user,
      ...(password === '' ? {} : { password }),
      ...(keepCa ? {} : { caCertificate: ca.trim() === '' ? null : ca }),
    });
    setBusy(false);
    if (!result.ok) {
      setProblem(formProblem(result.error, FIELDS));
      return;
    }
    setProblem(NO_PROBLEM);
    setPassword('');
    setCa('');
    setMessage('Saved. The password is kept wrapped on this computer and is never shown again.');
    onSaved(result.value);
  };

  const test = async () => {
    if (busy) return;
    setBusy(true);
    setMessage('');
    const result = await api['hub:test-connection']({});
    setBusy(false);
    if (!result.ok) {
      setProblem(formProblem(result.error, FIELDS));
      return;
    }
    setProblem(NO_PROBLEM);
    setMessage(result.value.message);
  };

  const caId = fieldId('caCertificate');
  const caHint = saved?.hasCaCertificate
    ? 'A CA certificate is saved. Leave this blank to keep it, or paste a new one.'
    : 'Paste the certificate’s text (it begins “-----BEGIN CERTIFICATE-----”), or type the full path of its file. Only a hub on this computer (127.0.0.1) can do without one.';
  const caError = errorFor(problem.errors, 'caCertificate');
  return (
    <form noValidate onSubmit={(event) => void save(event)} aria-labelledby="hub-connection-heading">
      <h2 className="nhsuk-heading-m" id="hub-connection-heading">
        Connection
      </h2>
      <FormErrorSummary errors={problem.errors} problem={problem.problem} />
      <p className="nhsuk-body">
        Your trust’s IT team gives you these. PX Rounds always checks the hub is your trust’s own server,
        using the trust’s CA certificate, before it sends or reads anything.
      </p>
      <TextField
        bold
        field="host"
        label="Server name"
        hint="For example hub.example.nhs.uk"
        value={host}
        onChange={setHost}
        error={errorFor(problem.errors, 'host')}
        width="nhsuk-input--width-30"
      />
      <TextField
        bold
        field="port"
        label="Port"
        value={port}
        onChange={setPort}
        error={errorFor(problem.errors, 'port')}
        width="nhsuk-input--width-5"
      />
      <TextField
        bold
        field="database"
        label="Database"
        value={database}
        onChange={setDatabase}
        error={errorFor(problem.errors, 'database')}
        width="nhsuk-input--width-20"
      />
      <TextField
        bold
        field="user"
        label="User name"
        value={user}
        onChange={setUser}
        error={errorFor(problem.errors, 'user')}
        width="nhsuk-input--width-20"
        autoComplete="username"
      />
      <PasswordField
        value={password}
        onChange={setPassword}
        saved={saved !== null}
        error={errorFor(problem.errors, 'password')}
      />
      <FieldFrame id={caId} label="Trust’s CA certificate" hint={caHint} error={caError} bold>
        <textarea
          id={caId}
          className={`nhsuk-textarea${caError !== undefined ? ' nhsuk-textarea--error' : ''}`}
          rows={4}
          spellCheck={false}
          value={ca}
          aria-describedby={describedByFor(caId, { hint: caHint, error: caError })}
          onChange={(event) => setCa(event.target.value)}
        />
      </FieldFrame>
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Save connection
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={busy || saved === null}
          onClick={() => void test()}
        >
          Test connection
        </button>
      </div>
      <p className="pxr-save-status" role="status" aria-atomic="true">
        {message}
      </p>
    </form>
  );
}

function PasswordField(props: {
  value: string;
  onChange: (v: string) => void;
  saved: boolean;
  error?: string;
}) {
  const id = fieldId('password');
  const hint = props.saved
    ? 'A password is saved. Leave this blank to keep it.'
    : 'The password IT gave you for the trust hub.';
  return (
    <FieldFrame id={id} label="Password" hint={hint} error={props.error} bold>
      <input
        id={id}
        type="password"
        className={`nhsuk-input nhsuk-input--width-20${props.error !== undefined ? ' nhsuk-input--error' : ''}`}
        autoComplete="new-password"
        value={props.value}
        aria-describedby={describedByFor(id, { hint, error: props.error })}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}
