// Errors that cross the IPC boundary. Each has a kind the UI turns into plain words; the
// message is already written for the person using the app.

export const ERROR_KINDS = [
  'validation',
  'not_found',
  'locked',
  'storage',
  'newer_database',
  'changed_migration',
  'corrupt',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export type AppErrorShape = {
  kind: ErrorKind;
  message: string;
  /** For validation errors: the dotted path of the field at fault, e.g. "team.0.name". */
  field?: string;
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | undefined;

  constructor(kind: ErrorKind, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.field = field;
  }

  toShape(): AppErrorShape {
    return this.field === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, field: this.field };
  }
}

export const validationError = (field: string, message: string) => new AppError('validation', message, field);
export const notFoundError = (what: string) =>
  new AppError('not_found', `${what} could not be found. It may have been deleted.`);
export const lockedError = (message: string) => new AppError('locked', message);
export const storageError = (message: string) => new AppError('storage', message);

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** What the UI shows as the heading of an error, by kind. */
export function errorTitle(kind: ErrorKind): string {
  switch (kind) {
    case 'validation':
      return 'Check what you entered';
    case 'not_found':
      return 'This item is no longer there';
    case 'locked':
      return 'This can no longer be changed';
    case 'storage':
      return 'Your work could not be saved';
    case 'newer_database':
      return 'This data needs a newer version of PX Rounds';
    case 'changed_migration':
      return 'This copy of PX Rounds does not match your data';
    case 'corrupt':
      return 'The data file is damaged';
    default:
      return assertNever(kind);
  }
}
