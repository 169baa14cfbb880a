import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

// A small zip reader and writer, written here rather than taken from a library for one reason:
// a signed export must have exactly one byte layout, so that verification can rebuild the
// zip's headers and directory from its entries and demand the file be byte-for-byte that. A
// library's writer may change its header choices in any release, which would turn every file
// signed before the upgrade "invalid". The layout below is frozen:
//   local records, one per entry, back to back from offset 0, each
//     signature, version 20, flags 0 (0x0800 if the name is not ASCII), method 0 or 8,
//     time 00:00 and date 1980-01-01, CRC-32, sizes, name, no extra field, then the data;
//   the central directory in the same order (made by version 20, no extra, comment or
//     attributes);
//   the end record, no comment. No data descriptors, no ZIP64, no encryption.
// The reader is tolerant (any ordinary zip with stored or deflated entries), so a signer can
// read the zip the docx library produced, and a verifier can say what changed in a file that
// another program rewrote.

export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc32: number;
  /** Size of the content once inflated. */
  size: number;
  /** The bytes as they sit in the zip (compressed when method is 8). */
  data: Uint8Array;
};

export type ReadZipEntry = ZipEntry & {
  /** Where the entry's local header starts in the file. */
  offset: number;
};

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const VERSION = 20;
const UTF8_FLAG = 0x0800;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
/** Far above any export (a 5,000-observation report is a few MB); stops a zip bomb. */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

const isAscii = (name: string) => /^[\x20-\x7e]*$/.test(name);

export function entryFor(name: string, content: Uint8Array, method: 0 | 8 = 8): ZipEntry {
  return {
    name,
    method,
    crc32: crc32(content),
    size: content.length,
    data: method === 8 ? deflateRawSync(content, { level: 6 }) : content,
  };
}

function localHeader(entry: ZipEntry, name: Buffer): Buffer {
  const header = Buffer.alloc(LOCAL_HEADER);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(isAscii(entry.name) ? 0 : UTF8_FLAG, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  header.writeUInt32LE(entry.crc32 >>> 0, 14);
  header.writeUInt32LE(entry.data.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return header;
}

function centralHeader(entry: ZipEntry, name: Buffer, offset: number): Buffer {
  const header = Buffer.alloc(CENTRAL_HEADER);
  header.writeUInt32LE(CENTRAL_SIGNATURE, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(isAscii(entry.name) ? 0 : UTF8_FLAG, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(0, 12);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  header.writeUInt32LE(entry.crc32 >>> 0, 16);
  header.writeUInt32LE(entry.data.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(name.length, 28);
  // extra length, comment length, disk, internal and external attributes: all zero.
  header.writeUInt32LE(offset, 42);
  return header;
}

/** The local records (header, name, data) of `entries`, back to back: the start of the zip. */
export function localRecords(entries: readonly ZipEntry[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    parts.push(localHeader(entry, name), name, entry.data);
  }
  return Buffer.concat(parts);
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new ZipFormatError('Too many entries for a zip without ZIP64.');
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = localHeader(entry, name);
    parts.push(header, name, entry.data);
    central.push(centralHeader(entry, name, offset), name);
    offset += header.length + name.length + entry.data.length;
  }
  if (offset > 0xfffffffe) throw new ZipFormatError('The document is too large for a zip without ZIP64.');
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(END_RECORD);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

function findEndRecord(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - END_RECORD - 0xffff);
  for (let at = bytes.length - END_RECORD; at >= earliest; at -= 1) {
    if (bytes.readUInt32LE(at) === END_SIGNATURE) return at;
  }
  throw new ZipFormatError(
    'it is not a complete zip file (its directory is missing, so it may be cut short)',
  );
}

/** Reads any plain zip (stored or deflated entries) through its central directory. */
export function readZip(input: Uint8Array): ReadZipEntry[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < END_RECORD) throw new ZipFormatError('it is too short to be a zip file');
  const end = findEndRecord(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const centralSize = bytes.readUInt32LE(end + 12);
  const centralOffset = bytes.readUInt32LE(end + 16);
  if (
    bytes.readUInt16LE(end + 4) !== 0 ||
    bytes.readUInt16LE(end + 6) !== 0 ||
    count !== bytes.readUInt16LE(end + 8)
  ) {
    throw new ZipFormatError('it is a multi-part zip, which a Word document never is');
  }
  if (centralOffset === 0xffffffff || count === 0xffff)
    throw new ZipFormatError('ZIP64 files are not supported');
  if (centralOffset + centralSize > end)
    throw new ZipFormatError('its zip directory points outside the file');

  const entries: ReadZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = centralOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + CENTRAL_HEADER > end || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('its zip directory is damaged');
    }
    const flags = bytes.readUInt16LE(at + 8);
    const rawMethod = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const nameEnd = at + CENTRAL_HEADER + nameLength;
    if (nameEnd > end) throw new ZipFormatError('its zip directory is damaged');
    const name = bytes.subarray(at + CENTRAL_HEADER, nameEnd).toString('utf8');
    at = nameEnd + extraLength + commentLength;

    if ((flags & 0x0001) !== 0) throw new ZipFormatError(`${name} is encrypted`);
    if (rawMethod !== 0 && rawMethod !== 8)
      throw new ZipFormatError(`${name} uses a compression method Word does not`);
    const method = rawMethod === 0 ? 0 : 8;
    // Part names are case-insensitive in Office packages: two spellings of one name would let
    // Word read one entry while a checker reads the other.
    const folded = name.toLowerCase();
    if (seen.has(folded)) throw new ZipFormatError(`it holds ${name} twice`);
    seen.add(folded);
    total += size;
    if (total > MAX_UNCOMPRESSED_BYTES) throw new ZipFormatError('it would unpack to more than 512 MB');

    if (offset + LOCAL_HEADER > bytes.length || bytes.readUInt32LE(offset) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError(`the entry for ${name} is damaged`);
    }
    const dataStart =
      offset + LOCAL_HEADER + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    if (dataStart + compressedSize > bytes.length) throw new ZipFormatError(`${name} is cut short`);
    entries.push({
      name,
      method,
      crc32: crc,
      size,
      data: bytes.subarray(dataStart, dataStart + compressedSize),
      offset,
    });
  }
  return entries;
}

/** The entry's content, checked against its recorded size and CRC-32. */
export function entryContent(entry: ZipEntry): Buffer {
  let content: Buffer;
  if (entry.method === 0) {
    content = Buffer.from(entry.data);
  } else {
    try {
      content = inflateRawSync(entry.data, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw new ZipFormatError(`${entry.name} is damaged and cannot be unpacked`);
    }
  }
  if (content.length !== entry.size || crc32(content) >>> 0 !== entry.crc32 >>> 0) {
    throw new ZipFormatError(`${entry.name} is damaged (its checksum does not match)`);
  }
  return content;
}
