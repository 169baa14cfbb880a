// NHS numbers: ten digits, the last a Modulus 11 check digit over the first nine.
// https://www.datadictionary.nhs.uk/attributes/nhs_number.html

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

// The forms people write: unbroken, or grouped 3-3-4 with one kind of separator throughout.
// Anything else (4-3-3, mixed separators) is not an NHS number as written on letters or wristbands.
const WRITTEN_FORM = /^(\d{3})([ \u00A0-]?)(\d{3})\2(\d{4})$/;

/** The ten digits of an NHS number as written ("999 123 4560", "999-123-4560"), or null. */
export function nhsNumberDigits(written: string): string | null {
  const match = WRITTEN_FORM.exec(written.trim());
  if (!match) return null;
  return `${match[1]}${match[3]}${match[4]}`;
}

/**
 * The check digit the first nine digits call for: 11 − (weighted sum mod 11), where 11 means
 * 0 and 10 means no valid NHS number can start with these nine digits (returns null).
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(firstNine[i]) * (WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/**
 * True when `digits` is a valid NHS number. Accepts the ten digits alone or the written
 * 3-3-4 forms with spaces or hyphens, so the scanner can pass what it found as it was written.
 */
export function isValidNhsNumber(digits: string): boolean {
  const ten = nhsNumberDigits(digits);
  if (ten === null) return false;
  const expected = nhsCheckDigit(ten.slice(0, 9));
  return expected !== null && expected === Number(ten[9]);
}
