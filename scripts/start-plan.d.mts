// Types for start-plan.mjs, which stays plain JavaScript so `npm start` runs on bare Node.
export declare const DESKTOP_UNAVAILABLE_MESSAGE: string;
export declare function chooseStartMode(facts: { electronPresent: boolean }): 'desktop' | 'browser';
export declare function browserOpener(platform: string, url: string): { command: string; args: string[] };
export declare function hostAddress(line: string): string | null;
export declare function browserDataFolder(facts: {
  platform: string;
  env: Record<string, string | undefined>;
  home?: string;
}): string;
