// Number-shaped identifiers: NHS numbers, UK phone numbers and hospital (MRN-like) numbers.
// Every pattern has bounded quantifiers over disjoint character classes, so each start
// position costs a constant amount of work and a 1 MB paste scans in linear time.

import type { Candidate } from './finding';
import { isValidNhsNumber } from './nhs-number';

// 3-3-4 grouping with one separator kind, or ten unbroken digits; not inside a longer word
// or number. U+00A0 is there because text pasted from Word often carries no-break spaces.
const NHS_NUMBER = /(?<![\w])\d{3}([ \u00A0-]?)\d{3}\1\d{4}(?![\w])/g;

export function findNhsNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(NHS_NUMBER)) {
    // A ten-digit string that fails the check digit is not an NHS number; the phone rule
    // may still claim it.
    if (!isValidNhsNumber(match[0])) continue;
    found.push({
      kind: 'nhs_number',
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      reason: 'NHS number (ten digits with a valid check digit)',
    });
  }
  return found;
}

// A UK number starts with 0, "(0", +44 or 0044 (optionally "(0)" after the country code),
// then nine or ten more digits with at most two spaces, brackets or hyphens between digits.
const PHONE =
  /(?<![\w+])(?:(?:\+|00)44[ \u00A0-]?(?:\(0\)[ \u00A0-]?)?|\(?0)(?:[ \u00A0()-]{0,2}\d){9,10}(?!\d)/g;

// National forms (leading 0) by length. Mobiles (07), London/non-geographic (02, 03) and
// most numbers are 11 digits; some 01 areas and the freephone 0800/0500 ranges also have 10.
function isUkNationalNumber(national: string): boolean {
  if (national.length === 11) return /^0[1235789]/.test(national);
  if (national.length === 10) return /^0(?:1|800|500)/.test(national);
  return false;
}

export function findPhoneNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(PHONE)) {
    const raw = match[0];
    const digits = raw.replace(/\D/g, '');
    // +44 20…, 0044 20… and +44 (0)20… all mean 020…
    const national = /^(?:\+|00)/.test(raw)
      ? `0${digits.replace(/^(?:00)?44/, '').replace(/^0/, '')}`
      : digits;
    if (!isUkNationalNumber(national)) continue;
    found.push({
      kind: 'phone',
      start: match.index,
      end: match.index + raw.length,
      text: raw,
      reason: 'UK phone number',
    });
  }
  return found;
}

// Words that announce a hospital-issued identifier. "NHS number" is here too: a ten-digit
// number after it that fails the check digit is most likely a mistyped NHS number, and still
// identifies someone.
const ID_CONTEXT =
  /\b(?:M\.?R\.?N|medical[ \u00A0]record[ \u00A0](?:number|no)|hospital[ \u00A0](?:number|no|num|id)|hosp\.?[ \u00A0]?(?:no|number)|patient[ \u00A0](?:number|no|id)|unit[ \u00A0](?:number|no)|case[ \u00A0](?:number|no)|record[ \u00A0](?:number|no)|RM[ \u00A0]number|PAS[ \u00A0](?:number|no|id)|NHS[ \u00A0](?:number|no|num)|CHI[ \u00A0](?:number|no))\b\.?(?:[ \u00A0]?[:#=-])?[ \u00A0]{0,3}(?:is[ \u00A0]{1,3})?\(?/gi;

// What follows the context words: an NHS-style grouped number, or up to four letters and
// 4–12 digits with an optional letter suffix ("RM123456", "A123456", "12345678", "1234567B").
const ID_AFTER_CONTEXT =
  /^(?:\d{3}[ \u00A0-]\d{3}[ \u00A0-]\d{4}|[A-Za-z]{0,4}[ \u00A0-]?\d{4,12}[A-Za-z]?)(?![\w])/;

// Without context: one to three capital letters directly followed by six to nine digits, the
// shape of most English trusts' hospital numbers ("H1234567", "RM123456", "MRN1234567").
// Nothing else in patient feedback looks like that; postcodes never have six digits.
const LETTER_PREFIXED_ID = /(?<![\p{L}\d])[A-Z]{1,3}\d{6,9}(?![\p{L}\d])/gu;

export function findHospitalNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(ID_CONTEXT)) {
    const idStart = match.index + match[0].length;
    // The identifier is at most ~20 characters, so look at a bounded slice only.
    const id = ID_AFTER_CONTEXT.exec(text.slice(idStart, idStart + 24));
    if (!id) continue;
    found.push({
      kind: 'hospital_number',
      start: idStart,
      end: idStart + id[0].length,
      text: id[0],
      reason: `identifier after "${match[0].trim()}"`,
    });
  }
  for (const match of text.matchAll(LETTER_PREFIXED_ID)) {
    found.push({
      kind: 'hospital_number',
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      reason: 'letters followed by a long number, the shape of a hospital number',
    });
  }
  return found;
}
