// Work that must happen soon but need not hold up what a key press shows: it runs just after the
// next frame has been drawn. A hidden window draws no frames, so it also runs after at most
// FALLBACK_MS whatever happens.
const FALLBACK_MS = 100;

export function afterNextFrame(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, FALLBACK_MS);
}
