import { useCallback, useEffect, useRef, useState } from 'react';
import type { ObservationDto, RoundAreaDto, RoundDetailDto } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, formatDateTime, formatTime } from '../../lib/format';
import { canTag, isRoundLocked, ROLE_LABELS } from '../../lib/labels';
import { hrefFor } from '../../lib/routes';
import { upsertObservation, withCustomTag } from '../../lib/round-state';
import { useLoad } from '../../lib/use-load';
import { AreasSection } from './AreasSection';
import { CaptureForm } from '../observations/CaptureForm';
import { CompleteRound } from './CompleteRound';
import { ObservationList, observationElementId } from '../observations/ObservationList';
import { RevisitPrompt } from './RevisitPrompt';
import { TemplatePrompts } from '../observations/TemplatePrompts';
import { useCapture } from '../observations/use-capture';

type PageProps = { roundId: string; observationId: string | null };

export function RoundPage({ roundId, observationId }: PageProps) {
  const [round] = useLoad(() => api['rounds:get']({ roundId }), [roundId]);

  if (round.state === 'loading') {
    return <p aria-live="polite">Loading the round…</p>;
  }
  if (round.state === 'failed') {
    return (
      <>
        <a className="nhsuk-back-link" href="#/">
          Back to rounds
        </a>
        <ErrorSummary problem={round.error} />
        <PageHeading title="Round not available" hasErrors>
          This round could not be opened
        </PageHeading>
      </>
    );
  }
  return <RoundWorkspace initial={round.value} focusObservationId={observationId} />;
}

function RoundWorkspace({
  initial,
  focusObservationId,
}: {
  initial: RoundDetailDto;
  focusObservationId: string | null;
}) {
  const [round, setRound] = useState(initial);
  const [focusRequest, setFocusRequest] = useState(0);
  const lockedNotice = useRef<HTMLDivElement>(null);
  const [justCompleted, setJustCompleted] = useState(false);
  const locked = isRoundLocked(round.status);
  const [catalogue, setCatalogue] = useLoad(() => api['frameworks:list']({}), []);
  const tagsReady = catalogue.state === 'ready' ? catalogue.value : null;
  const onCustomTag = (tag: { id: string; label: string }) => {
    if (catalogue.state === 'ready') setCatalogue(withCustomTag(catalogue.value, tag));
  };

  // Arriving from a search result: bring that observation into view and give it focus. Runs
  // after the page heading has taken focus (children's effects run first).
  useEffect(() => {
    if (focusObservationId === null) return;
    const element = document.getElementById(observationElementId(focusObservationId));
    if (element === null) return;
    element.scrollIntoView({ block: 'center' });
    element.focus();
  }, [focusObservationId]);

  // The button that was pressed has gone with the form: say what happened, where focus now is.
  useEffect(() => {
    if (justCompleted && locked) lockedNotice.current?.focus();
  }, [justCompleted, locked]);

  const onSaved = useCallback((saved: ObservationDto) => {
    setRound((current) => ({ ...current, observations: upsertObservation(current.observations, saved) }));
  }, []);
  const [capture, snapshot] = useCapture(initial, onSaved);
  const { draft } = snapshot;

  const requestTextFocus = () => setFocusRequest((n) => n + 1);

  const onAreaAdded = (area: RoundAreaDto) => {
    setRound((current) => ({
      ...current,
      areas: current.areas.some((a) => a.id === area.id) ? current.areas : [...current.areas, area],
    }));
    capture.moveToArea(area.areaId);
    requestTextFocus();
  };

  const onDelete = async (observation: ObservationDto): Promise<AppErrorShape | null> => {
    const result = await api['observations:delete']({ id: observation.id });
    if (!result.ok) return result.error;
    capture.forget(observation.id);
    setRound((current) => ({
      ...current,
      observations: current.observations.filter((o) => o.id !== observation.id),
    }));
    return null;
  };

  const onComplete = async (): Promise<AppErrorShape | null> => {
    const allSaved = await capture.flushAll();
    if (!allSaved) {
      return {
        kind: 'storage',
        message:
          'Some of what you typed is not saved yet, so the round was not completed. Try again in a moment.',
      };
    }
    const result = await api['rounds:complete']({ roundId: round.id });
    if (!result.ok) return result.error;
    setRound(result.value);
    setJustCompleted(true);
    return null;
  };

  const heading = `${round.site}, ${formatDate(round.startsAt)}`;

  return (
    <>
      <a className="nhsuk-back-link" href="#/">
        Back to rounds
      </a>
      <PageHeading title={`Round at ${heading}`}>
        <span className="nhsuk-caption-l">Round</span>
        {heading}
      </PageHeading>

      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            <StatusTag status={round.status} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Started</dt>
          <dd className="nhsuk-summary-list__value">{formatTime(round.startsAt)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Team</dt>
          <dd className="nhsuk-summary-list__value">
            {round.team.length === 0 ? (
              'No one recorded'
            ) : (
              <ul className="nhsuk-list">
                {round.team.map((member) => (
                  <li key={member.id}>
                    {member.name}, {ROLE_LABELS[member.role]}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Question set</dt>
          <dd className="nhsuk-summary-list__value">{round.template?.name ?? 'None'}</dd>
        </div>
      </dl>

      {locked && (
        <div className="nhsuk-inset-text" id="round-locked" tabIndex={-1} ref={lockedNotice}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This round was completed
            {round.completedAt !== null ? ` on ${formatDateTime(round.completedAt)}` : ''}. It can no longer
            be changed, so what was recorded stays exactly as it was.
          </p>
          <p>
            <a href={hrefFor({ name: 'review', kind: 'round', id: round.id })}>
              {round.status === 'signed_off' ? 'Review, corrections and export' : 'Review and sign off'}
            </a>
          </p>
        </div>
      )}

      <AreasSection
        round={round}
        locked={locked}
        currentAreaId={draft.purpose === 'new' ? draft.fields.areaId : null}
        onAdded={onAreaAdded}
      />

      {!locked && <RevisitPrompt roundId={round.id} areaCount={round.areas.length} onRecorded={onSaved} />}

      {catalogue.state === 'failed' && (
        <div className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> The list of tags could not be loaded, so
          tags cannot be added just now. {catalogue.error.message}
        </div>
      )}

      {!locked && round.areas.length > 0 && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <CaptureForm
              round={round}
              controller={capture}
              snapshot={snapshot}
              focusRequest={focusRequest}
              onFinish={() => {
                capture.startAnother();
                requestTextFocus();
              }}
              catalogue={tagsReady}
              onCustomTag={onCustomTag}
              onSaved={onSaved}
            />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <TemplatePrompts template={round.template} />
          </div>
        </div>
      )}

      <ObservationList
        round={round}
        locked={locked}
        taggable={canTag(round.status)}
        catalogue={tagsReady}
        onSaved={onSaved}
        onCustomTag={onCustomTag}
        editingId={draft.purpose === 'edit' ? draft.observationId : null}
        inFormId={locked ? null : draft.observationId}
        onEdit={(observation) => {
          capture.edit(observation);
          requestTextFocus();
        }}
        onDelete={onDelete}
      />

      {!locked && <CompleteRound onComplete={onComplete} />}
    </>
  );
}
