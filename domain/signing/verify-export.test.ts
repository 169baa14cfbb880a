import { createHash, sign } from 'node:crypto';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleRoundSummary } from '../exports/fixtures/sample-round';
import { createSignedExport } from '../exports/signed-export';
import { seededRandom, type Random } from '../seeded-random';
import { MANIFEST_PART, SIGNATURE_PART } from './opc-package';
import { canonicalManifestBytes, type SignatureManifest } from './signature-manifest';
import { createSigningIdentity, type SigningIdentity } from './signing-keys';
import { trustedSignerFromPem } from './trusted-signers';
import { verifySignedDocx } from './verify-export';
import { entryContent, entryFor, localRecords, readZip, writeZip, type ZipEntry } from './zip-container';

const signer = createSigningIdentity();
const attacker = createSigningIdentity();
const trusted = [trustedSignerFromPem('Helen Adeyemi', 'Non-Executive Director', signer.publicKeyPem)];
let original: Buffer;

beforeAll(async () => {
  original = (
    await createSignedExport(
      { documentType: 'round_summary', model: sampleRoundSummary(signer.keyId) },
      { identity: signer, appVersion: '0.1.0' },
    )
  ).bytes;
});

const entriesOf = (bytes: Buffer): ZipEntry[] => readZip(bytes).map(({ offset: _offset, ...entry }) => entry);
const manifestOf = (entries: readonly ZipEntry[]): SignatureManifest =>
  JSON.parse(entryContent(entries.find((e) => e.name === MANIFEST_PART) as ZipEntry).toString('utf8'));
const contentEntries = (entries: readonly ZipEntry[]) =>
  entries.filter((e) => e.name !== MANIFEST_PART && e.name !== SIGNATURE_PART);

function replaceEntry(
  entries: readonly ZipEntry[],
  name: string,
  content: Uint8Array,
  method: 0 | 8 = 8,
): ZipEntry[] {
  return entries.map((e) => (e.name === name ? entryFor(name, content, method) : e));
}

function withManifest(
  entries: readonly ZipEntry[],
  manifest: SignatureManifest,
  signWith?: SigningIdentity,
): ZipEntry[] {
  const bytes = canonicalManifestBytes(manifest);
  let result = replaceEntry(entries, MANIFEST_PART, bytes, 0);
  if (signWith) result = replaceEntry(result, SIGNATURE_PART, sign(null, bytes, signWith.privateKey), 0);
  return result;
}

/** Changes one character of the visible text of word/document.xml. */
function editText(rng: Random, entries: readonly ZipEntry[]): ZipEntry[] {
  const xml = entryContent(entries.find((e) => e.name === 'word/document.xml') as ZipEntry).toString('utf8');
  const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]{3,})<\/w:t>/g)];
  const run = rng.pick(runs);
  const at = (run.index ?? 0) + run[0].indexOf('>') + 1 + rng.int(0, (run[1] ?? '').length - 1);
  const replacement = xml[at] === 'x' ? 'y' : 'x';
  return replaceEntry(
    entries,
    'word/document.xml',
    Buffer.from(`${xml.slice(0, at)}${replacement}${xml.slice(at + 1)}`),
  );
}

type Tampering = (rng: Random, bytes: Buffer) => Buffer;

