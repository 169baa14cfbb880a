import { useEffect, useRef, useState } from 'react';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { StatusTag } from '../../components/StatusTag';
import { formatCount, formatDate, formatTime } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import { TableCell } from '../../components/TableCell';
import { RecoveryKeyReminder } from '../recovery/RecoveryKeyReminder';
import { usePerson, type Person } from '../../lib/use-person';
import { PersonForm } from '../settings/PersonForm';

const COLUMNS = [
  { label: 'Date and time', numeric: false },
  { label: 'Site', numeric: false },
  { label: 'Status', numeric: false },
  { label: 'Areas', numeric: true },
  { label: 'Observations', numeric: true },
] as const;

/** Rounds shown at first, and added by each "Show more": a year of rounds fits on one screen. */
export const ROUNDS_PAGE = 25;

export function HomePage() {
  const [rounds] = useLoad(() => api['rounds:list']({}), []);
  // Only the newest are drawn at first: with thousands of rounds the whole table took seconds.
  const [shown, setShown] = useState(ROUNDS_PAGE);
  const firstNewRow = useRef<HTMLAnchorElement>(null);
  const [movedOn, setMovedOn] = useState(false);
  useEffect(() => {
    // "Show more" moves focus to the first round it added, so the keyboard carries on from there.
    if (movedOn) firstNewRow.current?.focus();
  }, [shown, movedOn]);

  return (
    <>
      <PageHeading title="Rounds" hasErrors={rounds.state === 'failed'}>
        Rounds
      </PageHeading>
      {rounds.state === 'failed' && <ErrorSummary problem={rounds.error} />}
      <RecoveryKeyReminder />
      <p className="nhsuk-body-l">Walkabouts to hear what matters to patients, carers and staff.</p>
      <WhoAmI />
      <a href={hrefFor({ name: 'start-round' })} className="nhsuk-button" draggable="false">
        Start a round
      </a>
      <ul className="nhsuk-list pxr-home-links">
        <li>
          <a href={hrefFor({ name: 'search', query: '' })}>Search what was seen and heard</a>
        </li>
        <li>
          <a href={hrefFor({ name: 'insights', query: '' })}>
            Insights: themes, who we heard from, and sentiment this quarter
          </a>
        </li>
      </ul>

      {rounds.state === 'loading' && <p aria-live="polite">Loading your rounds…</p>}
      {rounds.state === 'ready' && rounds.value.length === 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You have not started any rounds yet. Start one when you set off on a walkabout.</p>
        </div>
      )}
      {rounds.state === 'ready' && rounds.value.length > 0 && (
        // NHS responsive table: on a narrow screen or at high zoom each row becomes a stacked card
        // with its own headings, so nothing scrolls sideways. The explicit roles keep the table
        // semantics that display: block would otherwise remove.
        <table className="nhsuk-table-responsive" role="table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">
            Your rounds, newest first
          </caption>
          <thead className="nhsuk-table__head" role="rowgroup">
            <tr role="row">
              {COLUMNS.map((column) => (
                <th
                  key={column.label}
                  role="columnheader"
                  scope="col"
                  className={`nhsuk-table__header${column.numeric ? ' nhsuk-table__header--numeric' : ''}`}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {[...rounds.value]
              .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))
              .slice(0, shown)
              .map((round, index) => (
                <tr className="nhsuk-table__row" role="row" key={round.id}>
                  <TableCell heading="Date and time">
                    <a
                      href={hrefFor({ name: 'round', roundId: round.id })}
                      ref={index === shown - ROUNDS_PAGE && index > 0 ? firstNewRow : undefined}
                    >
                      <span className="nhsuk-u-visually-hidden">Round at {round.site} on </span>
                      {formatDate(round.startsAt)}, {formatTime(round.startsAt)}
                    </a>
                  </TableCell>
                  <TableCell heading="Site">{round.site}</TableCell>
                  <TableCell heading="Status">
                    <StatusTag status={round.status} />
                  </TableCell>
                  <TableCell heading="Areas" numeric>
                    {formatCount(round.areaCount)}
                  </TableCell>
                  <TableCell heading="Observations" numeric>
                    {formatCount(round.observationCount)}
                  </TableCell>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {rounds.state === 'ready' && rounds.value.length > shown && (
        <>
          <p className="nhsuk-body">
            Showing the newest {formatCount(shown)} of {formatCount(rounds.value.length)} rounds.
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              setShown((n) => n + ROUNDS_PAGE);
              setMovedOn(true);
            }}
          >
            Show {formatCount(Math.min(ROUNDS_PAGE, rounds.value.length - shown))} more rounds
          </button>
        </>
      )}
    </>
  );
}

/** Asked once, on first run; afterwards a line says who the app takes you to be. */
function WhoAmI() {
  const known = usePerson();
  const [saved, setSaved] = useState<Person | null>(null);
  const line = useRef<HTMLParagraphElement>(null);
  // The form that had focus is gone once saved: focus goes to the line that replaces it.
  useEffect(() => {
    if (saved !== null) line.current?.focus();
  }, [saved]);
  if (known === undefined) return null;
  if (known === null && saved === null) {
    return (
      <div className="nhsuk-card pxr-who-am-i">
        <div className="nhsuk-card__content">
          <PersonForm
            initial={null}
            heading="Before you start: who are you?"
            headingId="who-am-i-heading"
            onSaved={setSaved}
          />
        </div>
      </div>
    );
  }
  const person = saved ?? known;
  if (person === null) return null;
  return (
    <p className="nhsuk-body" ref={line} tabIndex={-1}>
      {saved !== null && 'Saved. '}You are using PX Rounds as {person.name}, {person.role}.{' '}
      <a href={hrefFor({ name: 'settings' })}>Change your name or role in Settings</a>
    </p>
  );
}
