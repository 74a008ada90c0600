import { readFileSync } from 'node:fs';

/**
 * The characters a TrueType/OpenType font file maps to a glyph: its Unicode `cmap` subtable
 * (format 12, else format 4) read from the file itself, so a test can say which label character
 * a font lacks without rendering.
 */
export function fontCharacters(file: string): Set<number> {
  const font = readFileSync(file);
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error(`${file} has no cmap table`);
  const subtables = new Map<number, number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + font.readUInt32BE(record + 4);
    subtables.set(font.readUInt16BE(offset), offset);
  }
  const out = new Set<number>();
  const format12 = subtables.get(12);
  const format4 = subtables.get(4);
  if (format12 !== undefined) {
    for (let i = 0; i < font.readUInt32BE(format12 + 12); i++) {
      const group = format12 + 16 + i * 12;
      const [start, end, glyph] = [0, 4, 8].map((o) => font.readUInt32BE(group + o));
      for (let c = start; c <= end; c++) if (glyph + c - start) out.add(c);
    }
  } else if (format4 !== undefined) {
    const segments = font.readUInt16BE(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const start = font.readUInt16BE(starts + s * 2);
      const end = font.readUInt16BE(ends + s * 2);
      const delta = font.readInt16BE(deltas + s * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
          glyph = font.readUInt16BE(at);
          if (glyph) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph) out.add(c);
      }
    }
  } else throw new Error(`${file} has no Unicode cmap subtable of format 4 or 12`);
  return out;
}
