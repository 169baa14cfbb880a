// Local ids for drafts. crypto.randomUUID needs a secure context; app:// and 127.0.0.1 are
// secure, but a fallback keeps drafts working if either is ever served otherwise.
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
