/**
 * What Lightspeed takes in a write beyond its fields' types: where its docs (data/lightspeed-api/catalog.json's notes,
 * the endpoint pages, the changelog) or the recordings say a write is refused, or taken and silently ignored. The
 * input checks (lib/input/writeRules.ts) refuse these before any request, naming the field and the reason.
 */

/** An update that changes only some fields; Lightspeed answers 200 and ignores the others. */
export interface UpdatableOnly {
  fields: readonly string[];
  /** Where the other fields are written instead. */
  instead: string;
}

/**
 * `PUT ItemShop/{itemShopID}.json` was added to change `reorderPoint` and `reorderLevel` (changelog 2025-06-06); a
 * quantity is set through the Item (`PUT Item/{itemID}.json` with `ItemShops`).
 */
export const UPDATABLE_ONLY: Readonly<Record<string, UpdatableOnly>> = {
  ItemShop: { fields: ['reorderPoint', 'reorderLevel'], instead: 'set a quantity with Set Stock Level, or in the Item\'s ItemShops' },
};

/**
 * Entities created only by a multipart upload (a `data` part and a file part, per their pages), never by a JSON POST:
 * Upload Image does the Item and ItemMatrix pictures.
 */
export const UPLOADED_ENTITIES: ReadonlySet<string> = new Set([
  'Image', 'ItemImage', 'ItemMatrixImage', 'WorkorderWorkorderImage', 'SalePaymentSalePaymentSignature',
]);

/**
 * The stock entries of an Item write (`ItemShops: {ItemShop: [...]}`). Each names its ItemShop by `itemShopID` or,
 * since 2025-06-06, `shopID` (the Item page; the changelog), so Lightspeed sets the entry and never adds one; it
 * validates "invalid or redundant" entries (two for one shop). `qoh` cannot be set negative through the API
 * (Lightspeed staff, on negative inventory), and `sellable`, qoh floored at 0, is read-only.
 */
export const STOCK_ENTRY = {
  container: 'ItemShops',
  element: 'ItemShop',
  keys: ['itemShopID', 'shopID'],
  minimumQoh: 0,
  readOnly: ['sellable'],
} as const;

/** Why a negative quantity is refused, for every place that sends one. */
export const NEGATIVE_QOH_REASON = 'Lightspeed does not set a negative quantity on hand through the API (only sales, '
  + 'transfers and returns take it below 0)';
