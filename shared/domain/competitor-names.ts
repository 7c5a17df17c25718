// How dirty competitor names are matched: "ACME Corp.", "Acme, Inc." and "acme" share one key.
// The key keeps letters and digits only, after dropping legal-form words, so spacing, case,
// punctuation and accents do not matter ("Fathom I.Q." = "FathomIQ").

const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'nv',
  'oy',
  'ab',
  'pty',
  'srl',
  'spa',
]);

export function aliasKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Join dotted initials first ("I.Q." -> "iq") so they do not read as separate words.
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  // Drop legal forms only at the end, so "Co-Op Analytics" keeps its "co".
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.join('');
}
