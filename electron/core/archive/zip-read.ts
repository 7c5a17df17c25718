// Reading a zip file entry by entry, in chunks. fflate inflates; this file only finds the entries.
// Why not fflate's streaming Unzip: the zips its streaming Zip writes put each entry's sizes after
// the data, and Unzip finds an entry's end by scanning for a signature, which deflated bytes contain
// by chance about once in 4 GB (a real risk for a 1M-deal archive). The central directory at the
// end of the file holds every entry's exact offset and size, so we read it (a few fixed-layout
// records) and hand fflate exactly each entry's bytes. It also lets manifest.json, written last,
// be read first.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Hash } from 'node:crypto';
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const READ_CHUNK = 1 << 20;

export class ZipFormatError extends Error {}

export class ZipFileReader {
  readonly entries: Map<string, ZipEntry>;
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    try {
      this.entries = this.readDirectory();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private read(position: number, length: number): Buffer {
    const buf = Buffer.alloc(length);
    const n = readSync(this.fd, buf, 0, length, position);
    if (n !== length) throw new ZipFormatError('the file ends early (truncated?)');
    return buf;
  }

  private readDirectory(): Map<string, ZipEntry> {
    const fileSize = fstatSync(this.fd).size;
    // The end record is 22 bytes plus a comment of at most 65535.
    const tailLength = Math.min(fileSize, 22 + 65_535);
    if (tailLength < 22) throw new ZipFormatError('the file is too short to be a zip');
    const tail = this.read(fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipFormatError('no zip directory found (not a zip file, or truncated)');
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported');
    if (dirOffset + dirSize > fileSize) throw new ZipFormatError('the zip directory points past the end of the file');
    const dir = this.read(dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
        throw new ZipFormatError('the zip directory is damaged');
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
      };
      if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff)
        throw new ZipFormatError('ZIP64 archives are not supported');
      entries.set(entry.name, entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  /** The entry's uncompressed bytes, chunk by chunk, in order. */
  stream(entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
    const local = this.read(entry.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`entry ${entry.name} is damaged`);
    let position = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    let left = entry.compressedSize;
    let inflate: Inflate | null = null;
    if (entry.method === 8) inflate = new Inflate((data) => onData(data));
    else if (entry.method !== 0)
      throw new ZipFormatError(
        `entry ${entry.name} uses compression method ${entry.method}, which Winnow does not read`,
      );
    if (left === 0) inflate?.push(new Uint8Array(0), true);
    while (left > 0) {
      const chunk = this.read(position, Math.min(READ_CHUNK, left));
      position += chunk.length;
      left -= chunk.length;
      if (inflate) inflate.push(chunk, left === 0);
      else onData(chunk);
    }
  }

  /** The entry as text, line by line (without the line end); its bytes go through hash when given. */
  lines(entry: ZipEntry, onLine: (line: string) => void, hash?: Hash): void {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let rest = '';
    const take = (text: string) => {
      const parts = (rest + text).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) onLine(line);
    };
    this.stream(entry, (chunk) => {
      hash?.update(chunk);
      take(decoder.decode(chunk, { stream: true }));
    });
    take(decoder.decode());
    if (rest.length > 0) onLine(rest);
  }

  /** A small entry (the manifest) as text. */
  text(entry: ZipEntry): string {
    const parts: string[] = [];
    const decoder = new TextDecoder('utf-8', { fatal: true });
    this.stream(entry, (chunk) => parts.push(decoder.decode(chunk, { stream: true })));
    parts.push(decoder.decode());
    return parts.join('');
  }
}
