import type { ActionStatus } from '../../ipc/vocabulary';

// The parts every export's view-model shares. View-models are plain data, already checked
// and already cleared of personal data (see personal-data-gate.ts): the builders format them
// and add nothing of their own, least of all anyone's name.

/** The Government Security Classification marking printed at the top of every page. */
export type SecurityMarking = 'OFFICIAL-SENSITIVE' | 'OFFICIAL';

export type SignOffModel = {
  /** The signer's name as it should appear in the document and the signature manifest. */
  signerName: string;
  /** Their role, e.g. "Non-Executive Director". */
  signerRole: string;
  /** The sentence the signer attests to, printed above their name (see DEFAULT_ATTESTATIONS in domain/documents). */
  attestation: string;
  /** When they signed, ISO 8601 (UTC). The same instant goes into the signature manifest. */
  signedAt: string;
  /** The id of the key they sign with (signing-keys.ts), printed as a fingerprint to compare by eye. */
  keyId: string;
};

export type DocumentBase = {
  /** The trust's name, printed above the title. */
  organisation: string;
  /**
   * Defaults to OFFICIAL-SENSITIVE (these documents carry patients' experiences), and to
   * OFFICIAL for a poster, which is made for public display.
   */
  marking?: SecurityMarking;
  signOff: SignOffModel;
  /**
   * The file name the document will be saved under, so the footer's verify command can name
   * it; "FILE" when not known.
   */
  fileName?: string;
};

/** A "You said, we did" action. */
export type ActionModel = {
  /** What was said or seen that prompted it, in the words that may leave the app. */
  youSaid: string;
  /** What will be (or was) done. */
  weWill: string;
  /** Who owns it: a role or a named member of staff. */
  owner: string;
  area: string;
  /** YYYY-MM-DD, or null when no date was set. */
  due: string | null;
  status: ActionStatus;
};
