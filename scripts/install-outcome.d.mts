// Types for install-outcome.mjs, which stays plain JavaScript so `npm install` runs it on bare Node.
export declare function installOutcome(facts: {
  installerRan: boolean;
  installerStatus: number | null;
  installerError: string;
  binaryPresent: boolean;
}): { message: string | null };
