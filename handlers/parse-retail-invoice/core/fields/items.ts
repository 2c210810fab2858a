import { startsWithLabel } from '../label-finder';
import { ADDRESS_LABELS, DATE_LABELS, ORDER_ID_LABELS, STORE_LABELS, SUMMARY_LABEL_SETS, type LabelSet } from '../labels';
import { hasCurrencyMarker, moneyIn } from '../money';
import { parseDate } from '../dates';
import type { TextLine } from '../text-lines';
import { foldText } from '../text-normalize';
import type { ReceiptItem } from '../types';

export const MAX_ITEMS = 100;

const SUBTOTAL: LabelSet = {
  name: 'subtotal',
  labels: ['delsumma', 'subtotal', 'sub-total', 'sub total', 'mellansumma', 'summa varor', 'varor totalt', 'ordervarde', 'items total', 'item total', 'summa', 'totalt', 'total',
    'zwischensumme', 'warenwert', 'summe', 'delsum', 'mellemsum', 'netto', 'nettobelop', 'gesamt'].map((label) => ({ label, tier: 1 })),
  exclude: [],
};
const NOT_ITEM_SETS = [...SUMMARY_LABEL_SETS, SUBTOTAL, DATE_LABELS, ORDER_ID_LABELS, STORE_LABELS, ADDRESS_LABELS];

// `2`, `2 st`, `Qty 2`, `0,75 kg`, also with the unit price after it: `1,02 kg à 24,95 kr/kg`, `2 x 12,90`.
const QTY_CELL =
  /^(?:(?:antal|qty|quantity|anzahl|menge|antall|stk|st|x|×)\s*:?\s*)?(\d+(?:[.,]\d+)?)\s*(st|stk|pcs|pc|x|×|kg|g|l|hg|förp|frp)?\.?(?:\s*(?:x|×|à|á|@|a|\*)\s*\d[\d\s.,]*(?:kr|sek|nok|dkk|€|eur|\$|£|:-)?\.?(?:\s*\/\s*\p{L}+)?)?$/iu;
const QTY_PREFIX = /^(\d{1,3})\s*(?:x|×|st\.?)\s+(.+)$/i;
// Lower-case x only: `Earbuds X2` is a model name, `Earbuds x2` a quantity.
const QTY_SUFFIX = /^(.+?)\s+(?:[x×]\s?(\d{1,3})|\((\d{1,3})\s*(?:st|x|pcs)?\.?\))$/;

const SUMMARY_WORDS = /(?<![a-z])(?:sub-?\s?total|delsumma|total|totalt|summa|moms|vat|tax|frakt|shipping|rabatt|discount|zwischensumme|summe|mwst|versand|fragt|mva|i alt)(?![a-z])/;
// Charges that are not goods: fees and tips (also inside compounds like `Serviceavgift`). A deposit (`Pant`) is a receipt line of its own.
const CHARGE_WORDS = /(?<![a-z])(?:fee|fees|tip|tips)(?![a-z])|avgift|gebuhr|gebyr|dricks|trinkgeld|drikkepenge/;
const MASKED_CARD = /[•*·x]{2,}\s?\d{4}\b/;
// An order or booking number standing where a name would be (`RM-558201`), not a product.
const ID_LIKE = /^[A-Z]{1,4}-?\d{4,}$/;
// Letters a price cell may hold besides its amount: currency words and VAT notes.
const PRICE_WORDS = /\b(?:kr|kronor|kroner|sek|nok|dkk|eur|euros?|usd|gbp|chf|inkl|incl|moms|vat|mva|mwst|ust|st|stk|pcs|each|ea|st(?:ü|ue)ck)(?![\p{L}])\.?/giu;

