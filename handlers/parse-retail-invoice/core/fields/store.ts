import { findLabelled } from '../label-finder';
import { ADDRESS_LABELS, STORE_LABELS } from '../labels';
import type { TextLine } from '../text-lines';
import { normalizeVendor } from './vendor-name';

const POSTAL = /\b(?:SE-?\s?)?\d{3}\s?\d{2}\s+\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?\b/u;
const STREET = /^[\p{L}.\s-]*\p{L}(?:gatan|vägen|väg|gata|torget|torg|gränd|plan|allé|backe|stigen|leden|street|st\.|road|rd\.|avenue|ave\.?|lane|way|square)\s+\d+[A-Za-z]?\b/iu;
const SCAN_LINES = 40;

function placeText(text: string): string | null {
  const t = text.trim();
  return t.length >= 3 && t.length <= 80 && /\p{L}{2}/u.test(t) && !/@|https?:/i.test(t) ? t : null;
}

/** The store's name: a labelled store, else a header line that starts with the vendor's name and says more. */
export function findStoreName(lines: readonly TextLine[], vendorName: string): string | null {
  const labelled = findLabelled(lines, STORE_LABELS, placeText);
  if (labelled.length) return labelled[0].value;
  const vendor = normalizeVendor(vendorName);
  for (const line of lines.slice(0, SCAN_LINES)) {
    const text = line.cells[0];
    if (text.length > 50 || /\d{3}/.test(text)) continue;
    const n = normalizeVendor(text);
    if (vendor && n.startsWith(vendor) && n.length > vendor.length + 2) return text;
  }
  return vendorName || null;
}

/** The store's address: a labelled address, else a street line and/or a postal-code line near the top. */
export function findStoreLocation(lines: readonly TextLine[]): string | null {
  const labelled = findLabelled(lines, ADDRESS_LABELS, placeText);
  if (labelled.length) return labelled[0].value;
  const top = lines.slice(0, SCAN_LINES);
  for (let i = 0; i < top.length; i++) {
    const text = top[i].cells[0];
    if (text.length > 80) continue;
    if (STREET.test(text)) {
      const next = top[i + 1]?.cells[0];
      return next && POSTAL.test(next) && !STREET.test(next) ? `${text}, ${next}` : text;
    }
    if (POSTAL.test(text) && /^\p{L}/u.test(text)) return text;
  }
  return null;
}
