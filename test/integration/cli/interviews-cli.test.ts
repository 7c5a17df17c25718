// winnow interviews search / export and winnow reasons, in process, with exact output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../electron/cli/io.ts';
import { main } from '../../../electron/cli/main.ts';
import { insertDeals } from '../../support/insert.ts';
import { insertInterviews } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

let db: string;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  const t = await tempWorkspace();
  ({ dir, cleanup } = t);
  db = t.ws.path;
  const [lost, won] = insertDeals(t.ws.sqlite, [
    { name: 'Blue Ridge\nRetail', outcome: 'lost', closeDate: '2025-03-01' },
    { name: 'Cedar Labs', outcome: 'won', closeDate: '2025-04-01' },
  ]);
  insertInterviews(t.ws.sqlite, [
    {
      dealId: lost!,
      date: '2025-03-12',
      statement: 'The security review stalled.',
      reasons: ['Security and compliance'],
      quotes: [{ text: 'Security wanted SSO and audit logs.' }],
    },
    {
      dealId: won!,
      date: '2025-04-15',
      statement: 'Fast answers.',
      notes: 'No security questions at all.',
      reasons: ['Responsiveness'],
    },
  ]);
  t.ws.close();
});
afterAll(() => cleanup());

describe('winnow interviews search', () => {
  it('prints matches best first with the matched words in brackets', async () => {
    const io = captureIO();
    expect(await main(['interviews', 'search', 'security', '--db', db], io)).toBe(0);
    expect(io.stdout).toEqual([
      '2 interviews on 2 deals match "security"',
      '',
      '#1  2025-03-12  Blue Ridge Retail (Lost, complete)',
      "  Buyer's statement: The [security] review stalled.",
      '  Quote: [Security] wanted SSO and audit logs.',
      '',
      '#2  2025-04-15  Cedar Labs (Won, complete)',
      '  Notes: No [security] questions at all.',
    ]);
  });

  it('--json gives offsets of the matches', async () => {
    const io = captureIO();
    expect(await main(['interviews', 'search', 'audit log', '--json', '--db', db], io)).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out).toMatchObject({ query: 'audit log', total: 1, deals: 1 });
    expect(out.results[0]).toMatchObject({ interviewId: 1, outcome: 'lost', primaryReason: 'Security and compliance' });
    expect(out.results[0].matches).toEqual([
      {
        field: 'quote',
        quoteId: 1,
        snippet: 'Security wanted SSO and audit logs.',
        highlights: [
          [24, 29],
          [30, 34],
        ],
      },
    ]);
  });

  it('says when nothing matches, and refuses a missing search text', async () => {
    const none = captureIO();
    expect(await main(['interviews', 'search', 'kangaroo', '--db', db], none)).toBe(0);
    expect(none.stdout).toEqual(['No interview mentions "kangaroo".']);
    const bad = captureIO();
    expect(await main(['interviews', 'search', '--db', db], bad)).toBe(2);
    expect(bad.stderr).toEqual([
      'winnow interviews: give the text to search for, e.g. winnow interviews search "security review"',
    ]);
    const sub = captureIO();
    expect(await main(['interviews', 'frob'], sub)).toBe(2);
    expect(sub.stderr).toEqual(['winnow interviews: expected "search" or "export", got "frob"']);
  });
});

describe('winnow interviews export', () => {
  it('writes quotes as CSV', async () => {
    const io = captureIO();
    const out = join(dir, 'q.csv');
    expect(await main(['interviews', 'export', 'quotes', '--out', out, '--db', db], io)).toBe(0);
    expect(io.stdout).toEqual([`Wrote 1 quotes to ${out}`]);
    expect(readFileSync(out, 'utf8')).toContain('Security wanted SSO and audit logs.');
  });
});

describe('winnow reasons', () => {
  it('prints the taxonomy with counts', async () => {
    const io = captureIO();
    expect(await main(['reasons', '--db', db], io)).toBe(0);
    expect(io.stdout[0]).toBe('2 interviews have reasons coded. Counts include drafts.');
    const line = io.stdout.find((l) => l.includes('Security and compliance'))!;
    expect(line.trim().split(/\s{2,}/)).toEqual(['Security and compliance', '1', '1', '0', '1', '1', '0']);
  });

  it('--json gives categories, reasons and counts', async () => {
    const io = captureIO();
    expect(await main(['reasons', '--json', '--db', db], io)).toBe(0);
    const t = JSON.parse(io.stdout.join('\n'));
    const responsiveness = t.categories
      .flatMap((c: { reasons: unknown[] }) => c.reasons)
      .find((r: { name: string }) => r.name === 'Responsiveness');
    expect(responsiveness.counts).toEqual({
      interviews: 1,
      primary: 1,
      winDriver: 1,
      lossDriver: 0,
      deals: 1,
      repStated: 0,
      quotes: 0,
    });
  });
});
