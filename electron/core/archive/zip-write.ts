// Writing a zip file entry by entry, in chunks, through fflate's streaming Zip: a table's rows are
// deflated as they are read and the compressed bytes go straight to the file, so the archive of a
// 1M-deal workspace never sits in memory. ZipDeflate works synchronously, so a job worker (which
// never yields to its event loop) can drive it.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';

/** Text is gathered up to this size before it is deflated: big enough for fflate, small for memory. */
const CHUNK_CHARS = 1 << 20;

export interface EntryWriter {
  /** Append text to the entry. */
  write(text: string): void;
  /** Finish the entry; returns its SHA-256 (hex) and size in bytes, uncompressed. */
  close(): { sha256: string; bytes: number };
}

export class ZipFileWriter {
  private readonly fd: number;
  private readonly zip: Zip;
  private failure: Error | null = null;
  private open = false;

  constructor(path: string) {
    this.fd = openSync(path, 'wx');
    this.zip = new Zip((err, data) => {
      if (err) this.failure = err;
      else writeSync(this.fd, data);
    });
  }

  /** Start an entry; only one is open at a time (a second would be buffered in memory by fflate). */
  entry(name: string): EntryWriter {
    if (this.open) throw new Error(`zip entry ${name} started before the previous one was closed`);
    this.open = true;
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    const hash: Hash = createHash('sha256');
    let pending = '';
    let bytes = 0;
    const push = (final: boolean) => {
      const data = Buffer.from(pending, 'utf8');
      pending = '';
      hash.update(data);
      bytes += data.length;
      file.push(data, final);
      this.check();
    };
    return {
      write: (text) => {
        pending += text;
        if (pending.length >= CHUNK_CHARS) push(false);
      },
      close: () => {
        push(true);
        this.open = false;
        return { sha256: hash.digest('hex'), bytes };
      },
    };
  }

  /** Write the central directory and close the file. */
  finish(): void {
    this.zip.end();
    this.check();
    closeSync(this.fd);
  }

  /** Close the file after a failure or cancel (the caller removes it). */
  abort(): void {
    try {
      this.zip.terminate();
    } finally {
      closeSync(this.fd);
    }
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
