// Changing the reporting currency never relabels stored amounts silently (docs/METRICS.md#currency).
// Either every amount in the old currency is converted with the rate the user enters (deals in
// it, their stage-history amounts, revenue lines, product list prices), or the user states the
// amounts were already in the new currency and only the label changes. Deals whose own currency
// code is another one are left as they are, and the settings screen counts them.
import type Database from 'better-sqlite3';
import type { CurrencyChange, CurrencyUse } from '#shared/domain/settings.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { AppError } from '../errors.ts';
import { readSettings, updateSettings } from './settings-store.ts';

export function currencyUse(sqlite: Database.Database): CurrencyUse[] {
  return sqlite
    .prepare('SELECT upper(currency) AS currency, count(*) AS deals FROM deals GROUP BY 1 ORDER BY 2 DESC, 1')
    .all() as CurrencyUse[];
}

export function changeCurrency(
  sqlite: Database.Database,
  to: string,
  mode: 'convert' | 'relabel',
  rate: number | undefined,
): CurrencyChange {
  const from = readSettings(sqlite).currency;
  if (to === from) throw new AppError('invalid_argument', `Amounts are already in ${to}.`);
  if (mode === 'convert' && (rate === undefined || !(rate > 0)))
    throw new AppError('invalid_argument', 'Enter the exchange rate to convert with.', [
      { path: 'rate', message: 'Enter the exchange rate to convert with' },
    ]);
  const converted = { deals: 0, stageHistory: 0, revenueLines: 0, products: 0 };
  let relabelled = 0;
  writeTransaction(sqlite, () => {
    if (mode === 'convert') {
      // Stage history first: its rows are found through the deals still labelled `from`.
      converted.stageHistory = sqlite
        .prepare(
          `UPDATE stage_history SET amount = amount * @rate WHERE amount IS NOT NULL
              AND deal_id IN (SELECT id FROM deals WHERE upper(currency) = @from)`,
        )
        .run({ rate, from }).changes;
      converted.deals = sqlite
        .prepare('UPDATE deals SET amount = amount * @rate WHERE amount IS NOT NULL AND upper(currency) = @from')
        .run({ rate, from }).changes;
      // Revenue lines and list prices carry no currency of their own: they are in the reporting one.
      converted.revenueLines = sqlite.prepare('UPDATE revenue_lines SET amount = amount * ?').run(rate).changes;
      converted.products = sqlite
        .prepare('UPDATE products SET list_price = list_price * ? WHERE list_price IS NOT NULL')
        .run(rate).changes;
    }
    relabelled = sqlite.prepare('UPDATE deals SET currency = ? WHERE upper(currency) = ?').run(to, from).changes;
    updateSettings(sqlite, { currency: to });
  });
  return { settings: readSettings(sqlite), from, mode, rate: mode === 'convert' ? rate! : null, converted, relabelled };
}
