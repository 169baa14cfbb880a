import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { SignOffKind } from '../../../../ipc/sign-off-schemas';
import { PageHeading } from '../../components/PageHeading';
import { PageSection } from '../../components/PageSection';
import { hrefFor } from '../../lib/routes';
import { useAnnouncer } from '../../lib/use-announcer';
import { decideFinding, type DecideFinding } from '../../components/PersonalDataPanel';
import { Blockers, PersonalDataChecks, type ReviewItemDto } from './SignOffChecks';
import { PlainLanguageChecks, replacementId, type ReplaceJargon } from './PlainLanguageReview';
import { SignOffForm } from './SignOffForm';
import { SignedOffSections, SignOffLoading, SignOffStateTag } from './SignOffSections';
import { useSignOffRecord } from './use-sign-off-record';

type Props = { kind: SignOffKind; id: string };

/**
 * Review and sign-off of a completed round or an approved story: the personal-data check item
 * by item, the plain-language check, what still stops it, then the signature; once signed, who
 * signed and when, corrections, and the export.
 */
export function SignOffPage({ kind, id }: Props) {
  const { review, retry, reload } = useSignOffRecord(kind, id);
  const [message, announce] = useAnnouncer();
  const signedHeading = useRef<HTMLHeadingElement>(null);
  const justSigned = useRef(false);
  const back =
    kind === 'round'
      ? { href: hrefFor({ name: 'round', roundId: id }), label: 'Back to the round' }
      : { href: hrefFor({ name: 'story', storyId: id }), label: 'Back to the story' };

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

  // The one-key jargon fix: its button goes once the plain words are chosen, so the focus moves
  // to the line that says what the document will read.
  const [jargonProblem, setJargonProblem] = useState<AppErrorShape | null>(null);
  const focusAfterReload = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfterReload.current;
    if (review.state !== 'ready' || id === null) return;
    focusAfterReload.current = null;
    document.getElementById(id)?.focus();
  }, [review]);
  const replaceJargon: ReplaceJargon = (item, term, words) => {
    void (async () => {
      const result = await api['clearance:plain-words']({
        itemKind: item.itemKind,
        itemId: item.itemId,
        term,
      });
      setJargonProblem(result.ok ? null : result.error);
      if (!result.ok) return;
      focusAfterReload.current = replacementId(item.itemId, term);
      await reload();
      announce(`“${term}” will read “${words}” in what is signed and exported.`);
    })();
  };

  if (review.state !== 'ready') return <SignOffLoading back={back} review={review} retry={retry} />;

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
      <SignOffStateTag signOff={value.signOff} readyToSign={value.readyToSign} />
      <p className="nhsuk-u-visually-hidden" role="status">
        {message}
      </p>

      <PageSection id="review-summary" title="Summary">
        <ul className="nhsuk-list nhsuk-list--bullet">
          {value.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </PageSection>

      <PageSection id="review-personal-data" title="Personal details check">
        <PersonalDataChecks
          roundId={roundId}
          items={value.items}
          readOnly={value.signOff !== null}
          onDecide={decide}
        />
      </PageSection>

      <PageSection id="review-plain-language" title="Plain language check">
        {jargonProblem !== null && <ProblemAlert problem={jargonProblem} />}
        <PlainLanguageChecks
          roundId={roundId}
          items={value.items}
          onReplace={value.signOff === null ? replaceJargon : undefined}
        />
      </PageSection>

      {value.signOff === null ? (
        <PageSection id="sign-off-heading" title="Sign off">
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
        </PageSection>
      ) : (
        <SignedOffSections
          kind={kind}
          id={id}
          signOff={value.signOff}
          addenda={value.addenda}
          headingRef={signedHeading}
          onCorrection={(text) => {
            announce(text);
            void reload();
          }}
        />
      )}
    </>
  );
}
