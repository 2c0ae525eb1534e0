/** Lightspeed's datetimes: second precision, explicit UTC offset. */

/** Epoch ms as Lightspeed writes datetimes: `2024-01-01T00:42:00+00:00`. */
export function lightspeedTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

/** Whole epoch seconds of a datetime text, or NaN. */
export function epochSeconds(value: unknown): number {
  return Math.floor(Date.parse(String(value)) / 1000);
}
