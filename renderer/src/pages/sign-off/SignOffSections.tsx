// The sign-off page's parts that only show: the page while its record loads or fails, the tag
// that says where the record stands, and what a signed-off record offers (who signed, corrections,
// the export).
import type { Ref } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import type { SignOffKind } from '../../../../ipc/sign-off-schemas';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { PageSection } from '../../components/PageSection';
import type { Loadable } from '../../lib/use-load';
import { RecordExport } from './RecordExport';
import { AddCorrection, Addenda, SignOffSummary } from './SignedOffRecord';

type SignOffDetailDto = ResponseOf<'sign-off:get'>;

type LoadingProps = {
  back: { href: string; label: string };
  review: Exclude<Loadable<SignOffDetailDto>, { state: 'ready' }>;
  retry: () => void;
};

/** The page before its record has loaded, or when it could not be, with a way to try again. */
export function SignOffLoading({ back, review, retry }: LoadingProps) {
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

type StateProps = { signOff: SignOffDetailDto['signOff']; readyToSign: boolean };

/** Signed off, ready to sign off, or not ready yet. */
export function SignOffStateTag({ signOff, readyToSign }: StateProps) {
  return (
    <p className="nhsuk-body">
      {signOff !== null ? (
        <strong className="nhsuk-tag nhsuk-tag--purple">Signed off</strong>
      ) : readyToSign ? (
        <strong className="nhsuk-tag nhsuk-tag--green">Ready to sign off</strong>
      ) : (
        <strong className="nhsuk-tag nhsuk-tag--orange">Not ready to sign off</strong>
      )}
    </p>
  );
}

type SignedProps = {
  kind: SignOffKind;
  id: string;
  signOff: NonNullable<SignOffDetailDto['signOff']>;
  addenda: SignOffDetailDto['addenda'];
  /** Takes focus just after signing, so the person hears that it worked. */
  headingRef: Ref<HTMLHeadingElement>;
  onCorrection: (text: string) => void;
};

/** Who signed and when, the corrections added since, and the signed export. */
export function SignedOffSections({ kind, id, signOff, addenda, headingRef, onCorrection }: SignedProps) {
  return (
    <>
      <PageSection id="signed-off-heading" title="Signed off" headingRef={headingRef}>
        <SignOffSummary signOff={signOff} />
      </PageSection>
      <PageSection id="corrections-heading" title={`Corrections (${addenda.length})`}>
        <Addenda addenda={addenda} />
        <AddCorrection kind={kind} id={id} onAdded={onCorrection} />
      </PageSection>
      <PageSection id="export-heading" title="Export as Word document">
        <RecordExport kind={kind} id={id} />
      </PageSection>
    </>
  );
}
