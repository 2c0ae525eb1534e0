/** A point, and closed outlines made of them. */
export type Point = [number, number];
export type Outline = Point[];

/** Outlines built from moves, lines, cubic Béziers and arcs, flattened finely enough for a 256 px icon. */
export class PathBuilder {
  readonly outlines: Outline[] = [];
  private current: Outline = [];

  moveTo(x: number, y: number): this {
    if (this.current.length > 0) this.outlines.push(this.current);
    this.current = [[x, y]];
    return this;
  }

  lineTo(x: number, y: number): this {
    this.current.push([x, y]);
    return this;
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): this {
    const [x0, y0] = this.current[this.current.length - 1];
    const steps = 48;
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      this.current.push([
        u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
        u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
      ]);
    }
    return this;
  }

  /** An arc of the circle at (cx, cy), from angle `from` to `to` (radians, clockwise on screen). */
  arc(cx: number, cy: number, radius: number, from: number, to: number): this {
    const steps = Math.max(8, Math.ceil(Math.abs(to - from) * radius / 2));
    for (let i = 0; i <= steps; i++) {
      const angle = from + (to - from) * (i / steps);
      this.current.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
    return this;
  }

  close(): Outline[] {
    if (this.current.length > 0) this.outlines.push(this.current);
    this.current = [];
    return this.outlines;
  }
}

/** A rounded square as one outline. */
export function roundedSquare(x: number, y: number, size: number, radius: number): Outline[] {
  const r = radius;
  const half = Math.PI / 2;
  return new PathBuilder()
    .moveTo(x + r, y)
    .arc(x + size - r, y + r, r, -half, 0)
    .arc(x + size - r, y + size - r, r, 0, half)
    .arc(x + r, y + size - r, r, half, 2 * half)
    .arc(x + r, y + r, r, 2 * half, 3 * half)
    .close();
}

/**
 * Coverage (0..1) of each pixel by the outlines under the even-odd rule: 16 sample rows per pixel, and exact
 * horizontal coverage of each span, so edges come out smoothly anti-aliased.
 */
export function coverage(outlines: Outline[], width: number, height: number): Float32Array {
  const SUBROWS = 16;
  const mask = new Float32Array(width * height);
  const edges = outlines.flatMap((outline) => outline.map((point, i) => [point, outline[(i + 1) % outline.length]] as const));
  for (let y = 0; y < height; y++) {
    for (let sub = 0; sub < SUBROWS; sub++) {
      const sampleY = y + (sub + 0.5) / SUBROWS;
      const crossings: number[] = [];
      for (const [[x0, y0], [x1, y1]] of edges) {
        if ((y0 <= sampleY) !== (y1 <= sampleY)) crossings.push(x0 + ((sampleY - y0) / (y1 - y0)) * (x1 - x0));
      }
      crossings.sort((a, b) => a - b);
      for (let i = 0; i + 1 < crossings.length; i += 2) addSpan(mask, y * width, width, crossings[i], crossings[i + 1], 1 / SUBROWS);
    }
  }
  return mask;
}

/** Adds `weight` times the covered fraction of each pixel of the row between x = from and x = to. */
function addSpan(mask: Float32Array, rowStart: number, width: number, from: number, to: number, weight: number): void {
  const first = Math.max(0, Math.floor(from));
  const last = Math.min(width - 1, Math.floor(to));
  for (let x = first; x <= last; x++) {
    const covered = Math.min(to, x + 1) - Math.max(from, x);
    if (covered > 0) mask[rowStart + x] += covered * weight;
  }
}
