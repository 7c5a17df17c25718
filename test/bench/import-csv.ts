// A generated CRM export for the import benchmark: a Salesforce-style opportunity report with
// the columns an analyst exports (about 100 bytes a row), written in blocks from a seed.
import { closeSync, openSync, writeSync } from 'node:fs';
import { Rng } from '#core/demo/rng.ts';

export const BENCH_HEADER = [
  'Opportunity ID',
  'Opportunity Name',
  'Account Name',
  'Amount',
  'Close Date',
  'Created Date',
  'Stage',
  'Type',
  'Lead Source',
  'Opportunity Owner',
  'Product',
  'Region',
  'Competitors',
];

const STAGES = ['Closed Won', 'Closed Lost', 'Closed Lost', 'Prospecting', 'Negotiation/Review', 'No Decision'];
const TYPES = ['New', 'New', 'New', 'Renewal', 'Upsell'];
const SOURCES = ['Web', 'Partner', 'Webinar', 'Outbound', 'Event', 'Search'];
const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'];
const PRODUCTS = ['Core', 'Pro', 'Enterprise', 'Connectors'];
const COMPETITORS = ['Acme', 'Brightline', 'Cobalt', 'DataForge', 'Everstack', 'Fathom IQ'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Write `rows` opportunities to `path`; returns the bytes written. */
export function writeBenchCsv(path: string, rows: number, seed = 7): number {
  const rng = new Rng(seed);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buf = `${BENCH_HEADER.join(',')}\r\n`;
  const accounts = Math.max(100, Math.round(rows / 20));
  const owners = 150;
  for (let i = 1; i <= rows; i++) {
    const stage = rng.pick(STAGES);
    const year = 2022 + rng.int(0, 4);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const closed = stage !== 'Prospecting' && stage !== 'Negotiation/Review';
    const competitorCount = rng.weighted([
      [0, 3],
      [1, 5],
      [2, 2],
    ] as const);
    const competitors: string[] = [];
    for (let c = 0; c < competitorCount; c++) {
      const name = rng.pick(COMPETITORS);
      if (!competitors.includes(name)) competitors.push(name);
    }
    const account = `Acct ${pad(rng.int(1, accounts), 5)}`;
    buf +=
      `OPP${pad(i, 7)},Deal ${i % 9973},${account},${rng.int(500, 250_000)}.${pad(rng.int(0, 99))},` +
      `${closed ? `${year}-${pad(month)}-${pad(day)}` : ''},${year - 1}-${pad(month)}-${pad(day)},${stage},${rng.pick(TYPES)},` +
      `${rng.pick(SOURCES)},Rep ${pad(rng.int(1, owners), 3)},${rng.pick(PRODUCTS)},${rng.pick(REGIONS)},${competitors.join(';')}\r\n`;
    if (buf.length > 1 << 20) {
      bytes += writeSync(fd, buf);
      buf = '';
    }
  }
  bytes += writeSync(fd, buf);
  closeSync(fd);
  return bytes;
}
