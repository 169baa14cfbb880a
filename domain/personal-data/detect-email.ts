// Email addresses. Found by walking out from each "@" rather than with one big pattern: a
// pattern that starts with "[local-part chars]+" retries at every letter of a long word and
// goes quadratic on a 1 MB paste; walking from "@" visits each character at most twice.

import type { Candidate } from './finding';

const isAlphanumeric = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// . _ % + ' - in the local part; . and - in the domain.
const isLocalChar = (c: number) =>
  isAlphanumeric(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 39 || c === 45;
const isDomainChar = (c: number) => isAlphanumeric(c) || c === 46 || c === 45;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
// The domain must end in a dot and an alphabetic top-level domain ("nhs.net", "trust.nhs.uk").
const DOMAIN =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$/;

export function findEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end += 1;
    // A full stop or hyphen at either edge belongs to the sentence, not the address.
    while (start < at && /[.'-]/.test(text[start] as string)) start += 1;
    while (end > at + 1 && /[.-]/.test(text[end - 1] as string)) end -= 1;
    const local = text.slice(start, at);
    const domain = text.slice(at + 1, end);
    if (local.length > 0 && domain.includes('.') && !local.includes('..') && DOMAIN.test(domain)) {
      found.push({ kind: 'email', start, end, text: text.slice(start, end), reason: 'email address' });
    }
    at = text.indexOf('@', at + 1);
  }
  return found;
}
