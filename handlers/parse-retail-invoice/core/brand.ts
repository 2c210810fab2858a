import type { TextDocument } from './text-lines';
import { normalizeVendor } from './text-normalize';

/**
 * The brand a receipt shows, read from the mail itself rather than from the
 * sender's domain: a forwarded message's "From" display name, the logo's alt or
 * title text, "Receipt from X", the site name, a sign-off ("The X team", "Ihr
 * X-Team", "Venlig hilsen X"). Null when the mail names no brand.
 */

/** Sender domains of mail services, payment platforms and mailboxes: never the shop's name. */
const MAIL_SERVICES = new Set([
  'gmail', 'googlemail', 'google', 'outlook', 'hotmail', 'live', 'msn', 'icloud', 'me', 'mac', 'yahoo', 'aol', 'proton', 'protonmail', 'gmx',
  'web', 'mail', 'email', 'shopifyemail', 'shopify', 'myshopify', 'stripe', 'squareup', 'square', 'mailchimp', 'mcsv', 'mcdlv', 'mandrillapp',
  'sendgrid', 'sendgridnet', 'mailgun', 'klaviyo', 'klaviyomail', 'amazonses', 'postmarkapp', 'sparkpost', 'sparkpostmail', 'braze',
  'customeriomail', 'hubspot', 'hubspotemail', 'exacttarget', 'apsis', 'rule', 'paddle', 'lemonsqueezy', 'gumroad', 'fastspring',
  'chargebee', 'recurly', 'zuora', 'noreply', 'donotreply', 'notifications', 'notification', 'notify', 'news', 'newsletter', 'info',
  'receipts', 'orders', 'mailer', 'hello', 'service', 'support', 'postmaster', 'bounce', 'bounces', 'mktomail', 'rsys', 'rsgsv', 'emarsys',
  'createsend', 'cmail19', 'cmail20', 'ccsend', 'listmanage', 'sailthru', 'iterable', 'bronto', 'dmtrk', 'mailjet', 'sendinblue', 'brevo',
  'squarespace', 'wixemails', 'bigcommerce', 'woocommerce', 'ecwid', 'mail2', 'email2', 'mailer2', 'yandex', 'zoho', 'fastmail',
]);

/** Whether a key's vendor slug names a mail service or a domain fragment (`co` of `.co.uk`) rather than a shop. */
export function isMailServiceSlug(slug: string): boolean {
  const n = normalizeVendor(slug);
  return n.length <= 2 || MAIL_SERVICES.has(n);
}

/** Whether an address's domain is a mailbox provider's (`gmail.com`, `outlook.se`), whose senders are people. */
function isMailboxDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  return labels.length >= 2 && /^(?:gmail|googlemail|outlook|hotmail|live|msn|icloud|me|mac|yahoo|aol|proton|protonmail|pm|gmx|web|telia|bredband|comhem|online|mail|yandex|zoho|fastmail)$/.test(labels[labels.length - 2]);
}

const GENERIC_NAME = /^(?:logo|image|bild|icon|banner|header|spacer|pixel|product|produkt|photo|foto|visa|mastercard|amex|paypal|klarna|swish|facebook|instagram|twitter|x|youtube|tiktok|linkedin|pinterest|app store|google play|download on the app store|get it on google play|customer service|kundservice|kundeservice|kundendienst|support|no-?reply|do-?not-?reply|info|order|orders|receipts?|billing|team|.*\.(?:png|gif|jpe?g))$/i;

// Legal forms, as registered names end: the brand is the name before them.
const LEGAL_FORM = /,?\s+(?:AB|Ltd\.?|Limited|Inc\.?|GmbH|AS|ASA|ApS|A\/S|Oy|LLC|plc|BV|AG|KG|S\.A\.|SARL|Co\.)$/;

