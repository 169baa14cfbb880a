import { EXPORT_KINDS, type EqualityImpact, type ExportKind } from '../../ipc/vocabulary';

// What every document PX Rounds prints is, shared by the feature that signs records off and the
// one that exports them: the kinds of document, the sentence a signer attests to on each, and
// how an equality tag is printed. Pure data; neither feature's code.

// A document's type is its export kind, spelt as the channel, the database and the screens spell it.
export const DOCUMENT_TYPES = EXPORT_KINDS;
export type DocumentType = ExportKind;

/** An equality group an observation or story speaks to, and how the experience affected it. */
export type EqualityTagModel = {
  /** The group's label from the equality framework, e.g. "Disability". */
  group: string;
  impact: EqualityImpact;
};

export const DEFAULT_ATTESTATIONS: Readonly<Record<DocumentType, string>> = {
  round_summary:
    'I confirm that this is a fair and accurate record of what the visiting team saw and heard on this round, and that personal details have been removed or kept only with a recorded reason.',
  story:
    'I confirm that this story is told as the storyteller approved it when it was read back to them, and that it is shared only as their consent allows.',
  period_report:
    'I confirm that this report fairly summarises the patient experience information recorded for the period, and that small numbers have been suppressed so that no one can be identified.',
  you_said_we_did:
    'I confirm that the actions on this poster have been taken as described and that the wording has been checked for plain language.',
};
