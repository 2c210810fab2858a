import fc from 'fast-check';
import { RETAIL_SUB_TYPE_NAMES } from '../../contract/sub-types';

/**
 * Keys inside and outside the grammar of `handlers/shared/s3-keys.ts`. Valid keys
 * use the characters real uploads carry: letters with diacritics, spaces, `&`,
 * `+`, `%`, brackets and emoji; invalid ones take a valid key and break exactly
 * one rule of the grammar, so each is known to be invalid by construction.
 */
const chars = (s: string) => [...s];
const USER_CHARS = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.');
const FILE_CHARS = chars('abcXYZ0123456789 _-.&+%#()[]=,;@!~\'åäöÅÄÖéüñ€😀');
const VENDOR_CHARS = FILE_CHARS.filter((c) => c !== '_');
/** Characters the grammar refuses anywhere: controls, zero-width, bidi overrides, the BOM. */
export const INVISIBLE_CHARS = ['\u0000', '\u0007', '\n', '\r', '\t', '\u007f', '\u0085', '\u200b', '\u200d', '\u200e', '\u202e', '\u2066', '\ufeff'];

const text = (alphabet: string[], minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength, maxLength }).map((a) => a.join(''));

export const userIdArbitrary = fc
  .tuple(fc.constantFrom(...USER_CHARS.filter((c) => c !== '.')), text(USER_CHARS, 0, 40))
  .map(([first, rest]) => first + rest);

const stemArbitrary = fc
  .tuple(fc.constantFrom(...FILE_CHARS.filter((c) => c !== '.')), text(FILE_CHARS, 0, 60))
  .map(([first, rest]) => first + rest);

const pdfExtension = fc.constantFrom('.pdf', '.PDF', '.Pdf');

export const rentalCurrentKeyArbitrary = fc
  .tuple(userIdArbitrary, stemArbitrary, pdfExtension)
  .map(([user, stem, ext]) => `invoices/${user}/rental/${stem}${ext}`);

export const rentalLegacyKeyArbitrary = fc
  .tuple(userIdArbitrary, stemArbitrary, pdfExtension)
  .map(([user, stem, ext]) => `rental-invoices/${user}/${stem}${ext}`);

const dateArbitrary = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const hashArbitrary = fc.stringMatching(/^[A-Za-z0-9]{1,64}$/);

/** Vendors as the fetchers write them: slugs with `&` and `-` (jack&jones, h-m), never `_`. */
const vendorArbitrary = fc.oneof(
  fc.constantFrom('jack&jones', 'h-m', 'knit&purl', 'ica', 'gadget-grove', 'b&b-hotels'),
  text(VENDOR_CHARS, 1, 40),
);

export const retailKeyArbitrary = fc
  .tuple(userIdArbitrary, fc.constantFrom(...RETAIL_SUB_TYPE_NAMES), vendorArbitrary, dateArbitrary, hashArbitrary)
  .map(([user, subType, vendor, date, hash]) => `invoices/${user}/retail/${subType}/${vendor}_${date}_${hash}.html`);

export const validKeyArbitrary = fc.oneof(rentalCurrentKeyArbitrary, rentalLegacyKeyArbitrary, retailKeyArbitrary);

type Breaker = (key: string, pick: number, extra: string) => string;

function atSegment(key: string, pick: number, edit: (segments: string[], i: number) => void): string {
  const segments = key.split('/');
  edit(segments, pick % segments.length);
  return segments.join('/');
}

/** Each breaks one rule; every one of them makes any valid key invalid. */
const BREAKERS: Readonly<Record<string, Breaker>> = {
  dotDotSegment: (k, p) => atSegment(k, p, (s, i) => s.splice(i + 1, 0, '..')),
  dotDotUser: (k) => atSegment(k, 0, (s) => (s[1] = '..')),
  doubleSlash: (k, p) => atSegment(k, p, (s, i) => s.splice(i + 1, 0, '')),
  leadingSlash: (k) => `/${k}`,
  trailingSlash: (k) => `${k}/`,
  invisible: (k, p) => {
    const at = p % (k.length + 1);
    return k.slice(0, at) + INVISIBLE_CHARS[p % INVISIBLE_CHARS.length] + k.slice(at);
  },
  overlongFileName: (k) => atSegment(k, 0, (s) => (s[s.length - 1] = 'x'.repeat(256) + s[s.length - 1])),
  overlongUserId: (k) => atSegment(k, 0, (s) => (s[1] = 'u'.repeat(129))),
  wrongPrefix: (k, _p, extra) => atSegment(k, 0, (s) => (s[0] = s[0] === 'invoices' ? `${extra}x` : `x${extra}`)),
  wrongExtension: (k) => k.replace(/\.(pdf|html)$/i, (ext) => (ext.toLowerCase() === '.pdf' ? '.pdf.exe' : '.htm')),
  empty: () => '',
  unicodeUserId: (k) => atSegment(k, 0, (s) => (s[1] = `${s[1]}å`)),
};

export const BREAKER_NAMES = Object.keys(BREAKERS);

/** A valid key with one rule broken, labelled with the rule. */
export const invalidKeyArbitrary = fc
  .tuple(validKeyArbitrary, fc.constantFrom(...BREAKER_NAMES), fc.nat(), fc.string({ maxLength: 6 }))
  .map(([key, rule, pick, extra]) => ({ rule, key: BREAKERS[rule](key, pick, extra) }));

/** Retail-only rule breaks: unknown sub_type, impossible date, `_` in the vendor. */
export const invalidRetailKeyArbitrary = fc
  .tuple(userIdArbitrary, fc.constantFrom(...RETAIL_SUB_TYPE_NAMES), hashArbitrary, fc.integer({ min: 0, max: 2 }))
  .map(([user, subType, hash, rule]) => {
    if (rule === 0) return { rule: 'unknownSubType', key: `invoices/${user}/retail/${subType}x/ica_2025-03-14_${hash}.html` };
    if (rule === 1) return { rule: 'impossibleDate', key: `invoices/${user}/retail/${subType}/ica_2025-02-30_${hash}.html` };
    return { rule: 'underscoreInVendor', key: `invoices/${user}/retail/${subType}/ica_maxi_2025-03-14_${hash}.html` };
  });
