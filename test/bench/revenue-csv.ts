// A generated purchase log for the revenue-import benchmark, CDNOW-shaped
// (customer_id,date,number_of_cds,dollar_value): ten rows per customer over eight months, two
// purchases in two of them, so 1,000,000 rows are 100,000 customers and 800,000 revenue lines.
import { closeSync, openSync, writeSync } from 'node:fs';

export const ROWS_PER_CUSTOMER = 10;
export const LINES_PER_CUSTOMER = 8;
/** Month (0-7) of each of a customer's ten rows: months 0 and 3 have two purchases. */
const MONTH_OF_ROW = [0, 0, 1, 2, 3, 3, 4, 5, 6, 7];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function writeRevenueCsv(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  let block: string[] = ['customer_id,date,number_of_cds,dollar_value'];
  for (let r = 0; r < rows; r++) {
    const c = Math.floor(r / ROWS_PER_CUSTOMER);
    const j = r % ROWS_PER_CUSTOMER;
    const month = (c % 24) + MONTH_OF_ROW[j]!; // first purchase in one of 24 months from 2020-01
    const day = 1 + ((c * 7 + j) % 28);
    const dollars = (10 + (c % 50) + j + (c % 7) / 100).toFixed(2);
    block.push(`${pad(c + 1, 6)},${2020 + Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(day)},1,${dollars}`);
    if (block.length === 10_000) {
      writeSync(fd, `${block.join('\n')}\n`);
      block = [];
    }
  }
  if (block.length > 0) writeSync(fd, `${block.join('\n')}\n`);
  closeSync(fd);
}
