import { findLabelled } from '../label-finder';
import { DATE_LABELS } from '../labels';
import { dateParserNear, findDate } from '../dates';
import { foldText } from '../text-normalize';
import type { TextLine } from '../text-lines';

const DAY_MS = 86_400_000;
/** An unlabelled date is trusted only within this many days before the e-mail's own date (a late or forwarded receipt). */
const UNLABELLED_WINDOW_DAYS = 180;
const UNLABELLED_SCAN_LINES = 25;
const NOT_PURCHASE_DATE = new RegExp(`(?<![a-z])(?:${DATE_LABELS.exclude.join('|')})`);

function withinWindow(iso: string, anchor: string | undefined): boolean {
  if (!anchor) return false;
  const delta = (Date.parse(anchor) - Date.parse(iso)) / DAY_MS;
  return delta >= 0 && delta <= UNLABELLED_WINDOW_DAYS;
}

/**
 * The purchase date: a labelled order/receipt/invoice date first; else the first
 * unlabelled date near the top that is not a delivery, due or travel date and lies
 * before the e-mail date (by up to half a year); else the e-mail date; else
 * LastModified. A date without a year is read near the e-mail date, by its weekday.
 */
export function findInvoiceDate(lines: readonly TextLine[], fallbackDate?: string, lastModifiedDate?: string): string | null {
  const anchor = fallbackDate ?? lastModifiedDate;
  const labelled = findLabelled(lines, DATE_LABELS, dateParserNear(anchor));
  if (labelled.length) {
    const bestTier = Math.min(...labelled.map((c) => c.tier));
    return (labelled.find((c) => c.tier === bestTier) as (typeof labelled)[number]).value;
  }
  for (const line of lines.slice(0, UNLABELLED_SCAN_LINES)) {
    const found = findDate(line.text, anchor);
    if (!found) continue;
    if (NOT_PURCHASE_DATE.test(foldText(line.text.slice(0, found.index)))) continue;
    if (withinWindow(found.iso, anchor)) return found.iso;
  }
  return fallbackDate ?? lastModifiedDate ?? null;
}
