import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, FormErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { Radios } from '../../components/Radios';
import { TeamMembersFieldset, type TeamRow } from '../../components/TeamMembersFieldset';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { formProblem } from '../../lib/form-problem';
import { localInputsToIso, toDateAndTimeInputs } from '../../lib/format';
import { newKey } from '../../lib/new-key';
import { readLastLead, readLastSite, rememberRoundDefaults } from '../../lib/preferences';
import { useLoad } from '../../lib/use-load';
import { navigate } from '../../router';

export function StartRoundPage() {
  const [when, setWhen] = useState(() => toDateAndTimeInputs(new Date()));
  const [site, setSite] = useState(() => readLastSite(window.localStorage));
  const [team, setTeam] = useState<TeamRow[]>(() => [
    { key: newKey(), ...readLastLead(window.localStorage) },
  ]);
  const [chosenTemplate, setChosenTemplate] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const [templates] = useLoad(() => api['templates:list']({}), []);
  const [rounds] = useLoad(() => api['rounds:list']({}), []);
  const knownSites = rounds.state === 'ready' ? [...new Set(rounds.value.map((r) => r.site))].sort() : [];
  const firstTemplate = templates.state === 'ready' ? (templates.value[0]?.id ?? null) : null;
  const templateId = chosenTemplate ?? firstTemplate;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const startsAt = localInputsToIso(when.date, when.time);
    if (startsAt === null) {
      setProblem(null);
      setErrors([{ field: 'startsAt', message: 'Enter a real date and time the round starts' }]);
      return;
    }
    setSubmitting(true);
    const result = await api['rounds:create']({
      startsAt,
      site,
      templateId,
      team: team.map(({ name, role }) => ({ name, role })),
    });
    setSubmitting(false);
    if (result.ok) {
      rememberRoundDefaults(window.localStorage, site, team[0]);
      navigate({ name: 'round', roundId: result.value.id });
      return;
    }
    const refusal = formProblem(result.error);
    setErrors(refusal.errors);
    setProblem(refusal.problem);
  };

  const startsAtError = errorFor(errors, 'startsAt');
  const siteError = errorFor(errors, 'site');
  const templateError = errorFor(errors, 'templateId');
  const hasErrors = errors.length > 0 || problem !== null;

  return (
    <>
      <a className="nhsuk-back-link" href="#/">
        Back to rounds
      </a>
      <FormErrorSummary errors={errors} problem={problem} />
      {templates.state === 'failed' && <ErrorSummary problem={templates.error} />}
      <PageHeading title="Start a round" hasErrors={hasErrors}>
        Start a round
      </PageHeading>

      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={`nhsuk-form-group${startsAtError ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset className="nhsuk-fieldset" aria-describedby="when-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">When does it start?</legend>
            <div className="nhsuk-hint" id="when-hint">
              Set to now. Change it if you are writing up a round that has already happened.
            </div>
            <ErrorMessage id="when-error" message={startsAtError} />
            <div className="pxr-inline-fields pxr-inline-fields--top">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId('startsAt')}>
                  Date
                </label>
                <input
                  className={`nhsuk-input nhsuk-input--width-10${startsAtError ? ' nhsuk-input--error' : ''}`}
                  id={fieldId('startsAt')}
                  type="date"
                  value={when.date}
                  aria-describedby={startsAtError ? 'when-error' : undefined}
                  onChange={(event) => setWhen({ ...when, date: event.target.value })}
                />
              </div>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId('startsAt.time')}>
                  Time
                </label>
                <input
                  className={`nhsuk-input nhsuk-input--width-10${startsAtError ? ' nhsuk-input--error' : ''}`}
                  id={fieldId('startsAt.time')}
                  type="time"
                  value={when.time}
                  aria-describedby={startsAtError ? 'when-error' : undefined}
                  onChange={(event) => setWhen({ ...when, time: event.target.value })}
                />
              </div>
            </div>
          </fieldset>
        </div>

        <div className={`nhsuk-form-group${siteError ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label nhsuk-label--m" htmlFor={fieldId('site')}>
            Site
          </label>
          <div className="nhsuk-hint" id="site-hint">
            The hospital or building, for example Chelsea or Sutton
          </div>
          <ErrorMessage id="site-error" message={siteError} />
          <input
            className={`nhsuk-input nhsuk-input--width-20${siteError ? ' nhsuk-input--error' : ''}`}
            id={fieldId('site')}
            type="text"
            list="known-sites"
            autoComplete="off"
            value={site}
            aria-describedby={siteError ? 'site-hint site-error' : 'site-hint'}
            onChange={(event) => setSite(event.target.value)}
          />
          <datalist id="known-sites">
            {knownSites.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>

        <TeamMembersFieldset
          rows={team}
          onChange={setTeam}
          onAdd={() => setTeam([...team, { key: newKey(), name: '', role: 'governor' }])}
          errors={errors}
        />

        {templates.state === 'loading' && <p>Loading question sets…</p>}
        {templates.state === 'ready' && (
          <Radios
            field="templateId"
            legend="Which question set will you use?"
            legendClass="nhsuk-fieldset__legend--m"
            hint="Its prompts are shown beside the form while you capture."
            options={templates.value.map((t) => ({ value: t.id, label: t.name, hint: t.description }))}
            value={templateId}
            onChange={setChosenTemplate}
            error={templateError}
          />
        )}

        <button className="nhsuk-button" type="submit">
          Start round
        </button>
      </form>
    </>
  );
}
