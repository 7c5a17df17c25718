// Products with their line and list price (Maven's products.csv, a Salesforce Product2 export).
// Matched on the exact name, ignoring case; deals of the same import then resolve to them.
import type Database from 'better-sqlite3';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { field } from './field-helpers.ts';
import { Upserter } from './upsert.ts';

export interface ProductImportRow {
  name: string;
  productLine: string | null;
  listPrice: number | null;
}

const KEEP = new Set(['name']);

class ProductsWriter implements KindWriter<ProductImportRow> {
  private readonly ctx: WriteContext;
  private readonly upsert: Upserter;
  private readonly byName: Database.Statement;
  private readonly seen = new Map<number, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const cols = ['name'];
    if (ctx.mapped('productLine')) cols.push('product_line');
    if (ctx.mapped('listPrice')) cols.push('list_price');
    this.upsert = new Upserter(ctx, 'products', cols);
    this.byName = ctx.sqlite.prepare(
      'SELECT id, name, product_line, list_price FROM products WHERE name = ? COLLATE NOCASE',
    );
  }

  write(row: ProductImportRow, cells: RowCells): WriteOutcome | null {
    const existing = this.byName.get(row.name) as (Record<string, unknown> & { id: number }) | undefined;
    if (existing && this.seen.has(existing.id)) {
      cells.problem(
        'name',
        'this product appears more than once in the file',
        undefined,
        `first on line ${this.seen.get(existing.id)}`,
      );
      return null;
    }
    const values = {
      name: existing ? existing.name : row.name,
      product_line: row.productLine,
      list_price: row.listPrice,
    };
    let outcome: WriteOutcome;
    if (!existing) {
      const id = this.upsert.insert(values);
      this.seen.set(id, cells.line);
      this.ctx.resolvers.product.register(row.name, id);
      outcome = 'inserted';
    } else {
      this.seen.set(existing.id, cells.line);
      outcome = this.upsert.update(existing, values, KEEP);
    }
    return outcome;
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return this.upsert.changed;
  }
}

function build(c: RowCells): ProductImportRow | null {
  const name = c.text('name');
  if (name === null) c.problem('name', 'missing: every product needs a name', '');
  const listPrice = c.number('listPrice');
  if (listPrice !== null && listPrice < 0) c.problem('listPrice', 'negative: prices must be 0 or more');
  const row = { name: name ?? '', productLine: c.text('productLine'), listPrice };
  return c.problems.length === 0 ? row : null;
}

export const productsKind: ImportKind<ProductImportRow> = {
  id: 'products',
  label: 'Products',
  unit: 'products',
  description: 'Products with their line and list price; deals name them.',
  order: 20,
  fields: [
    field(
      'name',
      'Product name',
      'text',
      'Required; matched without regard to case.',
      ['product', 'productname', 'name'],
      {
        required: true,
        maxLength: 200,
      },
    ),
    field(
      'productLine',
      'Product line',
      'text',
      'Family or series.',
      ['productline', 'series', 'family', 'productfamily', 'line'],
      {
        listValues: true,
        maxLength: 200,
      },
    ),
    field('listPrice', 'List price', 'number', 'Optional.', ['listprice', 'salesprice', 'price', 'unitprice'], {}),
  ],
  presets: [
    {
      id: 'salesforce',
      label: 'Salesforce product export',
      signature: ['Product Family', 'Product2Id', 'UnitPrice'],
      description: 'Product2: Name, Family, and the list price from the standard price book.',
      columns: {
        name: ['Product Name', 'Name'],
        productLine: ['Product Family', 'Family'],
        listPrice: ['List Price', 'UnitPrice'],
      },
    },
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any products file; columns suggested from headers.',
      columns: {},
    },
  ],
  build,
  open: (ctx) => new ProductsWriter(ctx),
};
