import { Outline, PathBuilder, coverage, roundedSquare } from './rasterize';

/** The icon's size in pixels (square). */
export const LOGO_SIZE = 256;

type Rgb = [number, number, number];

/** Lightspeed-like warm gradient, orange at the top left to red at the bottom right. */
const TOP: Rgb = [255, 122, 38];
const BOTTOM: Rgb = [226, 35, 43];
const WHITE: Rgb = [255, 255, 255];

/** A flame with an inner tongue cut out (even-odd), drawn in the 256 px square. */
function flame(): Outline[] {
  return new PathBuilder()
    .moveTo(128, 218)
    .cubicTo(86, 218, 62, 190, 64, 152)
    .cubicTo(66, 120, 86, 100, 98, 80)
    .cubicTo(106, 66, 108, 50, 104, 34)
    .cubicTo(148, 52, 192, 98, 192, 154)
    .cubicTo(192, 190, 166, 218, 128, 218)
    .moveTo(127, 202)
    .cubicTo(107, 202, 95, 188, 96, 171)
    .cubicTo(97, 152, 110, 142, 118, 118)
    .cubicTo(140, 132, 160, 152, 159, 174)
    .cubicTo(158, 191, 146, 202, 127, 202)
    .close();
}

/** The logo as non-premultiplied RGBA pixels. */
export function drawLogo(): Uint8Array {
  const size = LOGO_SIZE;
  const tile = coverage(roundedSquare(8, 8, size - 16, 56), size, size);
  const glyph = coverage(flame(), size, size);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const t = Math.min(1, Math.max(0, (x + y) / (2 * size)));
      const background = mix(TOP, BOTTOM, t);
      const color = mix(background, WHITE, Math.min(1, glyph[i]));
      pixels.set([...color.map(Math.round), Math.round(255 * Math.min(1, tile[i]))], i * 4);
    }
  }
  return pixels;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
