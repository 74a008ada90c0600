import { renderAsync } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The fonts the chart is drawn with, all loaded from files the project ships (no system font is
 * assumed: a fresh machine or a slim container may have none):
 * - Source Sans 3, Regular and SemiBold (SIL OFL 1.1), from the npm package
 *   `@expo-google-fonts/source-sans-3`: digits and Latin;
 * - Noto Sans CJK SC Regular (SIL OFL 1.1), cut down to the few Chinese characters the labels use
 *   (`assets/fonts`, made by its script; chart-png.spec fails when a label needs one more). Noto's
 *   Latin is Source Sans, so the two match.
 */
export const CHART_FONT_FILES: readonly string[] = [
  require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'),
  require.resolve('@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf'),
  join(projectRoot(), 'assets', 'fonts', 'NotoSansCJKsc-ChartLabels.otf'),
];

/**
 * SVG to PNG with resvg (a Rust renderer shipped as a prebuilt binary in the npm package: nothing
 * is downloaded at install or run time). Rendered at 2× for sharp screens, with the fonts above and
 * never the system's. Runs on libuv's thread pool, not the event loop.
 */
export async function svgToPng(svg: string, fontFiles = CHART_FONT_FILES): Promise<Buffer> {
  // resvg skips a missing font file silently and would draw the labels blank: say which one.
  const missing = fontFiles.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`The chart's font file is missing: ${missing.join(', ')}`);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: 'Source Sans 3' },
    background: '#ffffff',
    logLevel: 'off',
  });
  return image.asPng();
}

/** The project's folder, whether this runs compiled (dist/src/…, no package.json in dist) or from source. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
