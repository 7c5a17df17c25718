// The words of one demo quote: its template with the competitor's name, a drawn number, and now
// and then an opener and a closer, so quotes read as different people. Drawn from a source of its
// own, seeded by the quote's id: the wording never shifts the main sequence, so every other demo
// figure (deals, reasons, ratings) stays what it was.
import { QUOTE_CLOSERS, QUOTE_OPENERS } from './catalog.ts';
import { Rng } from './rng.ts';

export function quoteWording(template: string, competitor: string, quoteId: number): string {
  const rng = new Rng(Math.imul(quoteId, 2_654_435_761) ^ 0x5eed);
  let text = template.replace('{c}', competitor).replace('{n}', String(rng.int(2, 12)));
  const opener = rng.pick(QUOTE_OPENERS);
  // "Honestly, Honestly …" and "Put simply: IT …" read wrong: keep the template's own start then.
  if (opener && !text.startsWith(opener.trim().replace(/[,:]$/, '')) && !template.startsWith('{c}')) {
    const startsWithName = /^[A-Z][A-Z]/.test(text);
    text = `${opener}${startsWithName ? text : text[0]!.toLowerCase() + text.slice(1)}`;
  }
  return `${text}${rng.pick(QUOTE_CLOSERS)}`;
}
