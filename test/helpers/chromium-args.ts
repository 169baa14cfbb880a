// Debian's Chromium as the tests and benches start it, not a Playwright download: the flags keep
// it from phoning home (updates, sync, QUIC), so every request it makes is the app's.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
