/**
 * An example's `.out.json` is a trim of what a fresh run emits: some of its keys, some elements of its lists, every
 * value kept exactly as emitted. These functions check that, find the emitted message an output was trimmed from,
 * and bring an output up to date with a run while keeping its trim.
 */

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How many of `trimmed`'s values `full` lacks or has otherwise: 0 when `trimmed` is a trim of `full`. */
export function trimDistance(trimmed: unknown, full: unknown): number {
  if (Array.isArray(trimmed)) {
    if (!Array.isArray(full)) return leaves(trimmed);
    if (trimmed.length === 0) return full.length === 0 ? 0 : 1;
    return pairElements(trimmed, full).reduce((sum, [element, match]) => sum + (match === undefined ? leaves(element) : trimDistance(element, match)), 0);
  }
  if (isObject(trimmed)) {
    if (!isObject(full)) return leaves(trimmed);
    return Object.entries(trimmed).reduce((sum, [key, value]) => sum + (key in full ? trimDistance(value, full[key]) : leaves(value)), 0);
  }
  return Object.is(trimmed, full) ? 0 : 1;
}

/** The first place where `trimmed` is not a trim of `full`, as `body.ItemShops.ItemShop[0].qoh: 35, not 44`. */
export function trimMismatch(trimmed: unknown, full: unknown, where = 'body'): string | undefined {
  if (Array.isArray(trimmed)) {
    if (!Array.isArray(full)) return `${where}: ${JSON.stringify(full)}, not a list`;
    if (trimmed.length === 0) return full.length === 0 ? undefined : `${where}: ${full.length} elements, not none`;
    for (const [index, [element, match]] of pairElements(trimmed, full).entries()) {
      const mismatch = match === undefined ? `${where}[${index}]: no element left to match` : trimMismatch(element, match, `${where}[${index}]`);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  if (isObject(trimmed)) {
    if (!isObject(full)) return `${where}: ${JSON.stringify(full)}, not an object`;
    for (const [key, value] of Object.entries(trimmed)) {
      const mismatch = key in full ? trimMismatch(value, full[key], `${where}.${key}`) : `${where}.${key}: missing`;
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  return Object.is(trimmed, full) ? undefined : `${where}: ${JSON.stringify(full)}, not ${JSON.stringify(trimmed)}`;
}

/** Of the emitted messages, the one `trimmed` is closest to a trim of (the first of equals). */
export function closestMessage(trimmed: unknown, messages: unknown[]): unknown {
  let best: { message: unknown; distance: number } | undefined;
  for (const message of messages) {
    const distance = trimDistance(trimmed, message);
    if (!best || distance < best.distance) best = { message, distance };
  }
  return best?.message;
}

/** `trimmed` with every value taken from `full`: the same keys and list elements, as `full` has them now. */
export function retrim(trimmed: unknown, full: unknown): unknown {
  if (Array.isArray(trimmed) && Array.isArray(full)) {
    if (trimmed.length === 0) return [];
    return pairElements(trimmed, full).filter(([, match]) => match !== undefined).map(([element, match]) => retrim(element, match));
  }
  if (isObject(trimmed) && isObject(full)) {
    return Object.fromEntries(Object.keys(trimmed).filter((key) => key in full).map((key) => [key, retrim(trimmed[key], full[key])]));
  }
  return full;
}

/** JSON on one line as the docs write it: `{"itemID": 42, "ItemShops": {"ItemShop": [{"qoh": 35}]}}`. */
export function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([key, field]) => `${JSON.stringify(key)}: ${oneLine(field)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/** Each trimmed element with the closest element of `full` after the previous one's (a trim keeps the order). */
function pairElements(trimmed: unknown[], full: unknown[]): Array<[unknown, unknown]> {
  let from = 0;
  return trimmed.map((element) => {
    let best: { at: number; distance: number } | undefined;
    for (let at = from; at < full.length; at++) {
      const distance = trimDistance(element, full[at]);
      if (!best || distance < best.distance) best = { at, distance };
      if (distance === 0) break;
    }
    if (!best) return [element, undefined];
    from = best.at + 1;
    return [element, full[best.at]];
  });
}

function leaves(value: unknown): number {
  if (Array.isArray(value)) return Math.max(1, value.reduce((sum: number, element) => sum + leaves(element), 0));
  if (isObject(value)) return Math.max(1, Object.values(value).reduce((sum: number, field) => sum + leaves(field), 0));
  return 1;
}
