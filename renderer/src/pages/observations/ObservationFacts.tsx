import type { ObservationDto } from '../../../../ipc/contract';
import { asksFft, EQUALITY_STATUS_TEXT, FFT_TEXT, IMPACT_TEXT, SENTIMENT_TEXT } from '../../lib/labels';

type Props = { observation: ObservationDto; equalityFrameworkId: string };

/**
 * What an observation was tagged with and how it felt, as stored. Whether the sentiment was
 * confirmed by a person or is only the app's suggestion is always said in words.
 */
export function ObservationFacts({ observation, equalityFrameworkId }: Props) {
  const themes = observation.tags.filter((t) => t.frameworkId !== equalityFrameworkId);
  const groups = observation.tags.filter((t) => t.frameworkId === equalityFrameworkId);
  return (
    <dl className="pxr-facts">
      <div className="pxr-facts__row">
        <dt>Sentiment</dt>
        <dd>
          <SentimentText observation={observation} />
        </dd>
      </div>
      <div className="pxr-facts__row">
        <dt>Tags</dt>
        <dd>
          {themes.length === 0 ? (
            'None'
          ) : (
            <ul className="pxr-chips pxr-chips--static">
              {themes.map((tag) => (
                <li className="pxr-chip" key={`${tag.frameworkId}/${tag.tagId}`}>
                  {tag.label}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="pxr-facts__row">
        <dt>Equality groups</dt>
        <dd>
          {groups.length === 0 ? (
            EQUALITY_STATUS_TEXT[observation.equalityStatus]
          ) : (
            <ul className="pxr-chips pxr-chips--static">
              {groups.map((tag) => (
                <li className="pxr-chip pxr-chip--equality" key={tag.tagId}>
                  {tag.label}
                  {tag.description !== null && tag.description !== '' ? `: ${tag.description}` : ''}
                  {tag.impact !== null && (
                    <span className="pxr-chip__impact">
                      {' '}
                      — {IMPACT_TEXT[tag.impact].toLocaleLowerCase('en-GB')} impact
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {asksFft(observation.kind) && observation.fftAnswer !== null && (
        <div className="pxr-facts__row">
          <dt>Friends and Family Test</dt>
          <dd>{FFT_TEXT[observation.fftAnswer]}</dd>
        </div>
      )}
    </dl>
  );
}

function SentimentText({ observation }: { observation: ObservationDto }) {
  const { sentimentConfirmed: confirmed, sentimentSuggested: suggested } = observation;
  if (confirmed !== null) {
    return (
      <>
        <strong>{SENTIMENT_TEXT[confirmed]}</strong> (confirmed
        {suggested !== null && suggested !== confirmed
          ? `; the app suggested ${SENTIMENT_TEXT[suggested].toLocaleLowerCase('en-GB')}`
          : ''}
        )
      </>
    );
  }
  if (suggested !== null) {
    return (
      <>
        {SENTIMENT_TEXT[suggested]} <span className="pxr-muted">(suggested, not yet confirmed)</span>
      </>
    );
  }
  return <>Not known</>;
}
