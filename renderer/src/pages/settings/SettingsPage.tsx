import { useEffect, useState } from 'react';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { DEFAULT_DEBOUNCE_MS, type SaveStatus } from '../../lib/save-schedule';
import { fieldId } from '../../lib/field-ids';
import { LatestValueSaver } from '../../lib/latest-saver';
import { useLoad } from '../../lib/use-load';
import { metaStatusText } from '../../components/SaveStatusLine';
import { AuditSection } from '../audit/AuditSection';
import { BackupsSection } from '../backups/BackupsSection';
import { hrefFor } from '../../lib/routes';
import { OrganisationForm } from './OrganisationForm';
import { PersonForm } from './PersonForm';
import { SigningKeyState } from './SigningKeyState';
import {
  lineErrorMessage,
  namesFromText,
  staffNamesDraft,
  textFromNames,
  type NamesFromText,
} from './staff-names-text';

const FIELD = 'staffNames';

export function SettingsPage() {
  const [stored, , retry] = useLoad(() => api['settings:get-staff-names']({}), []);
  const [organisation, , retryOrganisation] = useLoad(() => api['settings:get-organisation']({}), []);
  const [person, , retryPerson] = useLoad(() => api['settings:get-person']({}), []);
  const failed =
    stored.state === 'failed'
      ? stored.error
      : organisation.state === 'failed'
        ? organisation.error
        : person.state === 'failed'
          ? person.error
          : null;
  return (
    <>
      <PageHeading title="Settings" hasErrors={failed !== null}>
        Settings
      </PageHeading>
      {failed !== null && (
        <>
          <ErrorSummary problem={failed} />
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              if (stored.state === 'failed') retry();
              if (organisation.state === 'failed') retryOrganisation();
              if (person.state === 'failed') retryPerson();
            }}
          >
            Try again
          </button>
        </>
      )}
      <p className="nhsuk-body-l">Settings for everyone who uses PX Rounds on this computer.</p>
      {person.state === 'loading' && <p aria-live="polite">Loading your name and role…</p>}
      {person.state === 'ready' && (
        <PersonForm initial={person.value.person} heading="About you" headingId="person-heading" />
      )}
      {organisation.state === 'loading' && <p aria-live="polite">Loading the organisation’s name…</p>}
      {organisation.state === 'ready' && <OrganisationForm initial={organisation.value} />}
      <h2 className="nhsuk-heading-m">Staff names to look for</h2>
      <p className="nhsuk-body">
        Before a story or an observation leaves PX Rounds, it is checked for personal details, names included.
        The check already finds names after a title (“Sister Okafor”, “Dr Khan”) and many common first names,
        but it cannot know everyone who works here.
      </p>
      <p className="nhsuk-body">
        Add the names of local staff that patients and carers may mention: ward sisters, consultants, porters,
        receptionists. Wherever one appears in a story or an observation it is flagged, so it can be removed
        or kept with a reason.
      </p>
      {stored.state === 'loading' && <p aria-live="polite">Loading the staff names…</p>}
      {stored.state === 'ready' && <StaffNamesField initial={stored.value.names} />}
      <h2 className="nhsuk-heading-m">Trust hub</h2>
      <p className="nhsuk-body">
        Where your trust runs a PostgreSQL server for PX Rounds, signed-off work can be published to it and
        everyone’s can be pulled from it, instead of passing bundle files around.{' '}
        <a href={hrefFor({ name: 'trust-hub' })}>Set up and use the trust hub</a>
      </p>
      <BackupsSection />
      <SigningKeyState />
      <h2 className="nhsuk-heading-m">Recovery key</h2>
      <p className="nhsuk-body">
        The recovery key opens your data on another computer, or on this one after it has been re-imaged or
        your account reset. <a href={hrefFor({ name: 'recovery-key' })}>Make or replace your recovery key</a>
      </p>
      <AuditSection />
    </>
  );
}

function StaffNamesField({ initial }: { initial: readonly string[] }) {
  const [draft] = useState(() => staffNamesDraft(window.localStorage));
  const [opened] = useState(() => draft.restore(textFromNames(initial)));
  const [text, setText] = useState(opened.text);
  const [count, setCount] = useState(initial.length);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [saver] = useState(() => {
    const created: LatestValueSaver<NamesFromText, { names: string[] }> = new LatestValueSaver({
      save: ({ names }) => api['settings:set-staff-names']({ names }),
      onSaved: (saved) => {
        setCount(saved.names.length);
        if (!created.needsSave) draft.clear();
      },
      onStatus: setStatus,
    });
    return created;
  });
  useEffect(() => {
    // Words typed before the window last closed, never saved, are sent now.
    if (opened.unsaved) saver.set(namesFromText(opened.text));
    // Leaving the page saves what is waiting at once.
    return () => void saver.flush();
  }, [saver, opened]);

  const id = fieldId(FIELD);
  const { lines } = namesFromText(text);
  const problem = status.state === 'failed' && status.error.kind === 'validation' ? status.error : null;
  const error = problem === null ? undefined : lineErrorMessage(problem.field, problem.message, lines);

  return (
    <>
      {/* No error summary: it would take focus from the box while the person is typing. */}
      <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
          Staff names
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          One name on each line, as people say it: “Ade”, “Grace Okafor”. Saved as you type.
        </div>
        <ErrorMessage id={`${id}-error`} message={error} />
        <textarea
          className={`nhsuk-textarea${error !== undefined ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          rows={10}
          value={text}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-hint${error !== undefined ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setText(event.target.value);
            draft.keep(event.target.value);
            saver.set(namesFromText(event.target.value), { debounceMs: DEFAULT_DEBOUNCE_MS });
          }}
        />
      </div>
      <p
        className={`pxr-save-status${status.state === 'failed' || status.state === 'retrying' ? ' pxr-save-status--problem' : ''}`}
        role="status"
        aria-atomic="true"
      >
        {status.state === 'idle' ? 'Changes are saved as you type.' : metaStatusText(status)}{' '}
        {status.state !== 'failed' && `${count} ${count === 1 ? 'name' : 'names'} in the list.`}
      </p>
    </>
  );
}