// Each kind of change an attacker, an accident or another program could make. Every one must
// make the file invalid.
const TAMPERINGS: Record<string, Tampering> = {
  'flip a bit anywhere': (rng, bytes) => {
    const copy = Buffer.from(bytes);
    const at = rng.int(0, copy.length - 1);
    copy[at] = (copy[at] as number) ^ (1 << rng.int(0, 7));
    return copy;
  },
  'change a byte inside a zip entry': (rng, bytes) => {
    const entry = rng.pick(readZip(bytes));
    const copy = Buffer.from(bytes);
    const start = entry.offset;
    const end = entry.offset + 30 + Buffer.byteLength(entry.name) + entry.data.length;
    const at = rng.int(start, end - 1);
    copy[at] = (copy[at] as number) ^ rng.int(1, 255);
    return copy;
  },
  'edit the text, re-zipped as PX Rounds would': (rng, bytes) => writeZip(editText(rng, entriesOf(bytes))),
  'edit the text, re-zipped by another program': (rng, bytes) => {
    const files = Object.fromEntries(editText(rng, entriesOf(bytes)).map((e) => [e.name, entryContent(e)]));
    return Buffer.from(zipSync(files, { level: rng.pick([0, 1, 6, 9] as const) }));
  },
  'edit another part (styles, properties, headers)': (rng, bytes) => {
    const entries = entriesOf(bytes);
    const part = rng.pick(
      contentEntries(entries).filter((e) => e.name.endsWith('.xml') && e.name !== 'word/document.xml'),
    );
    const xml = entryContent(part).toString('utf8');
    const at = xml.lastIndexOf('>', rng.int(1, xml.length - 1));
    return writeZip(
      replaceEntry(entries, part.name, Buffer.from(`${xml.slice(0, at + 1)} ${xml.slice(at + 1)}`)),
    );
  },
  'add an entry': (rng, bytes) => {
    const entries = entriesOf(bytes);
    const at = rng.int(0, entries.length - 2);
    const added = entryFor(
      rng.pick(['word/media/extra.png', 'customXml/item9.xml', 'word/hidden.xml']),
      Buffer.from('<x/>'),
    );
    return writeZip([...entries.slice(0, at), added, ...entries.slice(at)]);
  },
  'remove an entry': (rng, bytes) => {
    const entries = entriesOf(bytes);
    const gone = rng.pick(contentEntries(entries));
    return writeZip(entries.filter((e) => e !== gone));
  },
  'reorder the entries': (rng, bytes) => {
    const entries = entriesOf(bytes);
    const i = rng.int(0, entries.length - 1);
    let j = rng.int(0, entries.length - 1);
    if (j === i) j = (i + 1) % entries.length;
    const swapped = [...entries];
    [swapped[i], swapped[j]] = [swapped[j] as ZipEntry, swapped[i] as ZipEntry];
    return writeZip(swapped);
  },
  'swap the signer’s key in the manifest': (rng, bytes) => {
    const entries = entriesOf(bytes);
    const manifest = manifestOf(entries);
    const keyId = rng.chance(0.5) ? attacker.keyId : manifest.keyId;
    return writeZip(withManifest(entries, { ...manifest, publicKeyPem: attacker.publicKeyPem, keyId }));
  },
  'edit the manifest': (rng, bytes) => {
    const entries = entriesOf(bytes);
    const m = manifestOf(entries);
    const edits: SignatureManifest[] = [
      { ...m, title: `${m.title}.` },
      { ...m, signer: { ...m.signer, name: 'Someone Else' } },
      { ...m, signedAt: '2026-01-01T00:00:00.000Z' },
      { ...m, parts: m.parts.map((p, i) => (i === 0 ? { ...p, sha256: 'f'.repeat(64) } : p)) },
      { ...m, packageBytes: { ...m.packageBytes, length: m.packageBytes.length + 1 } },
    ];
    return writeZip(withManifest(entries, rng.pick(edits)));
  },
  'reformat the manifest': (rng, bytes) => {
    const entries = entriesOf(bytes);
    const pretty = JSON.stringify(manifestOf(entries), null, rng.int(1, 4));
    return writeZip(replaceEntry(entries, MANIFEST_PART, Buffer.from(pretty), 0));
  },
  'replace the manifest, re-signed with another key under the signer’s name': (rng, bytes) => {
    const entries = editText(rng, entriesOf(bytes));
    return writeZip(withManifest(entries, { ...manifestOf(entries), title: 'Forged' }, attacker));
  },
  'a signature from another key': (_rng, bytes) => {
    const entries = entriesOf(bytes);
    const manifestBytes = entryContent(entries.find((e) => e.name === MANIFEST_PART) as ZipEntry);
    return writeZip(replaceEntry(entries, SIGNATURE_PART, sign(null, manifestBytes, attacker.privateKey), 0));
  },
  'random bytes for the signature': (rng, bytes) => {
    const random = Buffer.from(
      Array.from({ length: rng.chance(0.8) ? 64 : rng.int(0, 80) }, () => rng.int(0, 255)),
    );
    return writeZip(replaceEntry(entriesOf(bytes), SIGNATURE_PART, random, 0));
  },
  'cut the file short': (rng, bytes) => bytes.subarray(0, rng.int(0, bytes.length - 1)),
  'add bytes at the end or the start': (rng, bytes) => {
    const extra = Buffer.from(Array.from({ length: rng.int(1, 40) }, () => rng.int(0, 255)));
    return rng.chance(0.5) ? Buffer.concat([bytes, extra]) : Buffer.concat([extra, bytes]);
  },
};

