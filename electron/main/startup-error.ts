// Turns whatever stopped the app from starting into a title and plain words for an error box.
// The people reading it are board members on a ward, not developers.
import { ERROR_KINDS, errorTitle, type ErrorKind } from '../../ipc/errors';

export type StartupErrorText = { title: string; message: string };

function appErrorKind(error: unknown): ErrorKind | null {
  if (typeof error !== 'object' || error === null || !('kind' in error)) return null;
  return ERROR_KINDS.find((known) => known === error.kind) ?? null;
}

function technicalDetail(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('detail' in error)) return null;
  return typeof error.detail === 'string' && error.detail !== '' ? error.detail : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The Electron build of the database driver is missing, or was built for another Electron:
// a developer set-up problem, or a damaged installation.
function isNativeModuleProblem(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = messageOf(error);
  return (
    message.includes('better_sqlite3.node') ||
    message.includes('NODE_MODULE_VERSION') ||
    code === 'ERR_DLOPEN_FAILED'
  );
}

export function describeStartupError(error: unknown): StartupErrorText {
  const kind = appErrorKind(error);
  if (kind !== null) {
    // App errors already carry a message written for the person using the app; the technical
    // detail, when there is one, comes after it for whoever is asked to help.
    const detail = technicalDetail(error);
    return {
      title: errorTitle(kind),
      message: detail ? `${messageOf(error)}\n\nTechnical details: ${detail}` : messageOf(error),
    };
  }
  if (isNativeModuleProblem(error)) {
    return {
      title: 'PX Rounds is not installed correctly',
      message:
        'A part PX Rounds needs to open your data is missing or does not match this version. Your data has not been changed. Please reinstall PX Rounds. (Developers: run "node scripts/prepare-electron-native.mjs".)',
    };
  }
  return {
    title: 'PX Rounds could not start',
    message: `Something went wrong while opening your data. Nothing has been changed. If it happens again, tell your IT service desk and quote: ${messageOf(error)}`,
  };
}