function isItemName(text: string): boolean {
  const folded = foldText(text);
  if (SUMMARY_WORDS.test(folded) || CHARGE_WORDS.test(folded) || ID_LIKE.test(text) || MASKED_CARD.test(text)) return false;
  if (text.length < 2 || text.length > 120 || !/\p{L}{2}/u.test(text)) return false;
  if (parseDate(text) || /@|https?:/i.test(text)) return false;
  return !NOT_ITEM_SETS.some((set) => startsWithLabel(text, set));
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** The unit a quantity cell names (`kg`, `st`); none for a bare count or `x`. */
function unitOf(raw: string | undefined): string | null {
  return raw && !/^[x×]$/i.test(raw) ? raw.toLowerCase() : null;
}

function readRow(cells: readonly string[]): ReceiptItem | null {
  const priceCell = cells[cells.length - 1];
  if (priceCell.length > 30 || /\p{L}{3,}/u.test(priceCell.replace(PRICE_WORDS, ''))) return null;
  const price = moneyIn(priceCell);
  if (price === null || price < 0) return null;
  let name = cells[0];
  let quantity: number | null = null;
  let unit: string | null = null;
  for (const cell of cells.slice(1, -1)) {
    const m = QTY_CELL.exec(cell.trim());
    if (m && quantity === null) {
      quantity = toNumber(m[1]);
      unit = unitOf(m[2]);
    }
  }
  const prefix = QTY_PREFIX.exec(name);
  if (prefix) [quantity, name] = [quantity ?? Number(prefix[1]), prefix[2]];
  const suffix = QTY_SUFFIX.exec(name);
  if (suffix && isItemName(suffix[1])) [quantity, name] = [quantity ?? Number(suffix[2] ?? suffix[3]), suffix[1]];
  if (cells.length === 2 && quantity === null && /^\d/.test(name)) return null;
  if (!isItemName(name)) return null;
  return { name: name.trim(), quantity: quantity ?? 1, price, unit, description: null };
}

// One cell: "2 x Margherita 178 kr" — only with an explicit quantity, or any line would do.
const INLINE_ITEM = /^(\d{1,3})\s*[x×]\s+(.+?)\s+((?:kr|sek|€|\$|£)?\s?\d[\d\s.,]*(?::-)?\s*(?:kr|sek|:-|€|\$|£|eur|usd|gbp|nok|dkk)?)$/i;

function readInline(cell: string): ReceiptItem | null {
  const m = INLINE_ITEM.exec(cell);
  if (!m || !isItemName(m[2])) return null;
  const price = moneyIn(m[3]);
  return price === null || price < 0 ? null : { name: m[2], quantity: Number(m[1]), price, unit: null, description: null };
}

function isSummaryStart(line: TextLine): boolean {
  return [SUBTOTAL, ...SUMMARY_LABEL_SETS].some((set) => startsWithLabel(line.cells[0], set)) && moneyIn(line.text) !== null;
}

/**
 * Item rows above the receipt's summary: a name cell, optionally a quantity cell
 * (`2`, `2 st`, `0,85 kg`) or a quantity in the name (`2 x`, `×2`), and a price in
 * the last cell. Single-cell lines count only with an explicit `2 x` quantity.
 */
export function findItems(lines: readonly TextLine[]): ReceiptItem[] {
  const items: ReceiptItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (items.length > 0 && isSummaryStart(line)) break;
    if (isUnderLabelRow(line, lines[i - 1])) continue;
    const item = line.cells.length >= 2 ? readRow(line.cells) : readInline(line.cells[0]);
    if (!item) {
      const column = itemFromColumns(lines, i);
      if (column) {
        items.push(column.item);
        i += column.lines - 1;
      }
      continue;
    }
    const measured = item.quantity === 1 && item.unit === null ? quantityBelow(line, lines[i + 1]) : null;
    const description = measured ? null : descriptionBelow(line, lines[i + 1]);
    items.push(measured ? { ...item, ...measured } : description ? { ...item, description } : item);
    if (measured || description) i++;
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}

/** Values of a stacked grid: the row under a row of labels (`Payment | Total` over `Visa | £42.50`). */
function isUnderLabelRow(line: TextLine, above: TextLine | undefined): boolean {
  if (!above || above.group !== line.group || above.cells.length !== line.cells.length || /\d/.test(above.text)) return false;
  return above.cells.every((cell) => NOT_ITEM_SETS.some((set) => startsWithLabel(cell, set)));
}

/**
 * A line that is only a price (`£19.00`, `129,00 kr`, `499,-`): the price column of
 * an item whose name column sits in its own table (MJML `mj-column`s, Foundation
 * `th.columns`), so name and price arrive as two one-cell lines.
 */
function isPriceOnly(line: TextLine | undefined): line is TextLine {
  if (!line || line.cells.length !== 1) return false;
  const text = line.cells[0];
  if (text.length > 24 || /\p{L}{3,}/u.test(text.replace(PRICE_WORDS, '')) || moneyIn(text) === null) return false;
  return hasCurrencyMarker(text) || /\d[.,]\d{2}$|[:,]-$/.test(text);
}

/**
 * An item whose name column and price column are separate tables: the name line,
 * optionally one options line under it, then the price line.
 */
function itemFromColumns(lines: readonly TextLine[], i: number): { item: ReceiptItem; lines: number } | null {
  const line = lines[i];
  if (line.cells.length !== 1) return null;
  if (isPriceOnly(lines[i + 1])) {
    const item = readRow([line.cells[0], lines[i + 1].cells[0]]);
    return item ? { item, lines: 2 } : null;
  }
  const options = lines[i + 1];
  if (!options || options.cells.length !== 1 || !isPriceOnly(lines[i + 2])) return null;
  const description = options.cells[0];
  if (description.length > 80 || moneyIn(description) !== null || !isItemName(description)) return null;
  const item = readRow([line.cells[0], (lines[i + 2] as TextLine).cells[0]]);
  return item ? { item: { ...item, description }, lines: 3 } : null;
}

/** A weighed or counted quantity on the line under an item (`1,02 kg x 24,95 kr/kg`). */
function quantityBelow(row: TextLine, next: TextLine | undefined): { quantity: number; unit: string | null } | null {
  if (!next || next.cells.length !== 1 || next.group !== row.group) return null;
  const m = QTY_CELL.exec(next.cells[0].trim());
  if (!m || !/[x×à á@*]|kg|st|stk/i.test(next.cells[0])) return null;
  return { quantity: toNumber(m[1]), unit: unitOf(m[2]) };
}

/** The line under an item row in the same cell stack (`Tofu, medium spicy`): its options, not an item or a total. */
function descriptionBelow(row: TextLine, next: TextLine | undefined): string | null {
  if (!next || next.cells.length !== 1 || next.group !== row.group || row.group === 0) return null;
  const text = next.cells[0];
  if (text.length > 80 || moneyIn(text) !== null || !/\p{L}{2}/u.test(text) || !isItemName(text)) return null;
  return text;
}
