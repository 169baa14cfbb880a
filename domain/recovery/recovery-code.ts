// How a recovery secret is written for a person: Crockford's base32 (no I, L, O or U, so
// nothing reads as another character; those typed are taken as 1, 1 and 0), in groups of five,
// each group four characters of the secret and one check character. The check is computed in
// GF(32), so within a group any one wrong character and any two characters swapped are caught,
// and the group's position is mixed in, so two whole groups swapped are caught too. A typo is
// then named by its group ("group 3 looks mistyped") before any decryption is tried.
// Pure: no Node or DOM, so it can be checked anywhere.

export const SECRET_BYTES = 20;
const DATA_PER_GROUP = 4;
const GROUP_LENGTH = DATA_PER_GROUP + 1;
const DATA_CHARACTERS = (SECRET_BYTES * 8) / 5;
export const GROUP_COUNT = DATA_CHARACTERS / DATA_PER_GROUP;
export const CODE_CHARACTERS = GROUP_COUNT * GROUP_LENGTH;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const READ_AS: Record<string, string> = { I: '1', L: '1', O: '0' };

// GF(2^5) with the primitive polynomial x^5 + x^2 + 1: addition is XOR.
function multiply(a: number, b: number): number {
  let product = 0;
  let x = a;
  let y = b;
  while (y > 0) {
    if (y & 1) product ^= x;
    y >>= 1;
    x <<= 1;
    if (x & 0b100000) x ^= 0b100101;
  }
  return product;
}

// Distinct non-zero weights for the four secret characters; the check character's weight is 1.
const WEIGHTS = [16, 8, 4, 2] as const;
// A distinct non-zero constant for each group's position (powers of the generator 2).
const groupConstant = (group: number) => {
  let value = 1;
  for (let i = 0; i < group + 5; i += 1) value = multiply(value, 2);
  return value;
};

function checkValue(group: number, data: readonly number[]): number {
  return data.reduce((sum, value, i) => sum ^ multiply(WEIGHTS[i]!, value), groupConstant(group));
}

function toDigits(secret: Uint8Array): number[] {
  const digits: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of secret) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      digits.push((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
  }
  return digits;
}

function fromDigits(digits: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(SECRET_BYTES);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const digit of digits) {
    buffer = (buffer << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 255;
    }
    buffer &= (1 << bits) - 1;
  }
  return bytes;
}

/** The groups of a recovery key for a secret, e.g. ["7K3QF", "M9X2A", …]. */
export function encodeRecoveryGroups(secret: Uint8Array): string[] {
  if (secret.length !== SECRET_BYTES) throw new Error(`A recovery secret is ${SECRET_BYTES} bytes.`);
  const digits = toDigits(secret);
  const groups: string[] = [];
  for (let group = 0; group < GROUP_COUNT; group += 1) {
    const data = digits.slice(group * DATA_PER_GROUP, (group + 1) * DATA_PER_GROUP);
    groups.push([...data, checkValue(group, data)].map((d) => ALPHABET[d]).join(''));
  }
  return groups;
}

export function formatRecoveryKey(secret: Uint8Array): string {
  return encodeRecoveryGroups(secret).join('-');
}

export type ParsedRecoveryKey = { ok: true; secret: Uint8Array } | { ok: false; message: string };

const listGroups = (numbers: number[]) => {
  const words = numbers.map(String);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
};

/**
 * Reads a recovery key as a person typed it: any case, with or without hyphens and spaces. Says
 * which group is wrong when one is, so the person checks that group rather than the whole key.
 */
export function parseRecoveryKey(typed: string): ParsedRecoveryKey {
  const characters = typed.toUpperCase().replace(/[\s\-–—]+/g, '');
  if (characters.length === 0) return { ok: false, message: 'Enter your recovery key' };
  if (characters.length !== CODE_CHARACTERS) {
    return {
      ok: false,
      message: `A recovery key has ${CODE_CHARACTERS} letters and numbers in ${GROUP_COUNT} groups of ${GROUP_LENGTH}; this has ${characters.length}. Check for a missing or extra character.`,
    };
  }
  const unknown: number[] = [];
  const mistyped: number[] = [];
  const digits: number[] = [];
  for (let group = 0; group < GROUP_COUNT; group += 1) {
    const values = [...characters.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH)].map((c) =>
      ALPHABET.indexOf(READ_AS[c] ?? c),
    );
    if (values.some((v) => v < 0)) {
      unknown.push(group + 1);
      continue;
    }
    const data = values.slice(0, DATA_PER_GROUP);
    if (checkValue(group, data) !== values[DATA_PER_GROUP]) mistyped.push(group + 1);
    digits.push(...data);
  }
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `${unknown.length === 1 ? 'Group' : 'Groups'} ${listGroups(unknown)} ${unknown.length === 1 ? 'has a character' : 'have characters'} that recovery keys never use. Recovery keys use only the numbers 0 to 9 and the letters A to Z without U.`,
    };
  }
  if (mistyped.length > 0) {
    return {
      ok: false,
      message: `${mistyped.length === 1 ? 'Group' : 'Groups'} ${listGroups(mistyped)} ${mistyped.length === 1 ? 'looks' : 'look'} mistyped. Check ${mistyped.length === 1 ? 'it' : 'them'} against your printed or saved recovery key.`,
    };
  }
  return { ok: true, secret: fromDigits(digits) };
}
