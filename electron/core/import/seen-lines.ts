// Which rows of a file already wrote a record, by the record's id, with the line that wrote it (to
// report an id that appears twice). A typed array indexed by id rather than a Map: four bytes per
// id instead of about fifty, so a 3,000,000-row file costs 12 MB, not 150 (ids are dense: one
// writer, AUTOINCREMENT).
export class SeenLines {
  private lines = new Int32Array(1 << 16);

  /** The line that first wrote `id` in this file, or 0. */
  get(id: number): number {
    return id < this.lines.length ? this.lines[id]! : 0;
  }

  set(id: number, line: number): void {
    if (id >= this.lines.length) {
      let size = this.lines.length;
      while (size <= id) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[id] = line;
  }
}
