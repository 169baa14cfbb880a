import { useCallback, useState } from 'react';
import type { ObservationDto } from '../../../../ipc/contract';
import type { RoundAreaDto, RoundDetailDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../lib/format';
import { canTag } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import type { CaptureSnapshot } from '../../lib/capture-controller';
import { CaptureForm, type CaptureFocus } from '../observations/CaptureForm';
import { ObservationList } from '../observations/ObservationList';
import { TemplatePrompts } from '../observations/TemplatePrompts';
import { useCaptureValue } from '../observations/use-capture';
import { AreasSection } from './AreasSection';
import { CompleteRound } from './CompleteRound';
import { RevisitPrompt } from './RevisitPrompt';
import { RoundFacts, RoundLockedNotice } from './RoundFacts';
import { useRoundWorkspace } from './use-round-workspace';

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

// What the page needs to know about the draft in the form. Each is a plain value, so the page is
// drawn again when one of them changes, not on each key typed in the form.
const currentAreaOf = (s: CaptureSnapshot) => (s.draft.purpose === 'new' ? s.draft.fields.areaId : null);
const editingIdOf = (s: CaptureSnapshot) => (s.draft.purpose === 'edit' ? s.draft.observationId : null);
const inFormIdOf = (s: CaptureSnapshot) => s.draft.observationId;

function RoundWorkspace({
  initial,
  focusObservationId,
}: {
  initial: RoundDetailDto;
  focusObservationId: string | null;
}) {
  const { round, locked, lockedNotice, catalogue, tagsReady, onCustomTag, capture, ...on } =
    useRoundWorkspace(initial, focusObservationId);
  const currentAreaId = useCaptureValue(capture, currentAreaOf);
  const editingId = useCaptureValue(capture, editingIdOf);
  const inFormId = useCaptureValue(capture, inFormIdOf);
  const [focusRequest, setFocusRequest] = useState<{ count: number; target: CaptureFocus }>({
    count: 0,
    target: 'text',
  });
  const requestFocus = (target: CaptureFocus) =>
    setFocusRequest((current) => ({ count: current.count + 1, target }));
  // A new observation starts at its kind, the form's first question; an edit, at its words.
  const onAreaAdded = (area: RoundAreaDto) => {
    on.onAreaAdded(area);
    requestFocus('kind');
  };

  const onEdit = useCallback(
    (observation: ObservationDto) => {
      capture.edit(observation);
      requestFocus('text');
    },
    [capture],
  );

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

      <RoundFacts round={round} />

      {locked && <RoundLockedNotice round={round} noticeRef={lockedNotice} />}

      <AreasSection round={round} locked={locked} currentAreaId={currentAreaId} onAdded={onAreaAdded} />

      {!locked && <RevisitPrompt roundId={round.id} areaCount={round.areas.length} onRecorded={on.onSaved} />}

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
              focusRequest={focusRequest}
              onFinish={(keep) => {
                capture.startAnother({ keepKindAndSource: keep });
                requestFocus(keep ? 'text' : 'kind');
              }}
              catalogue={tagsReady}
              onCustomTag={onCustomTag}
              onSaved={on.onSaved}
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
        onSaved={on.onSaved}
        onCustomTag={onCustomTag}
        editingId={editingId}
        openId={focusObservationId}
        inFormId={locked ? null : inFormId}
        onEdit={onEdit}
        onDelete={on.onDelete}
      />

      {!locked && <CompleteRound onComplete={on.onComplete} />}
    </>
  );
}
