// winnow report: list the saved templates, re-run one for a new period (the monthly pack).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { findChromium } from '#core/reports/chromium-printer.ts';
import { saveTemplate } from '#core/reports/template-queries.ts';
import { tempDir } from '../../support/temp-workspace.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

describe.skipIf(findChromium() === null)('winnow report', () => {
  let dir: string;
  let cleanup: () => void;
  let db: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, 'w.winnow');
    expect(await main(['demo', '--db', db, '--deals', '1000', '--seed', '3'], captureIO())).toBe(0);
    const ws = await openWorkspace(db, { mode: 'open' });
    saveTemplate(ws.sqlite, 'Monthly pack', {
      title: 'Monthly pack',
      author: '',
      period: { kind: 'relative', preset: 'lastMonth' },
      filters: [{ dim: 'segment', values: ['SMB'] }],
      pageSize: 'Letter',
      sections: [
        {
          id: 'a',
          kind: 'matrix',
          orientation: 'portrait',
          rows: 'region',
          cols: 'none',
          measure: 'count',
          trend: false,
        },
      ],
    });
    ws.close();
  });
  afterAll(() => cleanup());

  it('lists the templates and prints one for the period asked, on Letter pages', async () => {
    const list = captureIO();
    expect(await main(['report', '--db', db, '--list'], list)).toBe(0);
    expect(list.stdout.join('\n')).toMatch(/^Monthly pack\s+1 sections, last month, Letter$/m);

    const out = join(dir, 'pack.pdf');
    const io = captureIO();
    const code = await main(
      [
        'report',
        '--db',
        db,
        '--template',
        'Monthly pack',
        '--from',
        '2026-01-01',
        '--to',
        '2026-06-30',
        '--out',
        out,
        '--json',
      ],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const r = JSON.parse(io.stdout[0]!);
    expect(r).toMatchObject({ path: out, from: '2026-01-01', to: '2026-06-30' });
    expect(existsSync(out)).toBe(true);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${r.pages}\\b`));
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('2026-01-01 to 2026-06-30');
    expect(text).toContain('Deal filters Segment: SMB');
  });

  it('says clearly what is wrong', async () => {
    const io = captureIO();
    expect(await main(['report', '--db', db, '--template', 'Nope', '--out', join(dir, 'x.pdf')], io)).toBe(1);
    expect(io.stderr[0]).toBe('winnow report: No report template called "Nope" (see winnow report --list).');
    const usage = captureIO();
    expect(await main(['report', '--db', db, '--template', 'Monthly pack', '--out', 'x.txt'], usage)).toBe(2);
    expect(usage.stderr[0]).toBe('winnow report: --out must name a .pdf file; got "x.txt"');
  });
});
