import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CODE_CHARACTERS,
  encodeRecoveryGroups,
  formatRecoveryKey,
  GROUP_COUNT,
  parseRecoveryKey,
  SECRET_BYTES,
} from './recovery-code';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const secrets = Array.from({ length: 40 }, () => randomBytes(SECRET_BYTES));
const fixed = Buffer.from('00112233445566778899aabbccddeeff01234567', 'hex');

const charactersOf = (secret: Uint8Array) => encodeRecoveryGroups(secret).join('');
const regroup = (characters: string) => characters.match(/.{5}/g)!.join('-');
const parsedSecret = (typed: string) => {
  const parsed = parseRecoveryKey(typed);
  if (!parsed.ok) throw new Error(parsed.message);
  return Buffer.from(parsed.secret);
};
const mistakeIn = (typed: string) => {
  const parsed = parseRecoveryKey(typed);
  return parsed.ok ? null : parsed.message;
};

describe('recovery key format', () => {
  it('writes 160 bits as eight groups of five Crockford base32 characters, the same every time', () => {
    expect(GROUP_COUNT).toBe(8);
    expect(CODE_CHARACTERS).toBe(40);
    const key = formatRecoveryKey(fixed);
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(key).toBe('008J1-4CT40-ANK7M-F24SH-NAXWH-SQFEM-ZW0JV-6HB7T');
    // The first four characters of each group are the secret in base32 (RFC 4648's alphabet
    // A-Z2-7 mapped onto Crockford's 0-9A-Z without I, L, O, U, as Python's b32encode gives it).
    expect(
      encodeRecoveryGroups(fixed)
        .map((g) => g.slice(0, 4))
        .join(''),
    ).toBe('008J4CT4ANK7F24SNAXWSQFEZW0J6HB7');
  });

  it('reads back every secret it writes, in any case and with or without separators', () => {
    for (const secret of secrets) {
      const key = formatRecoveryKey(secret);
      expect(parsedSecret(key).equals(secret)).toBe(true);
      expect(parsedSecret(key.toLowerCase().replaceAll('-', ' ')).equals(secret)).toBe(true);
      expect(parsedSecret(key.replaceAll('-', '')).equals(secret)).toBe(true);
    }
  });

  it('reads O as zero and I and L as one, which it never writes', () => {
    const key = formatRecoveryKey(fixed);
    expect(key.startsWith('00')).toBe(true);
    expect(parsedSecret(`OO${key.slice(2)}`).equals(fixed)).toBe(true);
    const withOne = formatRecoveryKey(Buffer.from('0842108421084210842108421084210842108421', 'hex'));
    expect(withOne).toContain('1');
    expect(parsedSecret(withOne.replaceAll('1', 'l')).toString('hex')).toBe(
      parsedSecret(withOne.replaceAll('1', 'I')).toString('hex'),
    );
  });

  it('catches every single-character typo and names the group it is in', () => {
    for (const secret of secrets.slice(0, 8)) {
      const characters = charactersOf(secret);
      for (let at = 0; at < CODE_CHARACTERS; at += 1) {
        for (const wrong of ALPHABET) {
          if (wrong === characters[at]) continue;
          const typed = regroup(characters.slice(0, at) + wrong + characters.slice(at + 1));
          expect(mistakeIn(typed)).toBe(
            `Group ${Math.floor(at / 5) + 1} looks mistyped. Check it against your printed or saved recovery key.`,
          );
        }
      }
    }
  });

  it('catches two characters swapped, within a group or across two', () => {
    for (const secret of secrets) {
      const characters = charactersOf(secret);
      for (let at = 0; at < CODE_CHARACTERS - 1; at += 1) {
        if (characters[at] === characters[at + 1]) continue;
        const swapped =
          characters.slice(0, at) + characters[at + 1]! + characters[at]! + characters.slice(at + 2);
        const message = mistakeIn(regroup(swapped));
        const first = Math.floor(at / 5) + 1;
        const second = Math.floor((at + 1) / 5) + 1;
        expect(message).toMatch(
          first === second
            ? new RegExp(`^Group ${first} looks mistyped`)
            : new RegExp(`^Groups ${first} and ${second} look mistyped`),
        );
      }
    }
  });

  it('catches two whole groups typed in the wrong order', () => {
    const groups = encodeRecoveryGroups(fixed);
    const swapped = [...groups];
    [swapped[2], swapped[3]] = [groups[3]!, groups[2]!];
    expect(mistakeIn(swapped.join('-'))).toMatch(/^Groups 3 and 4 look mistyped/);
  });

  it('says how many characters a key has when one is missing or extra', () => {
    const key = formatRecoveryKey(fixed);
    expect(mistakeIn(key.slice(0, -1))).toBe(
      'A recovery key has 40 letters and numbers in 8 groups of 5; this has 39. Check for a missing or extra character.',
    );
    expect(mistakeIn(`${key}7`)).toMatch(/this has 41/);
    expect(mistakeIn('  ')).toBe('Enter your recovery key');
  });

  it('names the group holding a character recovery keys never use', () => {
    const characters = charactersOf(fixed);
    expect(mistakeIn(regroup(`${characters.slice(0, 12)}U${characters.slice(13)}`))).toMatch(
      /^Group 3 has a character that recovery keys never use/,
    );
  });
});
