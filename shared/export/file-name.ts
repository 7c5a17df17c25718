// A safe default file name from a figure's title: letters, digits and a few marks, at most 100.
export function fileNameFor(title: string, ext: string): string {
  const base =
    title
      .replace(/[^\w .()-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100) || 'export';
  return `${base}.${ext}`;
}
