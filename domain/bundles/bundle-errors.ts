import { AppError } from '../../ipc/errors';

// Why a bundle was refused. Each reason has its own plain message, written where it is raised;
// the reason lets the import screen and the command line tell them apart, and the tests check
// that each bad input gets its own.

export const BUNDLE_REFUSALS = [
  'not_bundle',
  'newer_format',
  'truncated',
  'damaged',
  'bad_signature',
  'wrong_recipient',
  'no_collection_key',
  'untrusted_signer',
  'invalid_record',
  'conflict',
  'cancelled',
] as const;
export type BundleRefusal = (typeof BUNDLE_REFUSALS)[number];

export class BundleError extends AppError {
  readonly reason: BundleRefusal;

  constructor(reason: BundleRefusal, message: string) {
    super(reason === 'conflict' ? 'locked' : 'validation', message, 'bundle');
    this.name = 'BundleError';
    this.reason = reason;
  }
}
