import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { SignableKind } from '../../../../ipc/export-schemas';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { hrefFor } from '../../lib/routes';
import { useAnnouncer } from '../../lib/use-announcer';
import { useLoad } from '../../lib/use-load';
import { decideFinding, type DecideFinding } from '../stories/PersonalDataPanel';
import { Blockers, PersonalDataChecks, PlainLanguageChecks, type ReviewItemDto } from './ReviewChecks';
import { RecordExport } from './RecordExport';
import { AddCorrection, Addenda, SignOffSummary } from './SignedOffRecord';
import { SignOffForm } from './SignOffForm';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="pxr-story-section" aria-labelledby={id}>
      <h2 className="nhsuk-heading-m" id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

type Props = { kind: SignableKind; id: string };

/**
 * Review and sign-off of a completed round or an approved story: the personal-data check item
 * by item, the plain-language check, what still stops it, then the signature; once signed, who
 * signed and when, corrections, and the export.
 */
export function ReviewPage({ kind, id }: Props) {
  const [review, setReview, retry] = useLoad(() => api['review:get']({ kind, id }), [kind, id]);
  const [message, announce] = useAnnouncer();
  const signedHeading = useRef<HTMLHeadingElement>(null);
  const justSigned = useRef(false);
  const back =
    kind === 'round'
      ? { href: hrefFor({ name: 'round', roundId: id }), label: 'Back to the round' }
      : { href: hrefFor({ name: 'story', storyId: id }), label: 'Back to the story' };

  const reload = useCallback(async () => {
    const next = await api['review:get']({ kind, id });
    if (next.ok) setReview(next.value);
  }, [kind, id, setReview]);

  const signedOff = review.state === 'ready' && review.value.signOff !== null;
  useEffect(() => {
    if (signedOff && justSigned.current) signedHeading.current?.focus();
  }, [signedOff]);

  const decide =
    (item: ReviewItemDto): DecideFinding =>
    async (finding, choice) => {
      const result = await decideFinding(item, finding, choice);
      if (!result.ok) return result.error;
      await reload();
      announce(
        choice.decision === 'redacted'
          ? `“${finding.text}” will be removed.`
          : `“${finding.text}” is kept: ${choice.reason}`,
      );
      return null;
    };

  if (review.state !== 'ready') {
    return (
      <>
        <a className="nhsuk-back-link" href={back.href}>
          {back.label}
        </a>
        <PageHeading title="Review and sign off" hasErrors={review.state === 'failed'}>
          Review and sign off
        </PageHeading>
        {review.state === 'loading' && <p aria-live="polite">Loading the review…</p>}
        {review.state === 'failed' && (
          <>
            <ErrorSummary problem={review.error} />
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={retry}>
              Try again
            </button>
          </>
        )}
      </>
    );
  }

  const value = review.value;
  const roundId = kind === 'round' ? id : null;

  return (
    <>
      <a className="nhsuk-back-link" href={back.href}>
        {back.label}
      </a>
      <PageHeading title={`Review and sign off: ${value.title}`}>
        <span className="nhsuk-caption-l">Review and sign off</span>
        {value.title}
      </PageHeading>
      <p className="nhsuk-body">
        {value.signOff !== null ? (
          <strong className="nhsuk-tag nhsuk-tag--purple">Signed off</strong>
        ) : value.readyToSign ? (
          <strong className="nhsuk-tag nhsuk-tag--green">Ready to sign off</strong>
        ) : (
          <strong className="nhsuk-tag nhsuk-tag--orange">Not ready to sign off</strong>
        )}
      </p>
      <p className="nhsuk-u-visually-hidden" role="status">
        {message}
      </p>

      <Section id="review-summary" title="Summary">
        <ul className="nhsuk-list nhsuk-list--bullet">
          {value.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Section>

      <Section id="review-personal-data" title="Personal details check">
        <PersonalDataChecks
          roundId={roundId}
          items={value.items}
          readOnly={value.signOff !== null}
          onDecide={decide}
        />
      </Section>

      <Section id="review-plain-language" title="Plain language check">
        <PlainLanguageChecks roundId={roundId} items={value.items} />
      </Section>

      {value.signOff === null ? (
        <Section id="sign-off-heading" title="Sign off">
          {value.blockers.length > 0 && <Blockers blockers={value.blockers} />}
          {value.readyToSign ? (
            <SignOffForm
              kind={kind}
              id={id}
              defaultAttestation={value.defaultAttestation}
              onSigned={() => {
                justSigned.current = true;
                void reload();
              }}
            />
          ) : (
            <p className="nhsuk-body">You can sign off once everything listed above is resolved.</p>
          )}
        </Section>
      ) : (
        <>
          <section className="pxr-story-section" aria-labelledby="signed-off-heading">
            <h2 className="nhsuk-heading-m" id="signed-off-heading" tabIndex={-1} ref={signedHeading}>
              Signed off
            </h2>
            <SignOffSummary signOff={value.signOff} />
          </section>
          <Section id="corrections-heading" title={`Corrections (${value.addenda.length})`}>
            <Addenda addenda={value.addenda} />
            <AddCorrection
              kind={kind}
              id={id}
              onAdded={(text) => {
                announce(text);
                void reload();
              }}
            />
          </Section>
          <Section id="export-heading" title="Export as Word document">
            <RecordExport kind={kind} id={id} />
          </Section>
        </>
      )}
    </>
  );
}
