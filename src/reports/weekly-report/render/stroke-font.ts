/**
 * A tiny vector font (digits, a few capitals and signs) drawn as SVG strokes, so the chart's
 * labels need no font at all: the PNG renders the same on a slim container with no fonts
 * installed as on a desktop. Words (in either language) go in the email's HTML, not the image.
 *
 * Glyphs sit on a 4 × 6 grid (y down); each is a list of polylines.
 */
type Glyph = Array<Array<[number, number]>>;

const GLYPHS: Record<string, Glyph> = {
  '0': [
    [
      [0.6, 0],
      [3.4, 0],
      [4, 0.8],
      [4, 5.2],
      [3.4, 6],
      [0.6, 6],
      [0, 5.2],
      [0, 0.8],
      [0.6, 0],
    ],
  ],
  '1': [
    [
      [1, 1],
      [2, 0],
      [2, 6],
    ],
    [
      [1, 6],
      [3, 6],
    ],
  ],
  '2': [
    [
      [0, 0],
      [4, 0],
      [4, 3],
      [0, 3],
      [0, 6],
      [4, 6],
    ],
  ],
  '3': [
    [
      [0, 0],
      [4, 0],
      [4, 6],
      [0, 6],
    ],
    [
      [1, 3],
      [4, 3],
    ],
  ],
  '4': [
    [
      [0, 0],
      [0, 3],
      [4, 3],
    ],
    [
      [3, 0],
      [3, 6],
    ],
  ],
  '5': [
    [
      [4, 0],
      [0, 0],
      [0, 3],
      [4, 3],
      [4, 6],
      [0, 6],
    ],
  ],
  '6': [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
      [4, 3],
      [0, 3],
    ],
  ],
  '7': [
    [
      [0, 0],
      [4, 0],
      [1.5, 6],
    ],
  ],
  '8': [
    [
      [1, 0],
      [3, 0],
      [3.8, 0.7],
      [3.8, 2.3],
      [3, 3],
      [1, 3],
      [0.2, 2.3],
      [0.2, 0.7],
      [1, 0],
    ],
    [
      [1, 3],
      [3, 3],
      [4, 3.8],
      [4, 5.2],
      [3, 6],
      [1, 6],
      [0, 5.2],
      [0, 3.8],
      [1, 3],
    ],
  ],
  '9': [
    [
      [4, 3],
      [0, 3],
      [0, 0],
      [4, 0],
      [4, 6],
      [0, 6],
    ],
  ],
  '.': [
    [
      [1.6, 5.4],
      [2.4, 5.4],
      [2.4, 6],
      [1.6, 6],
      [1.6, 5.4],
    ],
  ],
  ',': [
    [
      [2.4, 5.2],
      [2.4, 6],
      [1.6, 7],
    ],
  ],
  '-': [
    [
      [0.5, 3],
      [3.5, 3],
    ],
  ],
  '+': [
    [
      [0.5, 3],
      [3.5, 3],
    ],
    [
      [2, 1.5],
      [2, 4.5],
    ],
  ],
  '%': [
    [
      [0, 6],
      [4, 0],
    ],
    [
      [0, 0],
      [1.2, 0],
      [1.2, 1.2],
      [0, 1.2],
      [0, 0],
    ],
    [
      [2.8, 4.8],
      [4, 4.8],
      [4, 6],
      [2.8, 6],
      [2.8, 4.8],
    ],
  ],
  K: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [0, 3.6],
    ],
    [
      [1.4, 2.4],
      [4, 6],
    ],
  ],
  M: [
    [
      [0, 6],
      [0, 0],
      [2, 3],
      [4, 0],
      [4, 6],
    ],
  ],
  B: [
    [
      [0, 3],
      [3, 3],
      [4, 4],
      [4, 5],
      [3, 6],
      [0, 6],
      [0, 0],
      [3, 0],
      [4, 1],
      [4, 2],
      [3, 3],
    ],
  ],
  A: [
    [
      [0, 6],
      [2, 0],
      [4, 6],
    ],
    [
      [0.7, 4],
      [3.3, 4],
    ],
  ],
  C: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
    ],
  ],
  D: [
    [
      [0, 0],
      [3, 0],
      [4, 1.5],
      [4, 4.5],
      [3, 6],
      [0, 6],
      [0, 0],
    ],
  ],
  E: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  F: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  G: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
      [4, 3],
      [2, 3],
    ],
  ],
  H: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [4, 6],
    ],
    [
      [0, 3],
      [4, 3],
    ],
  ],
  I: [
    [
      [1, 0],
      [3, 0],
    ],
    [
      [2, 0],
      [2, 6],
    ],
    [
      [1, 6],
      [3, 6],
    ],
  ],
  J: [
    [
      [4, 0],
      [4, 6],
      [0, 6],
      [0, 4],
    ],
  ],
  L: [
    [
      [0, 0],
      [0, 6],
      [4, 6],
    ],
  ],
  N: [
    [
      [0, 6],
      [0, 0],
      [4, 6],
      [4, 0],
    ],
  ],
  O: [
    [
      [0, 0],
      [4, 0],
      [4, 6],
      [0, 6],
      [0, 0],
    ],
  ],
  P: [
    [
      [0, 6],
      [0, 0],
      [4, 0],
      [4, 3],
      [0, 3],
    ],
  ],
  W: [
    [
      [0, 0],
      [1, 6],
      [2, 3],
      [3, 6],
      [4, 0],
    ],
  ],
};

const ADVANCE = 5.2;

/** Width in px of `text` at glyph height `size`. */
export function strokeTextWidth(text: string, size: number): number {
  return text.length * ADVANCE * (size / 6) - (size / 6) * 1.2;
}

/** An SVG path `d` drawing `text` with its top-left (or top-right / centre) at (x, y). */
export function strokeText(
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: 'start' | 'middle' | 'end' = 'start',
): string {
  const scale = size / 6;
  const width = strokeTextWidth(text, size);
  let left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  const parts: string[] = [];
  for (const ch of text.toUpperCase()) {
    for (const line of GLYPHS[ch] ?? []) {
      parts.push(
        line
          .map(([gx, gy], i) => `${i ? 'L' : 'M'}${round(left + gx * scale)} ${round(y + gy * scale)}`)
          .join(''),
      );
    }
    left += ADVANCE * scale;
  }
  return parts.join('');
}

const round = (n: number) => Math.round(n * 100) / 100;