describe('verifySignedDocx', () => {
  it('accepts the file as signed, and trusts it only when the key is in the trusted list', () => {
    const result = verifySignedDocx(original, trusted);
    expect(result).toMatchObject({
      valid: true,
      trusted: true,
      signer: { name: 'Helen Adeyemi', role: 'Non-Executive Director' },
      keyId: signer.keyId,
      documentType: 'round_summary',
      title: 'Patient experience round: Oak Ward, Day Unit and Outpatients',
      signedAt: '2025-11-14T10:32:00.000Z',
      problems: [],
    });
    expect(verifySignedDocx(original, [])).toMatchObject({
      valid: true,
      trusted: false,
      trustedSigner: null,
    });
  });

  it('rejects every one of more than 1,000 random tamperings', () => {
    const rng = seededRandom(20251114);
    const kinds = Object.entries(TAMPERINGS);
    const counts = new Map<string, number>();
    const accepted: string[] = [];
    for (let i = 0; i < 1_120; i += 1) {
      const [kind, tamper] = kinds[i % kinds.length] as [string, Tampering];
      let tampered = tamper(rng, original);
      while (tampered.equals(original)) tampered = tamper(rng, original);
      const result = verifySignedDocx(tampered, trusted);
      if (result.valid || result.problems.length === 0) accepted.push(`${kind} #${i}`);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`tamper test: ${total} tampered files, ${total - accepted.length} rejected`);
    for (const [kind, count] of counts) console.log(`  ${String(count).padStart(4)}  ${kind}`);
    expect(accepted).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(1_000);
  }, 180_000);

  it('says a file re-signed whole by another key is valid but from an unknown signer', () => {
    const rng = seededRandom(7);
    for (let i = 0; i < 10; i += 1) {
      const entries = editText(rng, entriesOf(original));
      const content = contentEntries(entries);
      const result = verifySignedDocx(createResigned(content), trusted);
      expect(result).toMatchObject({ valid: true, trusted: false, keyId: attacker.keyId });
    }
  });

  it('explains what is wrong in plain words', () => {
    expect(
      verifySignedDocx(Buffer.from('This is a plain text file, not a Word document.'), trusted).problems,
    ).toEqual([
      'The file cannot be read as a Word document: it is not a complete zip file (its directory is missing, so it may be cut short).',
    ]);
    const unsigned = writeZip(contentEntries(entriesOf(original)));
    expect(verifySignedDocx(unsigned, trusted).problems).toEqual([
      'This Word document carries no PX Rounds signature.',
    ]);
    const edited = TAMPERINGS['edit the text, re-zipped as PX Rounds would']?.(
      seededRandom(1),
      original,
    ) as Buffer;
    expect(verifySignedDocx(edited, trusted).problems).toContain(
      'word/document.xml was changed after signing.',
    );
  });
});

/** What a forger with their own key can do: rebuild the whole manifest and sign it. */
function createResigned(content: readonly ZipEntry[]): Buffer {
  const template = manifestOf(entriesOf(original));
  const prefixBytes = localRecords(content);
  const manifest: SignatureManifest = {
    ...template,
    keyId: attacker.keyId,
    publicKeyPem: attacker.publicKeyPem,
    parts: content
      .map((e) => ({
        name: e.name,
        size: e.size,
        sha256: createHash('sha256').update(entryContent(e)).digest('hex'),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    packageBytes: {
      length: prefixBytes.length,
      sha256: createHash('sha256').update(prefixBytes).digest('hex'),
    },
  };
  const bytes = canonicalManifestBytes(manifest);
  return writeZip([
    ...content,
    entryFor(MANIFEST_PART, bytes, 0),
    entryFor(SIGNATURE_PART, sign(null, bytes, attacker.privateKey), 0),
  ]);
}
