import { brandFromHeaderText, findBrand, isMailServiceSlug } from '../brand';
import type { TextDocument } from '../text-lines';
import { normalizeVendor } from '../text-normalize';

export { normalizeVendor };

const MAX_NGRAM = 4;
const HEADER_LINES = 12;
const FOOTER_LINES = 20;
const WEB_DOMAIN_SUFFIX = /\.(?:com|se|no|dk|fi|de|nl|eu|net|org|io|co\.uk)[.!,]*$/i;
const LEGAL_SUFFIX = /\s+(?:AB|Ltd\.?|Limited|Inc\.?|GmbH|AS|ASA|ApS|A\/S|Oy|LLC|plc|BV|S\.?A\.?|Sverige|Sweden|Nordic|Group)$/i;
const COPYRIGHT = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([A-ZÅÄÖ0-9][\p{L}\d&'’ .-]{0,40}?)\s*(?:[.,|·•]|all rights|alla rättigheter|$)/iu;

/** The words of `text` forming the vendor slug, in their original spelling, or null. */
function findSlugIn(text: string, slug: string): string | null {
  if (!slug || text.length > 300) return null;
  const words = text.split(/[\s|/–—:,()«»"”“]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_NGRAM && i + n <= words.length; n++) {
      const phrase = words.slice(i, i + n).join(' ');
      const normalized = normalizeVendor(phrase);
      // `Amazon.com` is how the `amazon` vendor writes its name.
      if (normalized === slug || normalizeVendor(phrase.replace(WEB_DOMAIN_SUFFIX, '')) === slug) {
        return phrase.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}&'’+.]+$/gu, '').replace(/[.]+$/, '');
      }
      if (normalized.length > slug.length) break;
    }
  }
  return null;
}

function copyrightHolder(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = COPYRIGHT.exec(line);
    if (m) {
      const name = m[1].trim().replace(LEGAL_SUFFIX, '').trim();
      if (name.length >= 2 && /\p{L}/u.test(name)) return name;
    }
  }
  return null;
}

/**
 * The vendor's display name. The key's vendor slug says who it is; the HTML says
 * how the vendor writes its name. Looks for the slug's words in the logo alt text,
 * the title, the site name, the header and the footer. A slug that is a mail
 * service or a domain fragment (`gmail`, `shopifyemail`, `stripe`, `co`) names
 * nobody: then, as when the slug is nowhere in the HTML, the brand the mail shows
 * (forward "From" name, logo, "Receipt from", site name, sign-off), else the
 * copyright holder (for a mail-service slug, then a shop name set as text at the
 * top); last, the slug itself.
 */
export function findVendorName(doc: TextDocument, vendorSlug: string): string {
  const service = isMailServiceSlug(vendorSlug);
  if (!service) {
    const slug = normalizeVendor(vendorSlug);
    const texts = [
      ...doc.imageAlts,
      doc.title,
      ...doc.siteNames,
      ...doc.lines.slice(0, HEADER_LINES).map((l) => l.text),
      ...doc.lines.slice(-FOOTER_LINES).map((l) => l.text),
    ];
    for (const text of texts) {
      const found = findSlugIn(text, slug);
      if (found) return found;
    }
    const siteName = doc.siteNames.find((s) => s.length >= 2 && s.length <= 40);
    if (siteName) return siteName;
  }
  const footer = doc.lines.slice(-FOOTER_LINES).map((l) => l.text);
  if (!service) return copyrightHolder(footer) ?? findBrand(doc) ?? vendorSlug;
  return findBrand(doc) ?? copyrightHolder(footer) ?? brandFromHeaderText(doc) ?? vendorSlug;
}
