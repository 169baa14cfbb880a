// What `npm install` says about the Electron binary, decided apart from the download so it can
// be tested: nothing when the binary is there, otherwise one line (never a stack trace), and
// never a failed install.
import { DESKTOP_UNAVAILABLE_MESSAGE } from './start-plan.mjs';

/**
 * @param {{ installerRan: boolean, installerStatus: number | null, installerError: string, binaryPresent: boolean }} facts
 * @returns {{ message: string | null }}
 */
export function installOutcome({ installerRan, installerStatus, installerError, binaryPresent }) {
  if (binaryPresent) return { message: null };
  if (!installerRan) return { message: DESKTOP_UNAVAILABLE_MESSAGE };
  const reason =
    installerStatus === 0
      ? 'its download was skipped'
      : `its download failed: ${firstErrorLine(installerError)}`;
  return { message: `${DESKTOP_UNAVAILABLE_MESSAGE} (${reason})` };
}

function firstErrorLine(text) {
  const line = text
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part !== '');
  return line ?? 'no reason given';
}
