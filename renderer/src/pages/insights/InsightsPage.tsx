import { WhoseRounds } from '../../components/WhoseRounds';
import { useState, type FormEvent } from 'react';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { PeriodFieldset, SiteSelect } from '../../components/SelectField';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { plural } from '../../lib/format';
import {
  insightsQuery,
  parseInsightsQuery,
  toInsightsRequest,
  type InsightsForm,
} from '../../lib/insights-params';
import { formatPeriod } from '../../lib/london-dates';
import { useLoad } from '../../lib/use-load';
import { navigate } from '../../router';
import { ActionsPanel } from '../actions/ActionsPanel';
import { AgreementPanel } from './AgreementPanel';
import { EqualityPanel } from './EqualityPanel';
import { ThemesPanel } from './ThemesPanel';

/** A period at a glance: themes by sentiment, who was (and was not) heard from, agreement. */
export function InsightsPage({ query }: { query: string }) {
  // The current quarter is worked out once, when the page opens.
  const [now] = useState(() => new Date());
  const applied = parseInsightsQuery(query, now);
  const [form, setForm] = useState<InsightsForm>(applied);
  // A new period in the address (Show, Back, Forward): the form follows it, during render.
  const [formQuery, setFormQuery] = useState(query);
  if (formQuery !== query) {
    setFormQuery(query);
    setForm(applied);
  }
  const [errors, setErrors] = useState<FieldError[]>([]);
  const checked = toInsightsRequest(applied);
  const [insights] = useLoad(
    () =>
      checked.ok
        ? api['insights:get'](checked.request)
        : Promise.resolve({
            ok: false as const,
            error: { kind: 'validation' as const, message: 'Check the period' },
          }),
    [query],
  );
  // Only the sites' names: the whole list of rounds is large on a database of years.
  const [knownSites] = useLoad(() => api['rounds:sites']({}), []);
  const sites = knownSites.state === 'ready' ? knownSites.value : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = toInsightsRequest(form);
    if (!next.ok) {
      setErrors(next.errors);
      return;
    }
    setErrors([]);
    navigate({ name: 'insights', query: insightsQuery(form) });
  };

  const period = checked.ok ? formatPeriod(checked.period.first, checked.period.last) : '';
  const where = applied.site === '' ? 'all sites' : applied.site;

  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {!checked.ok && errors.length === 0 && <ErrorSummary errors={checked.errors} />}
      <PageHeading title="Insights" hasErrors={errors.length > 0}>
        Insights
      </PageHeading>
      <form onSubmit={submit} noValidate className="pxr-period-form">
        <PeriodFieldset
          hintId="period-hint"
          from={form.from}
          to={form.to}
          onChange={(change) => setForm({ ...form, ...change })}
          errors={{ from: errorFor(errors, 'from'), to: errorFor(errors, 'to') }}
        >
          <SiteSelect value={form.site} onChange={(site) => setForm({ ...form, site })} sites={sites} />
          <WhoseRounds value={form.whose ?? 'everyone'} onChange={(whose) => setForm({ ...form, whose })} />
        </PeriodFieldset>
        <button className="nhsuk-button" type="submit">
          Show insights
        </button>
      </form>

      {insights.state === 'loading' && <p aria-live="polite">Loading insights…</p>}
      {insights.state === 'failed' && checked.ok && <ErrorSummary problem={insights.error} />}
      {insights.state === 'ready' && checked.ok && (
        <>
          <p className="nhsuk-body-l pxr-insights-summary" aria-live="polite">
            {period}, {where}: {plural(insights.value.observationCount, 'observation', 'observations')}.
          </p>
          <ThemesPanel insights={insights.value} period={`${period}, ${where}`} />
          <EqualityPanel equality={insights.value.equality} period={`${period}, ${where}`} />
          <AgreementPanel sentiment={insights.value.sentiment} />
          <ActionsPanel actions={insights.value.actions} />
        </>
      )}
    </>
  );
}
