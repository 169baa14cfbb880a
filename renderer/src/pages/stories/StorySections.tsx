// The parts of the story page that only show and edit: the story's state
// line, its details and its tags.
import { useCallback, type Ref, type RefObject } from 'react';
import { api } from '../../api-client';
import { PageSection } from '../../components/PageSection';
import { Radios } from '../../components/Radios';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { metaStatusText } from '../../components/SaveStatusLine';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { formatDate } from '../../lib/format';
import { withCustomTag } from '../../lib/round-state';
import type { SaveStatus } from '../../lib/save-schedule';
import { useLoad } from '../../lib/use-load';
import { STORYTELLER_TYPES } from '../../../../ipc/vocabulary';
import { CONSENT_STATE_LABELS, STORYTELLER_LABELS } from './story-labels';
import type { StoryDraftFields } from './story-draft';
import type { StoryDetailDto } from './story-types';
import { StoryStatusTag } from './StoryStatusTag';
import { StoryTagging } from './StoryTagging';

const STORYTELLER_OPTIONS = STORYTELLER_TYPES.map((value) => ({ value, label: STORYTELLER_LABELS[value] }));

type StateProps = {
  story: StoryDetailDto;
  status: SaveStatus;
  notice: string | null;
  /** Takes the focus when a form that had it is replaced by its outcome. */
  noticeRef?: RefObject<HTMLParagraphElement | null>;
};

/** Where the story stands (status, consent, read back), whether it is saved, and the last outcome. */
export function StoryStateLines({ story, status, notice, noticeRef }: StateProps) {
  return (
    <>
      <p className="nhsuk-body pxr-story-state">
        <StoryStatusTag status={story.status} /> {CONSENT_STATE_LABELS[story.consentState]}.
        {story.status === 'draft' && story.readBackState === 'outdated' && (
          <>
            {' '}
            <strong className="nhsuk-tag nhsuk-tag--orange">Read back needed</strong>
          </>
        )}{' '}
        Started {formatDate(story.createdAt)}.
      </p>
      <p
        className={`pxr-save-status${status.state === 'failed' || status.state === 'retrying' ? ' pxr-save-status--problem' : ''}`}
        role="status"
        aria-atomic="true"
      >
        {status.state === 'idle' ? 'Saved' : metaStatusText(status)}
      </p>
      {notice !== null && (
        <p className="nhsuk-body pxr-story-notice" role="status" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}
    </>
  );
}

type DetailsProps = {
  fields: StoryDraftFields;
  readOnly: boolean;
  saveErrors: readonly FieldError[];
  change: (patch: Partial<StoryDraftFields>) => void;
  headingRef?: Ref<HTMLHeadingElement>;
};

/** Title, storyteller, author and the round the story came from, saved as they are typed. */
export function StoryDetailsSection({ fields, readOnly, saveErrors, change, headingRef }: DetailsProps) {
  const [rounds] = useLoad(() => api['rounds:list']({}), []);
  return (
    <PageSection id="story-details" title="Details" headingRef={headingRef}>
      {/* A withdrawn story is final: its details stay as they were. */}
      <fieldset className="nhsuk-fieldset" disabled={readOnly}>
        <legend className="nhsuk-u-visually-hidden">Story details</legend>
        <TextField
          field="title"
          label="Title"
          value={fields.title}
          onChange={(title) => change({ title })}
          error={errorFor(saveErrors, 'title')}
        />
        <Radios
          field="storyteller"
          legend="Who told the story?"
          options={STORYTELLER_OPTIONS}
          value={fields.storyteller}
          onChange={(storyteller) => change({ storyteller })}
          inline
        />
        <TextField
          field="author"
          label="Written up by"
          value={fields.author}
          onChange={(author) => change({ author })}
          width="nhsuk-input--width-20"
          error={errorFor(saveErrors, 'author')}
        />
        <SelectField
          field="roundId"
          label="Did the story come from a round? (optional)"
          value={fields.roundId ?? ''}
          onChange={(value) => change({ roundId: value === '' ? null : value })}
          error={errorFor(saveErrors, 'roundId')}
        >
          <option value="">Not from a round</option>
          {rounds.state === 'ready' &&
            rounds.value.map((round) => (
              <option key={round.id} value={round.id}>
                {round.site}, {formatDate(round.startsAt)}
              </option>
            ))}
        </SelectField>
      </fieldset>
    </PageSection>
  );
}

type TagsProps = {
  story: StoryDetailDto;
  readOnly: boolean;
  onSaved: (next: StoryDetailDto) => void;
  headingRef?: Ref<HTMLHeadingElement>;
};

/** The story's tags and sentiment, once the tag catalogue has loaded. */
export function StoryTagsSection({ story, readOnly, onSaved, headingRef }: TagsProps) {
  const [catalogue, setCatalogue] = useLoad(() => api['tagging:frameworks']({}), []);
  const onCustomTag = useCallback(
    (tag: { id: string; label: string }) => {
      if (catalogue.state === 'ready') setCatalogue(withCustomTag(catalogue.value, tag));
    },
    [catalogue, setCatalogue],
  );
  return (
    <PageSection id="story-tags" title="Tags and sentiment" headingRef={headingRef}>
      {catalogue.state === 'loading' && <p className="nhsuk-body-s">Loading the tags…</p>}
      {catalogue.state === 'failed' && (
        <p className="nhsuk-body-s">Tags cannot be added just now. {catalogue.error.message}</p>
      )}
      {catalogue.state === 'ready' && (
        <StoryTagging
          story={story}
          catalogue={catalogue.value}
          readOnly={readOnly}
          onCustomTag={onCustomTag}
          onSaved={onSaved}
        />
      )}
    </PageSection>
  );
}
