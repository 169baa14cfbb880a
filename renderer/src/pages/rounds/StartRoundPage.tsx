import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ErrorSummary, FormErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { Radios } from '../../components/Radios';
import { SiteField, StartsAtFields, whenErrors } from './StartRoundFields';
import { TeamMembersFieldset, type TeamRow } from '../../components/TeamMembersFieldset';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { formProblem } from '../../lib/form-problem';
import { localInputsToIso, toDateAndTimeInputs } from '../../lib/format';
import { newKey } from '../../lib/new-key';
import { readLastLead, readLastSite, rememberRoundDefaults } from '../../lib/preferences';
import { useLoad } from '../../lib/use-load';
import { usePerson } from '../../lib/use-person';
import { teamRoleFor } from '../../lib/person-roles';
import { navigate } from '../../router';

export function StartRoundPage() {
  const [when, setWhen] = useState(() => toDateAndTimeInputs(new Date()));
  const [site, setSite] = useState(() => readLastSite(window.localStorage));
  const [team, setTeam] = useState<TeamRow[]>(() => [
    { key: newKey(), ...readLastLead(window.localStorage) },
  ]);
  // The person using the app leads, unless someone else was typed in meanwhile.
  usePerson((me) =>
    setTeam((rows) => {
      const [first, ...rest] = rows;
      const lastLead = readLastLead(window.localStorage);
      if (first === undefined || (first.name !== '' && first.name !== lastLead.name)) return rows;
      return [{ ...first, name: me.name, role: teamRoleFor(me.role) }, ...rest];
    }),
  );
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
    const wrong = whenErrors(when);
    const startsAt = wrong.length === 0 ? localInputsToIso(when.date, when.time) : null;
    if (startsAt === null) {
      setProblem(null);
      setErrors(
        wrong.length > 0
          ? wrong
          : [{ field: 'startsAt', message: 'Enter a real date and time the round starts' }],
      );
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
        <StartsAtFields when={when} onChange={setWhen} errors={errors} />

        <SiteField value={site} onChange={setSite} knownSites={knownSites} error={siteError} />

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
