import { renderAsync } from '@resvg/resvg-js';

/**
 * SVG to PNG with resvg (a Rust renderer shipped as a prebuilt binary in the npm package: nothing
 * is downloaded at install or run time). Rendered at 2× for sharp screens; it loads no fonts, since
 * the chart draws its labels as strokes. Runs on libuv's thread pool, not the event loop.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false },
    background: '#ffffff',
    logLevel: 'off',
  });
  return image.asPng();
}
