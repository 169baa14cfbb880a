import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  confirmErrors,
  fileNameErrors,
  fileNameOrNull,
  signerErrors,
} from '../../renderer/src/lib/export-form';
import { formProblem } from '../../renderer/src/lib/form-problem';
import { hrefFor, parseRoute, routeKey } from '../../renderer/src/lib/routes';
import {
  bytesToBase64,
  documentTypeLabel,
  folderOf,
  keyOwnerText,
  opensslCommand,
  overwriteQuestion,
  progressText,
  publicKeyFileName,
  readFileAsBase64,
  signerText,
  textDataUrl,
  verdictText,
  verifyCommand,
} from '../../renderer/src/lib/signing-text';

const ID = '0b7e7c1e-5d1a-4c4e-9a57-6a3f4bfae001';

describe('reading a chosen file as base64', () => {
  it('matches Node’s own encoding for every byte value and for files larger than one chunk', async () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(everyByte)).toBe(Buffer.from(everyByte).toString('base64'));
    // Larger than the 32 KB chunk and not a multiple of 3, so chunk joins and padding are tested.
    const large = randomBytes(100_001);
    expect(bytesToBase64(large)).toBe(large.toString('base64'));
    expect(await readFileAsBase64(new Blob([large]))).toBe(large.toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('asking before a file is replaced', () => {
  it('asks only when the app refused because of the overwrite field, naming the file', () => {
    const refusal = {
      kind: 'validation' as const,
      field: 'overwrite',
      message: 'A file called “round-summary.docx” already exists in the exports folder.',
    };
    expect(overwriteQuestion(refusal, 'mine.docx')).toBe(
      'A file called mine.docx already exists. Replace it?',
    );
    expect(overwriteQuestion(refusal, null)).toBe(
      'A file called round-summary.docx already exists. Replace it?',
    );
    expect(overwriteQuestion({ ...refusal, message: 'That file already exists.' }, null)).toBe(
      'A file with this name already exists in the exports folder. Replace it?',
    );
  });

  it('does not ask for any other refusal', () => {
    expect(
      overwriteQuestion({ kind: 'validation', field: 'personalData', message: 'x.docx' }, 'x.docx'),
    ).toBeNull();
    expect(overwriteQuestion({ kind: 'storage', message: 'Disk full' }, 'x.docx')).toBeNull();
    expect(overwriteQuestion({ kind: 'validation', message: 'No field' }, null)).toBeNull();
  });
});

describe('words for exports and verification', () => {
  it('shows the stage with a whole percentage', () => {
    expect(progressText({ stage: 'Building the document', progress: 0.404 })).toBe(
      'Building the document (40%)',
    );
  });

  it('finds the folder of a Windows or POSIX path', () => {
    expect(folderOf('/home/ann/PX Rounds/exports/a.docx')).toBe('/home/ann/PX Rounds/exports');
    expect(folderOf('C:\\Users\\ann\\exports\\a.docx')).toBe('C:\\Users\\ann\\exports');
    expect(folderOf('a.docx')).toBe('a.docx');
  });

  it('writes the openssl command for the sidecar signature, quoting names with spaces', () => {
    expect(opensslCommand('round.docx')).toBe(
      'openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in round.docx -sigfile round.docx.sig',
    );
    expect(opensslCommand("Ann's round.docx")).toBe(
      `openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in 'Ann'\\''s round.docx' -sigfile 'Ann'\\''s round.docx.sig'`,
    );
  });

  it('writes the command-line check, quoting a name with spaces', () => {
    expect(verifyCommand('round.docx')).toBe('npx px-rounds verify round.docx');
    expect(verifyCommand('Round summary.docx')).toBe("npx px-rounds verify 'Round summary.docx'");
  });

  it('says whether a signature is valid, and why not', () => {
    expect(verdictText({ valid: true, keyId: 'ab' })).toBe('Valid signature');
    expect(verdictText({ valid: false, keyId: 'ab' })).toBe('Not valid — this file has been changed');
    expect(verdictText({ valid: false, keyId: null })).toBe(
      'Not valid — no PX Rounds signature could be read from this file',
    );
  });

  it('says who signed as the file says, and whom the key is trusted as, if anyone', () => {
    const signer = { name: 'Ann Example', role: 'NED' };
    expect(signerText({ signer })).toBe('Ann Example, NED');
    expect(signerText({ signer: { name: 'Ann Example', role: '' } })).toBe('Ann Example');
    expect(signerText({ signer: null })).toBe('Not known');
    expect(keyOwnerText({ trusted: true, trustedAs: { name: 'Ann E', role: 'Chair' } })).toBe('Ann E, Chair');
    expect(keyOwnerText({ trusted: false, trustedAs: null })).toBe(
      'Not known: this key is not one of your trusted signers',
    );
  });

  it('names the key of a changed file when it is one the reader knows, their own included', () => {
    expect(
      keyOwnerText({ trusted: false, trustedAs: { name: 'You (this computer’s signing key)', role: '' } }),
    ).toBe('You (this computer’s signing key)');
  });

  it('names documents and the public key download', () => {
    expect(documentTypeLabel('period_report')).toBe('PEIG period report');
    expect(documentTypeLabel('period-report')).toBe('PEIG period report');
    expect(documentTypeLabel(null)).toBe('Not known');
    expect(publicKeyFileName('0123456789abcdef')).toBe('px-rounds-public-key-01234567.pem');
    const pem = '-----BEGIN PUBLIC KEY-----\nMCow+/=\n-----END PUBLIC KEY-----\n';
    const url = textDataUrl(pem);
    expect(url.startsWith('data:application/x-pem-file;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(pem);
  });
});

describe('export and sign-off forms', () => {
  it('asks for the signer’s name, role and attestation', () => {
    expect(signerErrors({ signerName: ' ', signerRole: '', attestation: '' }).map((e) => e.field)).toEqual([
      'signerName',
      'signerRole',
      'attestation',
    ]);
    expect(
      signerErrors({ signerName: 'Ann', signerRole: 'NED', attestation: '' }, { withAttestation: false }),
    ).toEqual([]);
  });

  it('needs the personal-details confirmation ticked', () => {
    expect(confirmErrors(false).map((e) => e.field)).toEqual(['personalDataConfirmed']);
    expect(confirmErrors(true)).toEqual([]);
  });

  it('leaves the file name to the app when empty, adds .docx, and refuses unsafe characters', () => {
    expect(fileNameOrNull('  ')).toBeNull();
    expect(fileNameOrNull('Oak ward')).toBe('Oak ward.docx');
    expect(fileNameOrNull('a.DOCX')).toBe('a.DOCX');
    expect(fileNameErrors('reports/oak')).toHaveLength(1);
    expect(fileNameErrors('oak: ward')).toHaveLength(1);
    expect(fileNameErrors('Oak ward, November')).toEqual([]);
  });

  it('links an app refusal to the form’s own field, and shows any other in words', () => {
    const onField = { kind: 'validation' as const, field: 'signerName', message: 'Enter your name' };
    expect(formProblem(onField, ['signerName'])).toEqual({
      errors: [{ field: 'signerName', message: 'Enter your name' }],
      problem: null,
    });
    const elsewhere = { kind: 'validation' as const, field: 'request', message: 'Not ready' };
    expect(formProblem(elsewhere, ['signerName'])).toEqual({ errors: [], problem: elsewhere });
    // Without a list of fields, any field the refusal names is the form's; other kinds are words.
    expect(formProblem(elsewhere)).toEqual({
      errors: [{ field: 'request', message: 'Not ready' }],
      problem: null,
    });
    const locked = { kind: 'locked' as const, message: 'Signed off' };
    expect(formProblem(locked)).toEqual({ errors: [], problem: locked });
  });
});

describe('routes for review, exports, verification and keys', () => {
  it('reads and writes each new page', () => {
    const roundSignOffDetail = { name: 'review', kind: 'round', id: ID } as const;
    const storySignOffDetail = { name: 'review', kind: 'story', id: ID } as const;
    expect(hrefFor(roundSignOffDetail)).toBe(`#/rounds/${ID}/review`);
    expect(hrefFor(storySignOffDetail)).toBe(`#/stories/${ID}/review`);
    expect(parseRoute(hrefFor(roundSignOffDetail))).toEqual(roundSignOffDetail);
    expect(parseRoute(hrefFor(storySignOffDetail))).toEqual(storySignOffDetail);
    expect(parseRoute('#/exports?document=poster')).toEqual({ name: 'exports', query: 'document=poster' });
    expect(parseRoute('#/verify')).toEqual({ name: 'verify' });
    expect(parseRoute('#/signing-key')).toEqual({ name: 'signing-key' });
    expect(routeKey(roundSignOffDetail)).not.toBe(routeKey({ name: 'round', roundId: ID }));
  });
});
