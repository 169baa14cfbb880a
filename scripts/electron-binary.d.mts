// Types for electron-binary.mjs, which stays plain JavaScript so `npm start` runs on bare Node.
export type ElectronBinary =
  { present: true; executablePath: string } | { present: false; executablePath: null };

export declare function findElectronBinary(options?: {
  projectRoot?: string;
  env?: NodeJS.ProcessEnv;
}): ElectronBinary;