/** A brand name candidate cleaned of logo wording and legal form; null when it is generic or not a name. */
function brandName(raw: string): string | null {
  const name = raw
    .replace(/^["'“”]+|["'“”]+$/g, '')
    .replace(LEGAL_FORM, '')
    .replace(/\s*[-–|:]?\s*\b(?:logo(?:type)?|logga)\b\s*$/i, '')
    .replace(/^\s*\b(?:logo|logga)\b\s*[-–|:]?\s*/i, '')
    .trim();
  if (name.length < 2 || name.length > 40 || /@|https?:|www\.|\d{3}/.test(name) || name.split(/\s+/).length > 4) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(name) && !/\p{Lu}/u.test(name.slice(1))) return null;
  if (GENERIC_NAME.test(name) || isMailServiceSlug(name)) return null;
  return name;
}

// `From: Brand <no-reply@brand.example>` in a Gmail or Outlook forward (also Från, Fra, Von, De, Van).
const FORWARD_FROM = /^(?:from|från|fra|von|de|van|af)\s*:\s*(.+?)\s*(?:<|\[mailto:|\()[^@\s]*@([\w.-]+)/i;
const RECEIPT_FROM = /\b(?:receipt|invoice|kvitto|kvittering|quittung|rechnung|beleg|faktura)\s+(?:from|från|fra|von|frå)\s+(.+?)\s*(?:[#(|,.!]|$)/i;
const SIGN_OFFS: readonly RegExp[] = [
  /(?:^|[.!]\s+)(?:the|your)\s+(.+?)\s+team[.!]?$/i,
  /(?:^|[.!]\s+)(?:[\p{L} ]+,\s*)?(?:ihr|dein|euer|das)\s+(.+?)[- ]team\b/iu,
  /(?:vänliga hälsningar|vänlig hälsning|med vänlig hälsning|hälsningar|venlig hilsen|med venlig hilsen|vennlig hilsen|med vennlig hilsen|hilsen(?: oss i| fra)?|mit freundlichen grüßen|viele grüße|beste grüße|best regards|kind regards|regards|thanks|cheers),?\s+(?:från\s+|fra\s+)?(.+?)[.!]?$/iu,
];

function fromForwardHeader(doc: TextDocument): string | null {
  for (const line of doc.lines) {
    for (const cell of line.cells) {
      const m = FORWARD_FROM.exec(cell);
      // A person writing from a mailbox (`Anna <anna@gmail.com>`) is not the shop.
      const name = m && !isMailboxDomain(m[2]) ? brandName(m[1]) : null;
      if (name) return name;
    }
  }
  return null;
}

// A greeting alone on its line (`Vänliga hälsningar,`): the name is on the next line.
const GREETING_ALONE = /^(?:vänliga hälsningar|vänlig hälsning|med vänlig hälsning|hälsningar|venlig hilsen|med venlig hilsen|vennlig hilsen|med vennlig hilsen|mit freundlichen grüßen|viele grüße|beste grüße|best regards|kind regards|regards|cheers|thanks|many thanks|sincerely),?$/i;

function fromSentence(texts: readonly string[], patterns: readonly RegExp[]): string | null {
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text.length > 200) continue;
    if (patterns === SIGN_OFFS && GREETING_ALONE.test(text.trim()) && texts[i + 1]) {
      const name = brandName(texts[i + 1].replace(/^(?:the|your|ihr|dein|teamet på|team)\s+|[- ]team$/gi, ''));
      if (name) return name;
    }
    for (const re of patterns) {
      const m = re.exec(text);
      const name = m ? brandName(m[1]) : null;
      if (name) return name;
    }
  }
  return null;
}

// Header words that open a mail without naming anyone: greetings, headings, labels.
const NOT_A_HEADER_NAME = /(?:^|\s)(?:order|orders|receipt|kvitto|kvittering|invoice|faktura|rechnung|bestellung|beställning|bestilling|ordre|confirmation|bekräftelse|bekreftelse|bekræftelse|thank|thanks|tack|takk|tak|danke|vielen|hi|hej|hello|hallo|dear|your|din|ditt|dina|ihre|ihr|view|visa|se|in|browser|webbläsare)(?:\s|$|[!,.:])/i;

/**
 * A short brand-like line at the very top: a shop name set as text where a logo
 * would be. Weak evidence, for when the sender's domain names nobody.
 */
export function brandFromHeaderText(doc: TextDocument): string | null {
  for (const line of doc.lines.slice(0, 4)) {
    const text = line.cells[0];
    if (line.cells.length > 2 || /\d/.test(text) || text.split(/\s+/).length > 3 || NOT_A_HEADER_NAME.test(text)) continue;
    const name = brandName(text);
    if (name) return name;
  }
  return null;
}

const HEADER_LINES = 15;
const FOOTER_LINES = 25;

export function findBrand(doc: TextDocument): string | null {
  const head = doc.lines.slice(0, HEADER_LINES).flatMap((l) => l.cells);
  const tail = doc.lines.slice(-FOOTER_LINES).flatMap((l) => l.cells);
  return (
    fromForwardHeader(doc) ??
    doc.imageAlts.map(brandName).find((n) => n !== null) ??
    fromSentence([doc.title, ...head], [RECEIPT_FROM]) ??
    doc.siteNames.map(brandName).find((n) => n !== null) ??
    fromSentence(tail, SIGN_OFFS) ??
    null
  );
}
