// Text chunks in a PNG (iTXt, UTF-8): the exported chart's context is drawn in the image and also
// stored as its Title and Description, which file browsers, image viewers and asset managers show
// and search. Pure bytes in, bytes out; the reader is what tests and tools use to check a file.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(png: Uint8Array): boolean {
  return png.length > 33 && SIGNATURE.every((b, i) => png[i] === b);
}

/** One iTXt chunk: keyword, no compression, no language, UTF-8 text. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const typed = new Uint8Array([0x69, 0x54, 0x58, 0x74, ...data]); // 'iTXt' + data
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

/** The PNG with the entries as iTXt chunks right after its header chunk (IHDR). */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!isPng(png)) throw new Error('Not a PNG image.');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunks = Object.entries(entries).map(([k, v]) => itxtChunk(k, v));
  const size = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** Every tEXt and iTXt entry of a PNG, keyword to text (CRCs checked). */
export function readPngText(png: Uint8Array): Record<string, string> {
  if (!isPng(png)) throw new Error('Not a PNG image.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  const out: Record<string, string> = {};
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length))
      throw new Error(`Bad CRC in the ${type} chunk at byte ${at}.`);
    if (type === 'tEXt' || type === 'iTXt') {
      const nul = data.indexOf(0);
      const keyword = dec.decode(data.subarray(0, nul));
      if (type === 'tEXt') out[keyword] = String.fromCharCode(...data.subarray(nul + 1));
      else {
        // keyword \0 flag method language \0 translated \0 text
        let i = nul + 3;
        i = data.indexOf(0, i) + 1;
        i = data.indexOf(0, i) + 1;
        out[keyword] = dec.decode(data.subarray(i));
      }
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return out;
}
