import { useEffect, useRef, useState } from 'react';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import type { FieldError } from '../../lib/field-ids';
import { hrefFor } from '../../lib/routes';
import {
  EMPTY_SEARCH,
  parseSearchQuery,
  searchQuery,
  toSearchRequest,
  type SearchForm as Form,
} from '../../lib/search-params';
import { useLoad } from '../../lib/use-load';
import { navigate } from '../../router';
import { areaLabel, useAreas } from '../actions/AreaSelect';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';

/** Search every observation by its words and filters. The search lives in the address. */
export function SearchPage({ query }: { query: string }) {
  const [form, setForm] = useState<Form>(() => parseSearchQuery(query));
  // Back, Forward or a new search changes the address: the form follows it (React's way of
  // resetting state from a prop, during render rather than in an effect).
  const [formQuery, setFormQuery] = useState(query);
  if (formQuery !== query) {
    setFormQuery(query);
    setForm(parseSearchQuery(query));
  }
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const focusResults = useRef(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const applied = parseSearchQuery(query);
  const request = toSearchRequest(applied);
  const [results] = useLoad(
    () =>
      request.ok
        ? api['search:observations'](request.request)
        : Promise.resolve({
            ok: false as const,
            error: { kind: 'validation' as const, message: 'Check the search' },
          }),
    [query, attempt],
  );
  const [rounds] = useLoad(() => api['rounds:list']({}), []);
  const [catalogue] = useLoad(() => api['tagging:frameworks']({}), []);
  // With a site chosen, its areas by name; with none, every area with its site to tell them apart.
  const areas = useAreas(form.site === '' ? null : form.site).map((area) => ({
    areaId: area.id,
    name: form.site === '' ? areaLabel(area) : area.name,
  }));

  useEffect(() => {
    if (results.state !== 'ready' || !focusResults.current) return;
    focusResults.current = false;
    resultsHeading.current?.focus();
  }, [results]);

  const submit = () => {
    const next = { ...form, page: 1 };
    const checked = toSearchRequest(next);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    focusResults.current = true;
    const nextQuery = searchQuery(next);
    if (nextQuery === query) setAttempt((n) => n + 1);
    else navigate({ name: 'search', query: nextQuery });
  };

  const sites = rounds.state === 'ready' ? [...new Set(rounds.value.map((r) => r.site))].sort() : [];
  const roundChoices =
    rounds.state === 'ready'
      ? [...rounds.value].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))
      : [];

  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {!request.ok && errors.length === 0 && <ErrorSummary errors={request.errors} />}
      <PageHeading title="Search observations" hasErrors={errors.length > 0}>
        Search observations
      </PageHeading>
      <SearchForm
        form={form}
        onChange={(patch) => setForm((current) => ({ ...current, ...patch }))}
        choices={{
          sites,
          rounds: roundChoices,
          areas,
          catalogue: catalogue.state === 'ready' ? catalogue.value : null,
        }}
        errors={errors}
        onSubmit={submit}
        onClear={() => {
          setErrors([]);
          setForm(EMPTY_SEARCH);
          focusResults.current = true;
          navigate({ name: 'search', query: '' });
        }}
      />

      {results.state === 'loading' && <p aria-live="polite">Searching…</p>}
      {results.state === 'failed' && request.ok && <ErrorSummary problem={results.error} />}
      {results.state === 'ready' && (
        <SearchResults
          results={results.value}
          page={applied.page}
          headingRef={resultsHeading}
          pageHref={(page) => hrefFor({ name: 'search', query: searchQuery({ ...applied, page }) })}
          onPage={() => {
            focusResults.current = true;
          }}
        />
      )}
    </>
  );
}
