/** A CSV file that cannot be read past `line` (a broken or unclosed quote). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  /** At the start of a field: nothing of it read yet. */
  FieldStart,
  Unquoted,
  Quoted,
  /** In a quoted field, just after a quote: the field's end, or the first of two (one quote). */
  QuoteInQuoted,
  /** Just after a CR that ended a record: an LF here belongs to that line break. */
  AfterCr,
}

/**
 * Splits CSV text into records of fields, as it arrives, chunk by chunk: RFC 4180 with commas,
 * fields in double quotes (which may hold commas, line breaks and `""` for a quote), records ended
 * by LF, CRLF or CR, and a byte order mark at the very start skipped. What csv-parse reads with
 * `{ bom: true, relax_column_count: true }`, several times faster: it looks at each character once
 * and cuts fields out of the chunk as slices. An empty line is a record of one empty field.
 *
 * `onRecord` gets each record with the line it starts on (1 = the first). A quote inside an
 * unquoted field, anything but a comma or line break after a closing quote, or a quote still open
 * at the end throw a CsvSyntaxError naming the line; nothing can be read past it.
 */
export class CsvRecords {
  private state = State.FieldStart;
  private fields: string[] = [];
  /** The field read so far in earlier chunks (a field cut by a chunk's end). */
  private carry = '';
  /** The line being read, and the line the current record started on. */
  private line = 1;
  private recordLine = 1;
  private started = false;

  constructor(private readonly onRecord: (fields: string[], line: number) => void) {}

  write(text: string): void {
    let i = 0;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    const n = text.length;
    /** Where the part of the current field that lies in this chunk starts. */
    let from = i;
    let state = this.state;
    while (i < n) {
      if (state === State.AfterCr) {
        state = State.FieldStart;
        if (text.charCodeAt(i) === LF) {
          from = ++i;
          continue;
        }
      }
      if (state === State.FieldStart) {
        if (text.charCodeAt(i) === QUOTE) {
          state = State.Quoted;
          from = ++i;
          continue;
        }
        state = State.Unquoted;
        from = i;
      }
      if (state === State.Unquoted) {
        // The common case: scan to the field's end.
        let c = 0;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
          i++;
        }
        if (i === n) break;
        if (c === QUOTE)
          throw new CsvSyntaxError(
            this.line,
            `a quote inside field ${this.fields.length + 1}, which does not start with one (quote the whole field and double the quotes inside)`,
          );
        this.endField(text, from, i);
        state = this.afterField(c);
        from = ++i;
      } else if (state === State.Quoted) {
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        for (let k = i; k < end; k++) if (text.charCodeAt(k) === LF) this.line++;
        if (q === -1) break; // the field goes on in the next chunk
        this.carry += text.slice(from, q);
        state = State.QuoteInQuoted;
        from = i = q + 1;
      } else {
        // Just after a quote in a quoted field.
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          // `""`: one quote, and the field goes on (the second quote starts its next part).
          state = State.Quoted;
          from = i++;
          continue;
        }
        if (c !== COMMA && c !== LF && c !== CR)
          throw new CsvSyntaxError(
            this.line,
            `${JSON.stringify(text[i])} after the closing quote of field ${this.fields.length + 1} (expected a comma or the end of the line)`,
          );
        this.endField(text, i, i);
        state = this.afterField(c);
        from = ++i;
      }
    }
    if (state === State.Unquoted || state === State.Quoted) this.carry += text.slice(from, n);
    this.state = state;
  }

  /** The input is over: the last record, if the text does not end with a line break. */
  end(): void {
    if (this.state === State.Quoted)
      throw new CsvSyntaxError(this.recordLine, 'a quoted field is not closed by the end of the file');
    if (this.state === State.Unquoted || this.state === State.QuoteInQuoted || this.fields.length) {
      this.endField('', 0, 0);
      this.endRecord();
    }
    this.state = State.FieldStart;
  }

  private endField(text: string, from: number, to: number): void {
    const piece = from < to ? text.slice(from, to) : '';
    this.fields.push(this.carry ? this.carry + piece : piece);
    this.carry = '';
  }

  /** After a field ended on `c` (a comma or a line break): the next state. */
  private afterField(c: number): State {
    if (c === COMMA) return State.FieldStart;
    this.endRecord();
    this.line++;
    this.recordLine = this.line;
    return c === CR ? State.AfterCr : State.FieldStart;
  }

  private endRecord(): void {
    const fields = this.fields;
    this.fields = [];
    this.onRecord(fields, this.recordLine);
  }
}
