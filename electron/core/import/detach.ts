// A copy of a string that does not keep the text it was cut from alive. Cells come out of the
// parser as slices of a chunk of the file; one slice kept in a long-lived map (an account
// name in a cache, a value in a report) would keep its whole chunk in memory, and over a big file
// every chunk. Anything the import keeps past the current row is detached first.
export function detach(s: string): string {
  return s.length === 0 ? '' : Buffer.from(s, 'utf8').toString('utf8');
}
