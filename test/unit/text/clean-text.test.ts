// Control characters at every door: stored text, the contract's arguments, the terminal.
import { describe, expect, it } from 'vitest';
import { cleanStrings, dropControls, terminalSafe } from '#shared/text/clean-text.ts';

describe('control characters', () => {
  it('drops C0 (but tab and line ends), DEL and C1 from CSV text, leaving everything else', () => {
    expect(dropControls('Acme\u001b[31m\u0007\u0000\u007f\u009bCorp\t"x"\r\n')).toBe('Acme[31mCorp\t"x"\r\n');
    const plain = 'Brightline, Inc.\tEMEA\r\n';
    expect(dropControls(plain)).toBe(plain);
  });

  it('cleans every string of a contract argument, nested, and keeps __proto__ an ordinary key', () => {
    const arg = JSON.parse('{"name":"A\\u0000B","list":["x\\u001by",{"__proto__":"p\\u0007"}],"n":3,"ok":true}');
    const out = cleanStrings(arg) as { name: string; list: [string, Record<string, string>]; n: number };
    expect(out).toEqual({ name: 'AB', list: ['xy', JSON.parse('{"__proto__":"p"}')], n: 3, ok: true });
    expect(Object.getPrototypeOf(out.list[1])).toBe(Object.prototype);
    expect(Object.hasOwn(out.list[1], '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('shows control characters to a terminal as visible escapes, keeping tabs and newlines', () => {
    expect(terminalSafe('Evil\u001b]0;pwned\u0007 Co\tx\ny\r\u007f\u009b')).toBe(
      'Evil\\u001b]0;pwned\\u0007 Co\tx\ny\\u000d\\u007f\\u009b',
    );
    // The escape is also valid inside a JSON string: --json output still parses.
    expect(JSON.parse(terminalSafe(JSON.stringify({ n: 'a\u007fb' })))).toEqual({ n: 'a\u007fb' });
  });
});
