// Writes an export where the user chose (the host's save dialog; scripted in the test host).
import { writeFileSync } from 'node:fs';
import { AppError } from '../errors.ts';
import type { CoreContext } from '../rpc/context.ts';
import type { FilePickRequest } from '../session/host-platform.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function saveExport(
  session: CoreContext,
  request: FilePickRequest & { defaultName: string },
  contents: string | Buffer,
): Promise<{ path: string | null }> {
  const path = await session.platform.pickSaveFile(request);
  if (!path) return { path: null };
  try {
    writeFileSync(path, contents);
  } catch (e) {
    throw new AppError('internal', `Could not write ${path}: ${(e as Error).message}`);
  }
  return { path };
}

/** The bytes of a PNG data URL, refusing anything that is not a PNG. */
export function pngBytes(dataUrl: string): Buffer {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new AppError('invalid_argument', 'The chart image is not a PNG.');
  }
  return bytes;
}

/** A file name from a title (shared with the page's figure exports). */
export { fileNameFor } from '#shared/export/file-name.ts';
